// Sign-in throttling against bursts of 1,000 concurrent wrong-password attempts through Auth.js's
// credentials endpoint (the sign-in form's server action calls the same provider), the client
// address sent as X-Forwarded-For as a reverse proxy would. "Checked" attempts are the ones whose
// password was verified, i.e. recorded in login_attempt; the others must be refused as throttled
// without looking at the password. Limits: 5 failures per account, 20 per address, in 15 minutes.
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../lib/db/prisma";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { csrf, signInOverHttp, type SignInResult } from "../../scripts/lib/throwaway-portal";
import { screenshot, signIn } from "../support/browser";
import { e2e } from "../support/portal";

const ATTEMPTS = 1000;
const PER_ACCOUNT = 5;
const PER_ADDRESS = 20;
const { baseUrl, databaseUrl, browser, server } = await e2e();
const db = createPrismaClient(databaseUrl, 2);
afterAll(() => db.$disconnect());

type Burst = { results: SignInResult[]; seconds: number; healthMs: number[]; byOutcome: Record<string, number> };

/** Fires every attempt at once and, meanwhile, times /api/health every 100 ms. */
async function burst(attempts: { email: string; ip: string }[]): Promise<Burst> {
  const token = await csrf(baseUrl);
  const started = performance.now();
  let done = false;
  const healthMs: number[] = [];
  const probing = (async () => {
    while (!done) {
      const t = performance.now();
      // A pooled keep-alive connection the server closed as the probe reused it is reset by the
      // transport (ECONNRESET, seen once among a thousand sockets): one new connection, timed from
      // the first try. A server that does not answer fails both.
      const response = await fetch(`${baseUrl}/api/health`).catch(() => fetch(`${baseUrl}/api/health`));
      expect(response.status).toBe(200);
      healthMs.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const results = await Promise.all(attempts.map(({ email, ip }) => signInOverHttp(baseUrl, { email, password: "sai-mat-khau" }, { ip, csrf: token })));
  const seconds = (performance.now() - started) / 1000;
  done = true;
  await probing;
  const byOutcome: Record<string, number> = {};
  for (const r of results) byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + 1;
  // Responsive throughout: every probe answered 200 (checked above), none took more than 10 s.
  expect(Math.max(...healthMs)).toBeLessThan(10_000);
  return { results, seconds, healthMs, byOutcome };
}

const describeBurst = (name: string, b: Burst, checked: number) =>
  `${name}: ${ATTEMPTS} lần thử trong ${b.seconds.toFixed(1)} s — ${checked} được kiểm tra mật khẩu (sai), ` +
  `${b.byOutcome.throttled ?? 0} bị từ chối vì tạm khóa; /api/health trong lúc đó: tối đa ${Math.round(Math.max(...b.healthMs))} ms ` +
  `(${b.healthMs.length} lần đo)`;

describe("sign-in throttling under a burst of 1,000 attempts", () => {
  it("checks at most 5 passwords of one account from one address and refuses the rest as throttled", async () => {
    const b = await burst(Array.from({ length: ATTEMPTS }, () => ({ email: "noivu@demo.local", ip: "203.0.113.7" })));
    const checked = await db.loginAttempt.count({ where: { email: "noivu@demo.local", succeeded: false } });
    console.log(describeBurst("Một tài khoản, một địa chỉ", b, checked));
    expect(b.byOutcome).toEqual({ invalid: checked, throttled: ATTEMPTS - checked });
    expect(checked).toBe(PER_ACCOUNT);
    expect(b.results.every((r) => r.status === 302)).toBe(true);
    // A wrong password is an answer to the user, not a server error: no stack trace in the log.
    expect(server.stderr()).not.toMatch(/CredentialsSignin|\n\s+at /);
  });

  it("refuses the right password while the account is locked, from any address, and on the sign-in form", async () => {
    expect((await signInOverHttp(baseUrl, { email: "noivu@demo.local", password: DEMO_PASSWORD }, { ip: "198.51.100.1" })).outcome).toBe("throttled");
    const page = await (await browser.newContext({ locale: "vi-VN", extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.2" } })).newPage();
    await signIn(page, baseUrl, "noivu@demo.local", DEMO_PASSWORD);
    const alert = page.locator("form [role=alert]");
    await alert.waitFor({ timeout: 10_000 });
    await expect(alert.textContent()).resolves.toMatch(/^Đăng nhập sai quá nhiều lần\. Tài khoản tạm khóa, vui lòng thử lại sau 1[45] phút\.$/);
    await screenshot(page, "dang-nhap-tam-khoa");
    await page.context().close();
    // Another account signs in normally meanwhile.
    expect((await signInOverHttp(baseUrl, { email: "lanhdao@demo.local", password: DEMO_PASSWORD }, { ip: "198.51.100.3" })).outcome).toBe("ok");
  });

  it("keeps every account to 5 and every address to 20 checked passwords when 1,000 attempts spread over 125 accounts and 40 addresses", async () => {
    // Attempt i: account i mod 125 (8 attempts each, from 8 addresses), address ⌊i / 25⌋ (25 attempts each, on 25 accounts).
    const attempts = Array.from({ length: ATTEMPTS }, (_, i) => ({
      email: `thu${i % 125}@vi-du.gov.vn`,
      ip: `198.18.${Math.floor(i / 25)}.1`,
    }));
    const b = await burst(attempts);
    const rows = await db.loginAttempt.findMany({ where: { email: { endsWith: "@vi-du.gov.vn" } } });
    console.log(describeBurst("125 tài khoản, 40 địa chỉ", b, rows.length));
    expect(rows.every((r) => !r.succeeded)).toBe(true);
    expect(b.byOutcome).toEqual({ invalid: rows.length, throttled: ATTEMPTS - rows.length });
    const most = (key: "email" | "ip") => {
      const counts = new Map<string, number>();
      for (const row of rows) counts.set(row[key], (counts.get(row[key]) ?? 0) + 1);
      return Math.max(...counts.values());
    };
    expect(most("email")).toBeLessThanOrEqual(PER_ACCOUNT);
    expect(most("ip")).toBeLessThanOrEqual(PER_ADDRESS);
    // An address stops being checked at 20, an account at 5: 40 × 20 = 800 and 125 × 5 = 625 are the ceilings.
    expect(rows.length).toBeLessThanOrEqual(625);
  });
});
