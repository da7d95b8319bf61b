// Builds the actor (role and unit) of a user from the database. Used on every request by
// currentActor(), and by tests and scripts that act as a given user. One statement, not Prisma's
// four (user, province, agency, the agency's province): it runs before every signed-in page.
import type { PrismaClient } from "@/lib/db/generated/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Locale, Role } from "@/lib/db/generated/enums";
import type { Actor } from "./policy";

type ActorRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  session_version: number;
  province_id: number | null;
  province_name: string | null;
  agency_id: number | null;
  agency_name: string | null;
  locale: Locale | null;
};

/**
 * `sessionVersion`: the version the session was signed in with; a session whose version is no
 * longer the user's (lib/auth/session.ts) gets no actor. Tests and scripts acting as a user pass none.
 */
export async function loadActor(
  db: Pick<PrismaClient, "$queryRaw">,
  where: { id: number; sessionVersion?: number } | { email: string },
): Promise<Actor | null> {
  const condition = "id" in where ? Prisma.sql`u.id = ${where.id}` : Prisma.sql`u.email = ${where.email}`;
  // An agency head's province is their agency's province.
  const [user] = await db.$queryRaw<ActorRow[]>`
    SELECT u.id, u.email, u.name, u.role::text AS role, u.active, u.session_version,
           COALESCE(ap.id, p.id) AS province_id, COALESCE(ap.name_vi, p.name_vi) AS province_name,
           a.id AS agency_id, a.name AS agency_name, u.locale::text AS locale
      FROM app_user u
      LEFT JOIN province p ON p.id = u.province_id
      LEFT JOIN agency a ON a.id = u.agency_id
      LEFT JOIN province ap ON ap.id = a.province_id
     WHERE ${condition}`;
  if (!user?.active) return null;
  if ("sessionVersion" in where && where.sessionVersion !== undefined && where.sessionVersion !== user.session_version) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    provinceId: user.province_id,
    provinceName: user.province_name,
    agencyId: user.agency_id,
    agencyName: user.agency_name,
    locale: user.locale,
  };
}
