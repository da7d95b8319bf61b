// Builds the actor (role and unit) of a user from the database. Used on every request by
// currentActor(), and by tests and scripts that act as a given user.
import type { PrismaClient } from "@/lib/db/generated/client";
import type { Actor } from "./policy";

export async function loadActor(db: Pick<PrismaClient, "user">, where: { id: number } | { email: string }): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where,
    include: { province: true, agency: { include: { province: true } } },
  });
  if (!user || !user.active) return null;
  // An agency head's province is their agency's province.
  const province = user.agency?.province ?? user.province;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    provinceId: province?.id ?? null,
    provinceName: province?.nameVi ?? null,
    agencyId: user.agency?.id ?? null,
    agencyName: user.agency?.name ?? null,
  };
}
