// Sign-in throttling. Failed attempts are counted per account and per client address over a
// sliding window; the counters live in PostgreSQL (login_attempt), not in the Node process,
// so several app instances share them.
import type { PrismaClient } from "@/lib/db/generated/client";

type Attempts = Pick<PrismaClient, "loginAttempt">;

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
export function throttleVerdict(failures: readonly Date[], limit: number, now: Date, windowMinutes = THROTTLE.windowMinutes): ThrottleVerdict {
  const windowMs = windowMinutes * 60_000;
  const recent = failures.filter((at) => now.getTime() - at.getTime() < windowMs).sort((a, b) => b.getTime() - a.getTime());
  if (recent.length < limit) return { blocked: false };
  const freedAt = recent[limit - 1].getTime() + windowMs;
  return { blocked: true, retryAfterMinutes: Math.max(1, Math.ceil((freedAt - now.getTime()) / 60_000)) };
}

/**
 * The client's address: the one address the web server (scripts/web-server.mjs) writes into
 * X-Forwarded-For, from the connection or, behind TRUSTED_PROXIES, from what they forwarded
 * (README "Deployment"); whatever the client sent in that header is gone by then.
 */
export function clientIp(headers: Headers): string {
  return (headers.get("x-forwarded-for")?.trim() || "unknown").slice(0, 64);
}

export async function checkThrottle(db: Attempts, email: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
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
  const byAccount = throttleVerdict(
    accountFailures.map((f) => f.at),
    THROTTLE.maxFailuresPerAccount,
    now,
  );
  const byIp = throttleVerdict(
    ipFailures.map((f) => f.at),
    THROTTLE.maxFailuresPerIp,
    now,
  );
  if (byAccount.blocked && byIp.blocked) {
    return { blocked: true, retryAfterMinutes: Math.max(byAccount.retryAfterMinutes, byIp.retryAfterMinutes) };
  }
  return byAccount.blocked ? byAccount : byIp;
}

// Advisory lock classes (first key of pg_advisory_xact_lock(int, int)) for an account and an address.
const ACCOUNT_LOCK = 72_701;
const ADDRESS_LOCK = 72_702;

// Attempts on the same account or address of this process queue here first, so that a burst
// waits in memory instead of filling the connection pool with transactions blocked on the same
// advisory lock (every other request would wait for a connection); the advisory locks still
// order attempts across instances.
const queues = new Map<string, Promise<unknown>>();
function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(work, work);
  const tail = run.catch(() => {});
  queues.set(key, tail);
  void tail.then(() => queues.get(key) === tail && queues.delete(key));
  return run;
}

/**
 * Checks the limits and, unless blocked, records this attempt as a failure, in one transaction
 * holding an advisory lock on the account and on the address. Concurrent attempts therefore see
 * each other: a burst of 1,000 let 146 passwords be checked against a limit of 5 when the attempt
 * was recorded only after the (slow, argon2) check. The password is verified after the lock is
 * released; markSucceeded() then turns the attempt into a success.
 */
export function reserveAttempt(
  db: PrismaClient,
  email: string,
  ip: string,
  now = new Date(),
): Promise<{ blocked: true; retryAfterMinutes: number } | { blocked: false; attemptId: bigint }> {
  // Always the account first, then the address: no two attempts can wait for each other.
  return oneAtATime(`account:${email}`, () =>
    oneAtATime(`address:${ip}`, () =>
      db.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACCOUNT_LOCK}::int, hashtext(${email}))`;
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}::int, hashtext(${ip}))`;
          const verdict = await checkThrottle(tx, email, ip, now);
          if (verdict.blocked) return verdict;
          const attempt = await tx.loginAttempt.create({ data: { email, ip, succeeded: false }, select: { id: true } });
          return { blocked: false as const, attemptId: attempt.id };
        },
        // Several instances in a burst queue for the lock: wait rather than fail the sign-in.
        { maxWait: 30_000, timeout: 30_000 },
      ),
    ),
  );
}

export async function markSucceeded(db: PrismaClient, attemptId: bigint): Promise<void> {
  await db.loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}
