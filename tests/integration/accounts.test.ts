// Account administration (issue 13): who may manage whom, one-time links, the password rule,
// sessions that end, deletion of accounts that never acted, unlocking, and the audit rows —
// through lib and the API's route handlers, on the real database.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/policy";

const probe = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/guard", async () => {
  const { UnauthenticatedError } = await import("@/lib/errors");
  return { requireActor: async () => (probe.actor ? probe.actor : Promise.reject(new UnauthenticatedError())) };
});

const { createAccount, deleteAccount, resetAccountPassword, unlockAccount, updateAccount, updateOwnProfile } = await import("@/lib/accounts/mutations");
const { listAccounts } = await import("@/lib/accounts/queries");
const { changeOwnPassword, linkStatus, setPasswordWithLink } = await import("@/lib/accounts/passwords/mutations");
const { checkCredentials } = await import("@/lib/auth/credentials");
const { loadActor } = await import("@/lib/auth/load-actor");
const { THROTTLE } = await import("@/lib/auth/throttle");
const { DEMO_PASSWORD } = await import("@/prisma/seed");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");
const forgotRoute = await import("@/app/api/v1/password/forgot/route");
const usersRoute = await import("@/app/api/v1/users/route");

const GOOD = "Mùa thu Hà Nội lá vàng rơi";
const tokenOf = (path: string) => decodeURIComponent(new URL(path, "http://x").searchParams.get("token")!);
let admin: Actor;
let staff: Actor; // Home Affairs, An Giang
let n = 0;
const email = (tag: string) => `${tag}.${++n}@kiemthu.gov.vn`;

beforeAll(async () => {
  admin = await actorFor("quantri@demo.local");
  staff = await actorFor("noivu@demo.local");
});
afterAll(() => {
  probe.actor = null;
});

async function agencyOf(provinceCode: string) {
  const province = await testDb.province.findFirstOrThrow({ where: { code: provinceCode, validTo: null } });
  return testDb.agency.upsert({
    where: { provinceId_code: { provinceId: province.id, code: "KT-01" } },
    update: {},
    create: { provinceId: province.id, code: "KT-01", name: `Cơ quan thử ${provinceCode}`, kind: "DEPARTMENT", validFrom: new Date("2025-07-01") },
  });
}

