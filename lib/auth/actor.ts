// The signed-in person, re-read from the database on every request.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { auth } from "./auth";
import type { Actor } from "./policy";

/** The current actor, or null when signed out, unknown or disabled. Cached per request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const user = await db.user.findUnique({
    where: { id },
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
});
