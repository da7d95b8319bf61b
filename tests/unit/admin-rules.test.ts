// The pure rules of administration (issue 13): one-time tokens, the password rule, who an account
// belongs to and what a change to it may do, agency kinds read from files, merges' dates.
import { describe, expect, it } from "vitest";
import { checkPassword } from "@/lib/accounts/password-rule";
import { accountScope, accountStatus, landingPath, mayDelete, selfChangeIssue, unitIssues, unitKey } from "@/lib/accounts/rules";
import { expiryOf, linkPath, newToken, secretMatches, splitToken, tokenState } from "@/lib/accounts/tokens";
import { endingIssues, kindFromText, mayDeleteAgency } from "@/lib/agencies/rules";
import { roleFromText } from "@/lib/accounts/import/rows";
import { dayFromCell } from "@/lib/io/cells";

describe("one-time tokens", () => {
  it("carry a 96-bit selector and a 256-bit secret; only the secret's hash is kept", () => {
    const a = newToken();
    const b = newToken();
    expect(a.token).not.toBe(b.token);
    const parts = splitToken(a.token)!;
    expect(parts.selector).toBe(a.selector);
    expect(Buffer.from(parts.secret, "base64url").length).toBe(32);
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.tokenHash).not.toContain(parts.secret);
    expect(secretMatches(a.tokenHash, parts.secret)).toBe(true);
    expect(secretMatches(a.tokenHash, splitToken(b.token)!.secret)).toBe(false);
    expect(linkPath(a.token)).toBe(`/dat-mat-khau?token=${encodeURIComponent(a.token)}`);
  });

  it("are worth nothing when unknown, used, superseded or past 72 hours", () => {
    const t = newToken();
    const secret = splitToken(t.token)!.secret;
    const issued = new Date("2026-01-01T00:00:00Z");
    const row = { tokenHash: t.tokenHash, expiresAt: expiryOf(issued), usedAt: null, supersededAt: null };
    expect(tokenState(row, secret, new Date("2026-01-03T23:59:59Z"))).toBe("valid");
    expect(tokenState(row, secret, new Date("2026-01-04T00:00:00Z"))).toBe("expired");
    expect(tokenState({ ...row, usedAt: issued }, secret, issued)).toBe("used");
    expect(tokenState({ ...row, supersededAt: issued }, secret, issued)).toBe("superseded");
    expect(tokenState(row, splitToken(newToken().token)!.secret, issued)).toBe("unknown");
    expect(tokenState(null, secret, issued)).toBe("unknown");
    expect(splitToken("abc")).toBeNull();
  });
});

describe("the password rule (NIST SP 800-63B)", () => {
  it("asks for 12 characters as a person counts them, and nothing about their kind", () => {
    expect(checkPassword("ngắn quá").problem).toBe("tooShort");
    expect(checkPassword("Mùa thu Hà Nội lá vàng rơi")).toMatchObject({ ok: true });
    expect(checkPassword("baonhieutien một cân cam")).toMatchObject({ ok: true });
  });

  it("refuses common and breached passwords and ones built from the user's own words", () => {
    for (const common of ["password1234", "Password1234!", "iloveyou12345", "qwertyuiopas", "123456789012", "aaaaaaaaaaaa"])
      expect(checkPassword(common).problem, common).toBe("common");
    expect(checkPassword("nguyenvanan2026", ["Nguyễn Văn An", "nguyenvanan@hanoi.gov.vn"]).problem).toBe("personal");
  });
});

