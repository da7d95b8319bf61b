// Checks an e-mail and password against the database, with throttling. Kept apart from the
// Auth.js wiring so that it can be tested on its own and the provider can change.
import type { PrismaClient } from "@/lib/db/generated/client";
import { loginSchema } from "./schema";
import { dummyPasswordHash, verifyPassword } from "./password";
import { markSucceeded, reserveAttempt } from "./throttle";

export type SignInOutcome =
  | { ok: true; userId: number; email: string; name: string; sessionVersion: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

export async function checkCredentials(db: PrismaClient, raw: unknown, ip: string): Promise<SignInOutcome> {
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const reserved = await reserveAttempt(db, email, ip);
  if (reserved.blocked) return { ok: false, reason: "throttled", retryAfterMinutes: reserved.retryAfterMinutes };

  const user = await db.user.findUnique({ where: { email } });
  // The password is checked for every account, disabled or not, and against a dummy hash when
  // there is none: the time of the answer tells nothing about which accounts exist or are active.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  // An invited account has no password until its link is used: the dummy hash must not open it.
  const ok = passwordOk && user?.active === true && user.passwordHash !== null;
  if (!ok || !user) return { ok: false, reason: "invalid" };
  await markSucceeded(db, reserved.attemptId);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { ok: true, userId: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
