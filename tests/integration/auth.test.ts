import { describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/auth/credentials";
import { THROTTLE } from "@/lib/auth/throttle";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { testDb } from "../support/db";

const wrong = (email: string, ip: string) => checkCredentials(testDb, { email, password: "sai-mat-khau" }, ip);

describe("sign-in", () => {
  it("accepts a demo account with its password, whatever the e-mail's case", async () => {
    const outcome = await checkCredentials(testDb, { email: " NoiVu@Demo.Local ", password: DEMO_PASSWORD }, "10.0.0.1");
    expect(outcome).toMatchObject({ ok: true, email: "noivu@demo.local" });
  });

  it("refuses a wrong password, an unknown account and malformed input alike", async () => {
    expect(await wrong("noivu@demo.local", "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
    expect(await wrong("khongco@demo.local", "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials(testDb, { email: 42 }, "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a disabled account even with the right password", async () => {
    await testDb.user.update({ where: { email: "lanhdao@demo.local" }, data: { active: false } });
    const outcome = await checkCredentials(testDb, { email: "lanhdao@demo.local", password: DEMO_PASSWORD }, "10.0.0.3");
    await testDb.user.update({ where: { email: "lanhdao@demo.local" }, data: { active: true } });
    expect(outcome).toEqual({ ok: false, reason: "invalid" });
  });

  it("answers a disabled account as slowly as an active one: its password is checked too (issue 11, item 12)", async () => {
    const timed = async (email: string, ip: string) => {
      const started = performance.now();
      expect(await checkCredentials(testDb, { email, password: "không-đúng" }, ip)).toEqual({ ok: false, reason: "invalid" });
      return performance.now() - started;
    };
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    // Three active and three disabled accounts with the same password hash (the leader's), so that
    // each side has 9 samples within the limit of 5 checks per account: a median of 9 holds on a busy
    // machine where one of 3 did not.
    const leader = await testDb.user.findUniqueOrThrow({ where: { email: "lanhdao@demo.local" } });
    const twin = (email: string, active: boolean) =>
      testDb.user.create({ data: { email, name: "Thời gian", role: leader.role, provinceId: leader.provinceId, passwordHash: leader.passwordHash, active } });
    const activeEmails = ["noivu@demo.local", "dung.gio.1@kiemthu.gov.vn", "dung.gio.2@kiemthu.gov.vn"];
    const disabledEmails = ["lanhdao@demo.local", "tat.gio.1@kiemthu.gov.vn", "tat.gio.2@kiemthu.gov.vn"];
    for (const email of activeEmails.slice(1)) await twin(email, true);
    for (const email of disabledEmails.slice(1)) await twin(email, false);
    await testDb.user.update({ where: { email: "lanhdao@demo.local" }, data: { active: false } });
    try {
      const active: number[] = [];
      const disabled: number[] = [];
      // Interleaved, 3 of each account (the account limit is 5): the machine's load falls on both alike.
      for (let i = 0; i < 3; i++) {
        for (let k = 0; k < 3; k++) {
          active.push(await timed(activeEmails[k], `10.2.${k}.${i}`));
          disabled.push(await timed(disabledEmails[k], `10.3.${k}.${i}`));
        }
      }
      // An argon2 check costs tens of milliseconds; without it a refusal is a few database reads.
      expect(median(disabled)).toBeGreaterThan(median(active) * 0.6);
    } finally {
      await testDb.user.update({ where: { email: "lanhdao@demo.local" }, data: { active: true } });
    }
  });

  it("locks an account after 5 failures in 15 minutes, even from other addresses and with the right password", async () => {
    const email = "thutruong@demo.local";
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) {
      expect(await wrong(email, `10.1.0.${i}`)).toEqual({ ok: false, reason: "invalid" });
    }
    const locked = await checkCredentials(testDb, { email, password: DEMO_PASSWORD }, "10.1.1.1");
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    expect(locked.ok === false && locked.reason === "throttled" && locked.retryAfterMinutes).toBeGreaterThanOrEqual(14);
    // Other accounts are not affected.
    expect(await checkCredentials(testDb, { email: "quantri@demo.local", password: DEMO_PASSWORD }, "10.1.1.1")).toMatchObject({
      ok: true,
    });
  });

  it("frees the account once the failures leave the window", async () => {
    const email = "thutruong@demo.local";
    await testDb.loginAttempt.updateMany({ where: { email }, data: { at: new Date(Date.now() - (THROTTLE.windowMinutes + 1) * 60_000) } });
    expect(await checkCredentials(testDb, { email, password: DEMO_PASSWORD }, "10.1.1.2")).toMatchObject({ ok: true });
  });

  it("blocks an address that fails on many accounts", async () => {
    const ip = "10.9.9.9";
    for (let i = 0; i < THROTTLE.maxFailuresPerIp; i++) await wrong(`nguoi${i}@demo.local`, ip);
    expect(await checkCredentials(testDb, { email: "quantri@demo.local", password: DEMO_PASSWORD }, ip)).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect(await checkCredentials(testDb, { email: "quantri@demo.local", password: DEMO_PASSWORD }, "10.9.9.10")).toMatchObject({
      ok: true,
    });
  });

  it("stores argon2id hashes, never the password", async () => {
    const user = await testDb.user.findUniqueOrThrow({ where: { email: "noivu@demo.local" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.passwordHash).not.toContain(DEMO_PASSWORD);
  });
});
