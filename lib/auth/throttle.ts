// Sign-in throttling. Failed attempts are counted per account and per client address over a
// sliding window; the counters live in PostgreSQL (login_attempt), not in the Node process,
// so several app instances share them.
import type { PrismaClient } from "@/lib/db/generated/client";

export const THROTTLE = {
  windowMinutes: Number(process.env.LOGIN_WINDOW_MINUTES ?? 15),
  maxFailuresPerAccount: Number(process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT ?? 5),
  maxFailuresPerIp: Number(process.env.LOGIN_MAX_FAILURES_PER_IP ?? 20),
};

export type ThrottleVerdict = { blocked: false } | { blocked: true; retryAfterMinutes: number };

/**
 * Pure rule: blocked while the failures inside the window reach the limit; free again when the
 * oldest of the failures that count leaves the window.
 */
export function throttleVerdict(
  failures: readonly Date[],
  limit: number,
  now: Date,
  windowMinutes = THROTTLE.windowMinutes,
): ThrottleVerdict {
  const windowMs = windowMinutes * 60_000;
  const recent = failures.filter((at) => now.getTime() - at.getTime() < windowMs).sort((a, b) => b.getTime() - a.getTime());
  if (recent.length < limit) return { blocked: false };
  const freedAt = recent[limit - 1].getTime() + windowMs;
  return { blocked: true, retryAfterMinutes: Math.max(1, Math.ceil((freedAt - now.getTime()) / 60_000)) };
}

/** The client's address as told by the reverse proxy (see README "Deployment"). */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || headers.get("x-real-ip")?.trim() || "unknown").slice(0, 64);
}

export async function checkThrottle(db: PrismaClient, email: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  // A successful sign-in clears the account's earlier failures.
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, succeeded: true, at: { gte: since } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const [accountFailures, ipFailures] = await Promise.all([
    db.loginAttempt.findMany({
      where: { email, succeeded: false, at: { gte: lastSuccess?.at ?? since } },
      select: { at: true },
      orderBy: { at: "desc" },
      take: THROTTLE.maxFailuresPerAccount,
    }),
    db.loginAttempt.findMany({
      where: { ip, succeeded: false, at: { gte: since } },
      select: { at: true },
      orderBy: { at: "desc" },
      take: THROTTLE.maxFailuresPerIp,
    }),
  ]);
  const byAccount = throttleVerdict(accountFailures.map((f) => f.at), THROTTLE.maxFailuresPerAccount, now);
  const byIp = throttleVerdict(ipFailures.map((f) => f.at), THROTTLE.maxFailuresPerIp, now);
  if (byAccount.blocked && byIp.blocked) {
    return { blocked: true, retryAfterMinutes: Math.max(byAccount.retryAfterMinutes, byIp.retryAfterMinutes) };
  }
  return byAccount.blocked ? byAccount : byIp;
}

export async function recordAttempt(db: PrismaClient, email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, succeeded } });
}