describe("who may manage whom", () => {
  it("lets Home Affairs staff create their province's leaders and agency heads, with an invitation link", async () => {
    const leader = await createAccount(staff, { email: email("lanhdao"), name: "Lãnh đạo thử", role: "LEADER", provinceCode: "91" });
    expect(leader).toMatchObject({ role: "LEADER", provinceCode: "91", status: "invited" });
    expect(leader.invitation.path).toMatch(/^\/dat-mat-khau\?token=/);
    expect(leader.invitation.expiresAt.getTime() - Date.now()).toBeGreaterThan(71.9 * 3_600_000);
    const agency = await agencyOf("91");
    const head = await createAccount(staff, { email: email("thutruong"), name: "Thủ trưởng thử", role: "AGENCY_HEAD", agencyId: agency.id });
    expect(head).toMatchObject({ agencyId: agency.id, provinceCode: "91" });
  });

  it("refuses Home Affairs staff an administrator's account and another province's, in every way", async () => {
    await expect(createAccount(staff, { email: email("admin"), name: "Quản trị", role: "ADMIN" })).rejects.toMatchObject({ status: 403 });
    await expect(createAccount(staff, { email: email("hn"), name: "Sở Nội vụ Hà Nội", role: "HOME_AFFAIRS", provinceCode: "01" })).rejects.toMatchObject({
      status: 403,
    });
    const hanoiAgency = await agencyOf("01");
    await expect(createAccount(staff, { email: email("hn"), name: "Thủ trưởng Hà Nội", role: "AGENCY_HEAD", agencyId: hanoiAgency.id })).rejects.toMatchObject({
      status: 403,
    });
    // An account of Hà Nội: not to be edited, reset, or listed.
    const hanoi = await createAccount(admin, { email: email("hn"), name: "Cán bộ Hà Nội", role: "HOME_AFFAIRS", provinceCode: "01" });
    await expect(updateAccount(staff, hanoi.id, { version: hanoi.version, name: "Đổi tên" })).rejects.toMatchObject({ status: 403 });
    await expect(resetAccountPassword(staff, hanoi.id)).rejects.toMatchObject({ status: 403 });
    expect((await listAccounts(staff, { q: "Cán bộ Hà Nội" })).rows).toEqual([]);
    // Nor promote their own people to administrator, nor move them to another province.
    const own = await createAccount(staff, { email: email("own"), name: "Cán bộ An Giang", role: "HOME_AFFAIRS", provinceCode: "91" });
    await expect(updateAccount(staff, own.id, { version: own.version, role: "ADMIN", provinceCode: "" })).rejects.toMatchObject({ status: 403 });
    await expect(updateAccount(staff, own.id, { version: own.version, provinceCode: "01" })).rejects.toMatchObject({ status: 403 });
    const adminAccount = await testDb.user.findUniqueOrThrow({ where: { email: "quantri@demo.local" } });
    await expect(updateAccount(staff, adminAccount.id, { version: adminAccount.version, disabled: true })).rejects.toMatchObject({ status: 403 });
    // Leaders and agency heads manage nobody.
    for (const who of ["lanhdao@demo.local", "thutruong@demo.local"]) {
      await expect(listAccounts(await actorFor(who), {})).rejects.toMatchObject({ status: 403 });
    }
  });

  it("answers the API with 201 and the link, and a clear message naming the field for bad input", async () => {
    probe.actor = staff;
    const post = (body: unknown) => usersRoute.POST(new NextRequest("http://localhost/api/v1/users", { method: "POST", body: JSON.stringify(body) }));
    const ok = await post({ email: email("api"), name: "Qua API", role: "LEADER", provinceCode: "91" });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ role: "LEADER", invitation: { link: expect.stringMatching(/^http:\/\/localhost\/dat-mat-khau\?token=/) } });
    const bad = await post({ email: "khong-phai-email", name: "", role: "KING" });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { issues: { field: string; message: string }[] };
    expect(body.issues.map((i) => i.field).sort()).toEqual(["email", "name", "role"]);
    expect(body.issues.every((i) => /[ạảãáàâầấậẩẫăằắặẳẵêềếệểễôồốộổỗơờớợởỡưừứựửữíìịỉĩýỳỵỷỹđ]/i.test(i.message) || /Email|Nhập/.test(i.message))).toBe(true);
    probe.actor = null;
  });

  it("never lets anyone disable or demote themselves", async () => {
    const me = await testDb.user.findUniqueOrThrow({ where: { email: "noivu@demo.local" } });
    await expect(updateAccount(staff, me.id, { version: me.version, disabled: true })).rejects.toMatchObject({ status: 400 });
    await expect(updateAccount(staff, me.id, { version: me.version, role: "LEADER" })).rejects.toMatchObject({ status: 400 });
  });

  it("refuses a stale version with the current value (no silent overwrite)", async () => {
    const account = await createAccount(staff, { email: email("ver"), name: "Phiên bản", role: "LEADER", provinceCode: "91" });
    await updateAccount(staff, account.id, { version: account.version, name: "Sửa lần một" });
    await expect(updateAccount(staff, account.id, { version: account.version, name: "Sửa lần hai" })).rejects.toMatchObject({
      status: 409,
      current: { name: "Sửa lần một" },
    });
  });
});

