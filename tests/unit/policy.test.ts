import { describe, expect, it } from "vitest";
import { authorize, can, ForbiddenError, PERMISSIONS, UnauthenticatedError, type Actor, type Permission } from "@/lib/auth/policy";

const AN_GIANG = 1;
const OTHER_PROVINCE = 2;
const OWN_AGENCY = 10;
const OTHER_AGENCY = 11;

const actor = (role: Actor["role"]): Actor => ({
  id: 1,
  email: "x@demo.local",
  name: "x",
  role,
  provinceId: role === "ADMIN" ? null : AN_GIANG,
  provinceName: null,
  agencyId: role === "AGENCY_HEAD" ? OWN_AGENCY : null,
  agencyName: null,
});

const ownAgency = { provinceId: AN_GIANG, agencyId: OWN_AGENCY };
const otherAgency = { provinceId: AN_GIANG, agencyId: OTHER_AGENCY };
const otherProvince = { provinceId: OTHER_PROVINCE, agencyId: 99 };

describe("permission table", () => {
  const permissions = Object.keys(PERMISSIONS) as Permission[];

  it("lets an administrator do everything everywhere", () => {
    for (const p of permissions) expect(can(actor("ADMIN"), p, otherProvince)).toBe(true);
  });

  it("keeps Home Affairs staff inside their own province", () => {
    expect(can(actor("HOME_AFFAIRS"), "assessment.manage", otherAgency)).toBe(true);
    expect(can(actor("HOME_AFFAIRS"), "results.write", { provinceId: AN_GIANG })).toBe(true);
    for (const p of permissions) expect(can(actor("HOME_AFFAIRS"), p, otherProvince)).toBe(false);
    expect(can(actor("HOME_AFFAIRS"), "framework.write", { provinceId: AN_GIANG })).toBe(false);
    // Their own province's accounts and agencies (issue 13), never an administrator's account (national: no province).
    expect(can(actor("HOME_AFFAIRS"), "user.manage", { provinceId: AN_GIANG })).toBe(true);
    expect(can(actor("HOME_AFFAIRS"), "user.manage", { provinceId: null })).toBe(false);
    expect(can(actor("HOME_AFFAIRS"), "agency.manage", otherAgency)).toBe(true);
  });

  it("lets an agency head act on their own agency only", () => {
    expect(can(actor("AGENCY_HEAD"), "assessment.selfScore", ownAgency)).toBe(true);
    expect(can(actor("AGENCY_HEAD"), "task.report", ownAgency)).toBe(true);
    expect(can(actor("AGENCY_HEAD"), "province.read", ownAgency)).toBe(true);
    expect(can(actor("AGENCY_HEAD"), "assessment.selfScore", otherAgency)).toBe(false);
    expect(can(actor("AGENCY_HEAD"), "province.read", otherAgency)).toBe(false);
    expect(can(actor("AGENCY_HEAD"), "assessment.manage", ownAgency)).toBe(false);
    expect(can(actor("AGENCY_HEAD"), "results.write", ownAgency)).toBe(false);
  });

  it("holds an agency head's own agency to their province: the same agency id on another province's data is not theirs (issue 11, item 9)", () => {
    const ownAgencyElsewhere = { provinceId: OTHER_PROVINCE, agencyId: OWN_AGENCY };
    for (const p of ["province.read", "assessment.selfScore", "task.report"] as const) expect(can(actor("AGENCY_HEAD"), p, ownAgencyElsewhere)).toBe(false);
  });

  it("lets a leader read their province and write nothing", () => {
    expect(can(actor("LEADER"), "province.read", otherAgency)).toBe(true);
    expect(can(actor("LEADER"), "province.read", otherProvince)).toBe(false);
    // Issue 17: the province's analytics (who over-reports, the nowcast) are read, not written.
    expect(can(actor("LEADER"), "assessment.analyze", otherAgency)).toBe(true);
    expect(can(actor("LEADER"), "assessment.analyze", otherProvince)).toBe(false);
    const reads = ["province.read", "assessment.analyze"];
    for (const p of permissions.filter((p) => !reads.includes(p))) expect(can(actor("LEADER"), p, ownAgency)).toBe(false);
  });

  it("answers 401 when signed out and 403 when not allowed", () => {
    expect(() => authorize(null, "province.read", ownAgency)).toThrow(UnauthenticatedError);
    expect(() => authorize(actor("LEADER"), "results.write", ownAgency)).toThrow(ForbiddenError);
    expect(() => authorize(actor("HOME_AFFAIRS"), "results.write", ownAgency)).not.toThrow();
  });
});