describe("accounts", () => {
  it("belong to their unit: an administrator to none, staff and leaders to a province, a head to an agency", () => {
    expect(accountScope({ role: "ADMIN", provinceId: 5, agencyId: 9 })).toEqual({ provinceId: null, agencyId: null });
    expect(accountScope({ role: "LEADER", provinceId: 5, agencyId: null })).toEqual({ provinceId: 5, agencyId: null });
    expect(accountScope({ role: "AGENCY_HEAD", provinceId: 5, agencyId: 9 })).toEqual({ provinceId: 5, agencyId: 9 });
    expect(unitIssues({ role: "ADMIN", provinceGiven: true, agencyGiven: false })).toHaveLength(1);
    expect(unitIssues({ role: "HOME_AFFAIRS", provinceGiven: false, agencyGiven: false })[0].field).toBe("provinceCode");
    expect(unitIssues({ role: "AGENCY_HEAD", provinceGiven: true, agencyGiven: false })[0].field).toBe("agencyId");
    expect(unitIssues({ role: "AGENCY_HEAD", provinceGiven: false, agencyGiven: true })).toEqual([]);
    expect(unitKey({ role: "LEADER", provinceId: 5, agencyId: null })).not.toBe(unitKey({ role: "HOME_AFFAIRS", provinceId: 5, agencyId: null }));
    expect(landingPath({ role: "AGENCY_HEAD", provinceId: 5, agencyId: 9 })).toBe("/co-quan/9");
    expect(landingPath({ role: "LEADER", provinceId: 5, agencyId: null })).toBe("/trang-chu");
  });

  it("cannot be disabled, deleted or moved by their own user, and are deleted only when they never acted", () => {
    expect(selfChangeIssue(1, 1, { disabling: true })?.field).toBe("disabled");
    expect(selfChangeIssue(1, 1, { deleting: true })?.field).toBe("id");
    expect(selfChangeIssue(1, 1, { unitChanged: true })?.field).toBe("role");
    expect(selfChangeIssue(1, 2, { disabling: true })).toBeNull();
    expect(mayDelete({ auditRows: 0, files: 0, reports: 0, signedIn: false })).toBe(true);
    expect(mayDelete({ auditRows: 0, files: 0, reports: 0, signedIn: true })).toBe(false);
    expect(mayDelete({ auditRows: 1, files: 0, reports: 0, signedIn: false })).toBe(false);
    expect(accountStatus({ active: false, hasPassword: true }, true)).toBe("disabled");
    expect(accountStatus({ active: true, hasPassword: false }, false)).toBe("invited");
    expect(accountStatus({ active: true, hasPassword: true }, true)).toBe("locked");
  });

  it("read roles from a file by code or by their Vietnamese name", () => {
    expect(roleFromText("Thủ trưởng cơ quan, đơn vị")).toBe("AGENCY_HEAD");
    expect(roleFromText(" lãnh đạo ubnd tỉnh ")).toBe("LEADER");
    expect(roleFromText("HOME_AFFAIRS")).toBe("HOME_AFFAIRS");
    expect(roleFromText("Quản trị hệ thống")).toBeNull();
  });
});

describe("agencies", () => {
  it("read kinds by code or name, with or without marks", () => {
    expect(kindFromText("UBND xã")).toBe("COMMUNE");
    expect(kindFromText("ubnd phuong")).toBe("WARD");
    expect(kindFromText("Đặc khu")).toBe("SPECIAL_ZONE");
    expect(kindFromText("SPECIAL_ZONE")).toBe("SPECIAL_ZONE");
    expect(kindFromText("Bộ")).toBeNull();
  });

  it("end the day before a merge, only if in force then and of the same province; are deleted only when unused", () => {
    const unit = { id: 1, name: "UBND xã A", provinceId: 7, validFrom: new Date("2020-01-01"), validTo: null };
    const on = new Date("2025-07-01");
    expect(endingIssues([unit], 7, on, "sourceIds")).toEqual([]);
    expect(endingIssues([{ ...unit, provinceId: 8 }], 7, on, "sourceIds")).toHaveLength(1);
    expect(endingIssues([{ ...unit, validFrom: new Date("2025-07-01") }], 7, on, "sourceIds")).toHaveLength(1);
    expect(endingIssues([{ ...unit, validTo: new Date("2024-12-31") }], 7, on, "sourceIds")).toHaveLength(1);
    expect(mayDeleteAgency({ assessments: 0, tasks: 0, reports: 0, targets: 0, accounts: 0, lineage: 0 })).toBe(true);
    expect(mayDeleteAgency({ assessments: 1, tasks: 0, reports: 0, targets: 0, accounts: 0, lineage: 0 })).toBe(false);
  });

  it("read days from cells as people and Excel write them", () => {
    expect(dayFromCell("01/07/2025")).toBe("2025-07-01");
    expect(dayFromCell("2025-07-01")).toBe("2025-07-01");
    expect(dayFromCell("45839")).toBe("2025-07-01");
    expect(dayFromCell("")).toBeNull();
    expect(dayFromCell("31/02/2025")).toBeUndefined();
  });
});