describe("one-time links", () => {
  it("sets a password once; the link then says it was used, and the account signs in", async () => {
    const account = await createAccount(staff, { email: email("moi"), name: "Người được mời", role: "LEADER", provinceCode: "91" });
    const token = tokenOf(account.invitation.path);
    expect(await linkStatus(token)).toMatchObject({ state: "valid", email: account.email });
    await setPasswordWithLink({ token, password: GOOD });
    expect(await checkCredentials(testDb, { email: account.email, password: GOOD }, "10.9.0.1")).toMatchObject({ ok: true });
    await expect(setPasswordWithLink({ token, password: "Một mật khẩu khác hẳn 2026" })).rejects.toThrow(/đã được dùng/);
    expect((await linkStatus(token)).state).toBe("used");
  });

  it("expires after 72 hours", async () => {
    const account = await createAccount(staff, { email: email("han"), name: "Hết hạn", role: "LEADER", provinceCode: "91" });
    const token = tokenOf(account.invitation.path);
    const later = new Date(Date.now() + 72 * 3_600_000 + 1000);
    await expect(setPasswordWithLink({ token, password: GOOD }, later)).rejects.toThrow(/hết hạn/);
    expect((await linkStatus(token, later)).state).toBe("expired");
  });

  it("is revoked by a newer link, and a made-up or altered one is refused with one clear message", async () => {
    const account = await createAccount(staff, { email: email("moi-lai"), name: "Cấp lại", role: "LEADER", provinceCode: "91" });
    const first = tokenOf(account.invitation.path);
    const second = tokenOf((await resetAccountPassword(staff, account.id)).path);
    await expect(setPasswordWithLink({ token: first, password: GOOD })).rejects.toThrow(/đường liên kết mới hơn/);
    const altered = `${second.slice(0, -1)}${second.endsWith("A") ? "B" : "A"}`;
    await expect(setPasswordWithLink({ token: altered, password: GOOD })).rejects.toThrow(/không đúng/);
    await expect(setPasswordWithLink({ token: "abc", password: GOOD })).rejects.toThrow(/không đúng/);
    await setPasswordWithLink({ token: second, password: GOOD });
  });

  it("stores only a selector and a hash: the table gives no usable link, the log holds no token nor password", async () => {
    const account = await createAccount(staff, { email: email("bimat"), name: "Bí mật", role: "LEADER", provinceCode: "91" });
    const token = tokenOf(account.invitation.path);
    const [selector, secret] = token.split(".");
    expect(secret.length).toBeGreaterThanOrEqual(43); // 256 bits
    const rows = await testDb.$queryRaw<{ text: string }[]>`SELECT row_to_json(t)::text AS text FROM password_token t WHERE user_id = ${account.id}`;
    expect(rows[0].text).toContain(selector);
    expect(rows[0].text).not.toContain(secret);
    await setPasswordWithLink({ token, password: GOOD });
    const log = await testDb.$queryRaw<{ text: string }[]>`SELECT string_agg(row_to_json(a)::text, ' ') AS text FROM audit_log a`;
    expect(log[0].text).not.toContain(secret);
    expect(log[0].text).not.toContain(GOOD);
    const actions = await testDb.auditLog.findMany({ where: { entityType: "User", entityId: String(account.id) }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["user.create", "user.invite", "user.setPassword"]));
  });

  it("applies the password rule: 12 characters, no common or breached password, not the user's own name", async () => {
    const account = await createAccount(staff, { email: "nguyenvanan.kt@kiemthu.gov.vn", name: "Nguyễn Văn An", role: "LEADER", provinceCode: "91" });
    const token = tokenOf(account.invitation.path);
    await expect(setPasswordWithLink({ token, password: "ngắn quá" })).rejects.toThrow(/ít nhất 12 ký tự/);
    await expect(setPasswordWithLink({ token, password: "Password1234!" })).rejects.toThrow(/phổ biến/);
    await expect(setPasswordWithLink({ token, password: "nguyenvanan2026" })).rejects.toThrow(/họ tên hay email/);
    // Refusals spend nothing: the link still works.
    await setPasswordWithLink({ token, password: "baonhieutien một cân cam" });
  });

  it("an invited account without a password cannot be opened with the dummy hash's password", async () => {
    const account = await createAccount(staff, { email: email("chua-dat"), name: "Chưa đặt", role: "LEADER", provinceCode: "91" });
    expect(await checkCredentials(testDb, { email: account.email, password: "không-có-tài-khoản-này" }, "10.9.0.2")).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("forgot my password", () => {
  const forgot = (body: unknown, ip: string) =>
    forgotRoute.POST(
      new NextRequest("http://localhost/api/v1/password/forgot", { method: "POST", body: JSON.stringify(body), headers: { "x-forwarded-for": ip } }),
    );

  it("answers 202 with the same body whether or not the account exists, and writes the same (nothing but the throttle's row)", async () => {
    const before = await testDb.passwordToken.count();
    const known = await forgot({ email: "noivu@demo.local" }, "10.8.0.1");
    const unknown = await forgot({ email: "khong-ton-tai@demo.local" }, "10.8.0.2");
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(await known.text()).toBe(await unknown.text());
    expect(await testDb.passwordToken.count()).toBe(before);
    expect(await testDb.loginAttempt.count({ where: { email: { in: ["forgot:noivu@demo.local", "forgot:khong-ton-tai@demo.local"] } } })).toBe(2);
  });

  it("is throttled like sign-in, per e-mail, without locking the sign-in itself", async () => {
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount + 2; i++) expect((await forgot({ email: "lanhdao@demo.local" }, `10.7.0.${i}`)).status).toBe(202);
    expect(await testDb.loginAttempt.count({ where: { email: "forgot:lanhdao@demo.local" } })).toBe(THROTTLE.maxFailuresPerAccount);
    expect(await checkCredentials(testDb, { email: "lanhdao@demo.local", password: DEMO_PASSWORD }, "10.7.1.1")).toMatchObject({ ok: true });
  });
});

describe("sessions end", () => {
  it("refuses a disabled user's session on its next request, and revokes their links", async () => {
    const account = await createAccount(staff, { email: email("khoa"), name: "Sẽ bị khóa", role: "LEADER", provinceCode: "91" });
    await setPasswordWithLink({ token: tokenOf(account.invitation.path), password: GOOD });
    const signedIn = await checkCredentials(testDb, { email: account.email, password: GOOD }, "10.9.1.1");
    if (!signedIn.ok) throw new Error("sign-in failed");
    expect(await loadActor(testDb, { id: account.id, sessionVersion: signedIn.sessionVersion })).not.toBeNull();
    const link = await resetAccountPassword(staff, account.id);
    const current = await testDb.user.findUniqueOrThrow({ where: { id: account.id } });
    await updateAccount(staff, account.id, { version: current.version, disabled: true });
    expect(await loadActor(testDb, { id: account.id, sessionVersion: signedIn.sessionVersion })).toBeNull();
    expect((await linkStatus(tokenOf(link.path))).state).not.toBe("valid");
    expect((await testDb.auditLog.findFirst({ where: { entityId: String(account.id), action: "user.disable" } }))?.actorEmail).toBe("noivu@demo.local");
  });

  it("a password change needs the current password and ends the user's other sessions", async () => {
    const account = await createAccount(staff, { email: email("doi"), name: "Đổi mật khẩu", role: "LEADER", provinceCode: "91" });
    await setPasswordWithLink({ token: tokenOf(account.invitation.path), password: GOOD });
    const me = await actorFor(account.email);
    const before = (await testDb.user.findUniqueOrThrow({ where: { id: me.id } })).sessionVersion;
    await expect(changeOwnPassword(me, { currentPassword: "sai", newPassword: "Một câu khác để nhớ 2026" })).rejects.toThrow(/hiện tại không đúng/);
    await changeOwnPassword(me, { currentPassword: GOOD, newPassword: "Một câu khác để nhớ 2026" });
    expect((await testDb.user.findUniqueOrThrow({ where: { id: me.id } })).sessionVersion).toBe(before + 1);
    expect(await checkCredentials(testDb, { email: account.email, password: "Một câu khác để nhớ 2026" }, "10.9.2.1")).toMatchObject({ ok: true });
    const profile = await testDb.user.findUniqueOrThrow({ where: { id: me.id } });
    await updateOwnProfile(me, { version: profile.version, name: "Tên mới", phone: "0912 345 678" });
    expect(await testDb.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({ name: "Tên mới", phone: "0912 345 678", role: "LEADER" });
  });
});

describe("deleting, unlocking", () => {
  it("deletes an account that never acted, and only disables one that did", async () => {
    const unused = await createAccount(staff, { email: email("xoa"), name: "Nhập nhầm", role: "LEADER", provinceCode: "91" });
    await deleteAccount(staff, { id: unused.id, version: unused.version });
    expect(await testDb.user.findUnique({ where: { id: unused.id } })).toBeNull();
    const demo = await testDb.user.findUniqueOrThrow({ where: { email: "thutruong@demo.local" } });
    await testDb.user.update({ where: { id: demo.id }, data: { lastSignInAt: new Date() } });
    const fresh = await testDb.user.findUniqueOrThrow({ where: { id: demo.id } });
    await expect(deleteAccount(staff, { id: demo.id, version: fresh.version })).rejects.toThrow(/chỉ có thể khóa/);
  });

  it("unlocks an account locked by failed sign-ins", async () => {
    const target = "lanhdao@demo.local";
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) await checkCredentials(testDb, { email: target, password: "sai-mat-khau" }, `10.6.0.${i}`);
    expect(await checkCredentials(testDb, { email: target, password: DEMO_PASSWORD }, "10.6.1.1")).toMatchObject({ reason: "throttled" });
    const user = await testDb.user.findUniqueOrThrow({ where: { email: target } });
    expect((await listAccounts(staff, { status: "locked" })).rows.map((r) => r.email)).toContain(target);
    await unlockAccount(staff, user.id);
    expect(await checkCredentials(testDb, { email: target, password: DEMO_PASSWORD }, "10.6.1.2")).toMatchObject({ ok: true });
  });
});

describe("the account list's pages", () => {
  it("shows 50 a page, and the last page to an address past it (a list that has shrunk), never 'no account'", async () => {
    const province = await testDb.province.findFirstOrThrow({ where: { code: "91", validTo: null } });
    await testDb.user.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        email: email("trang"),
        name: `Trang Thử ${String(i).padStart(2, "0")}`,
        role: "LEADER" as const,
        provinceId: province.id,
      })),
    });
    const [first, second, past] = await Promise.all(["1", "2", "99"].map((page) => listAccounts(admin, { q: "Trang Thử", page })));
    expect([first.total, first.page, first.rows.length, second.page, second.rows.length]).toEqual([60, 1, 50, 2, 10]);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(60);
    expect([past.page, past.rows.map((r) => r.id)]).toEqual([2, second.rows.map((r) => r.id)]);
  });
});
