// How long a session lives and how it ends. The session cookie (a JWT signed with AUTH_SECRET)
// holds the user id, the user's session version at sign-in and the time of sign-in:
// - every session of a user ends when their session version is raised (endSessions: sign-out,
//   password change or reset, disabling); the version is compared where the actor is loaded
//   (load-actor.ts), in the one statement every signed-in request already sends;
// - a session ends SESSION_LIFETIME_HOURS after sign-in, however often it was renewed (Auth.js
//   renews the cookie's 8-hour idle expiry on use, so a copied cookie would otherwise live for ever).
import type { PrismaClient } from "@/lib/db/generated/client";

export const SESSION_LIFETIME_HOURS = 12;
/** Idle expiry of the cookie, renewed on use up to the lifetime above. */
export const SESSION_IDLE_HOURS = 8;

/** Whether a session signed in at `signedInAt` (seconds since the epoch; absent in cookies older than this rule) has outlived its lifetime. */
export function sessionExpired(signedInAt: unknown, now = Date.now()): boolean {
  return typeof signedInAt !== "number" || now - signedInAt * 1000 >= SESSION_LIFETIME_HOURS * 3_600_000;
}

/** Ends every session of a user, on every device. */
export async function endSessions(db: Pick<PrismaClient, "$executeRaw">, userId: number): Promise<void> {
  await db.$executeRaw`UPDATE app_user SET session_version = session_version + 1 WHERE id = ${userId}`;
}
