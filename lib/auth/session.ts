// How long a session lives and how it ends. The session cookie (a JWT signed with AUTH_SECRET)
// holds the user id, the user's session version at sign-in and the time of sign-in:
// - every session of a user ends when their session version is raised (endSessions: sign-out,
//   password change or reset, disabling); the version is compared where the actor is loaded
//   (load-actor.ts), in the one statement every signed-in request already sends;
// - a session ends SESSION_LIFETIME_HOURS after sign-in, however often it was renewed (page reads
//   renew the cookie's 8-hour idle expiry, proxy.ts, so a copied cookie would otherwise live for ever).
import { encode, getToken } from "next-auth/jwt";
import type { PrismaClient } from "@/lib/db/generated/client";

export const SESSION_LIFETIME_HOURS = 12;
/** `__Secure-` cookies when the portal is served over HTTPS (Auth.js's setting of lib/auth/auth.ts). */
export const SECURE_COOKIES = process.env.NODE_ENV === "production" && (process.env.AUTH_URL ?? "").startsWith("https://");
/** Idle expiry of the cookie, renewed on use up to the lifetime above. */
export const SESSION_IDLE_HOURS = 8;
/** The session cookie's name, which is also the salt of its encryption key (Auth.js's defaults). */
export const SESSION_COOKIE = SECURE_COOKIES ? "__Secure-authjs.session-token" : "authjs.session-token";
/**
 * When the browser's session cookie is next due for renewal (seconds since the epoch). A hint, not a
 * credential: it only spares decrypting the session on every request, and a forged one can only
 * delay the renewal of its own session.
 */
export const RENEWAL_HINT_COOKIE = "session-renew-after";
export const RENEWAL_INTERVAL_MINUTES = 30;

/** Whether a session signed in at `signedInAt` (seconds since the epoch; absent in cookies older than this rule) has outlived its lifetime. */
export function sessionExpired(signedInAt: unknown, now = Date.now()): boolean {
  return typeof signedInAt !== "number" || now - signedInAt * 1000 >= SESSION_LIFETIME_HOURS * 3_600_000;
}

/** Whether a request's session is due for renewal, by the hint cookie it carries (absent or unreadable: due). */
export function renewalDue(hint: string | undefined, now = Date.now()): boolean {
  const at = Number(hint);
  return hint === undefined || !Number.isFinite(at) || at * 1000 <= now;
}

/**
 * The session cookie of a request renewed: the same claims (user, session version, time of sign-in)
 * with a fresh idle expiry, never past the session's lifetime. Auth.js renews its cookie only in its
 * own session endpoint, which no page calls (pages read the cookie with `sessionOfCookies`), so
 * without this an active user's session ended 8 hours after sign-in. Null when there is no valid
 * session to renew.
 */
export async function renewedSessionCookie(cookieHeader: string, now = Date.now()): Promise<{ name: string; value: string; maxAge: number } | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  const token = await sessionToken(cookieHeader, now);
  if (!token) return null;
  const lifetimeLeft = Math.floor(((token.signedInAt as number) * 1000 + SESSION_LIFETIME_HOURS * 3_600_000 - now) / 1000);
  const maxAge = Math.min(SESSION_IDLE_HOURS * 3600, lifetimeLeft);
  const { exp: _exp, iat: _iat, jti: _jti, ...claims } = token;
  return { name: SESSION_COOKIE, value: await encode({ token: claims, secret, salt: SESSION_COOKIE, maxAge }), maxAge };
}

/** The session cookie's claims, decoded by Auth.js (its expiry checked), or null when absent, invalid or past its lifetime. */
async function sessionToken(cookieHeader: string, now = Date.now()) {
  const token = await getToken({ req: { headers: { cookie: cookieHeader } }, secret: process.env.AUTH_SECRET, secureCookie: SECURE_COOKIES });
  return token && !sessionExpired(token.signedInAt, now) ? token : null;
}

/** Ends every session of a user, on every device. */
export async function endSessions(db: Pick<PrismaClient, "$executeRaw">, userId: number): Promise<void> {
  await db.$executeRaw`UPDATE app_user SET session_version = session_version + 1 WHERE id = ${userId}`;
}

/**
 * The session a request's cookies carry, as `auth()` gives it, read with Auth.js's own decoding
 * (same cookie, secret and salt; the token's expiry checked by it) and the same rule as the `jwt`
 * callback of lib/auth/auth.ts. `auth()` in a server component does much more for the same answer: it builds a
 * Request, runs Auth.js's session endpoint, which encrypts a renewed cookie that a page cannot set
 * anyway, and passes the session through JSON both ways — a sizeable part of every signed-in
 * page's own work (docs/benchmarks.md, issue 19). Only the cookie counts: no Bearer header.
 */
export async function sessionOfCookies(cookieHeader: string): Promise<{ userId: number; sessionVersion: number } | null> {
  const token = await sessionToken(cookieHeader);
  if (!token) return null;
  const userId = Number(token.uid);
  if (!Number.isInteger(userId) || userId <= 0) return null;
  // A session without a version (signed in before versions existed) matches none: sign in again.
  return { userId, sessionVersion: typeof token.sv === "number" ? token.sv : -1 };
}
