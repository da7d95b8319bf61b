// The permission table (lib/auth/policy.ts) cell by cell: each role's reach for each permission,
// checked on data of the actor's own agency, another agency of the province and another province.
import { describe, expect, it } from "vitest";
import { expectInCatalogue } from "../support/catalogue";
import { authorize, can, ForbiddenError, UnauthenticatedError, type Actor, type Permission } from "@/lib/auth/policy";

const PROVINCE = 1;
const AGENCY = 10;
type Reach = "all" | "province" | "agency" | "council" | "none";

// What the README and the developers' guide promise, role by role.
const TABLE: Record<Permission, Record<Actor["role"], Reach>> = {
  "province.read": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "province", AGENCY_HEAD: "agency" },
  "results.write": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "none" },
  "results.importNational": { ADMIN: "all", HOME_AFFAIRS: "none", LEADER: "none", AGENCY_HEAD: "none" },
  "assessment.manage": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "none" },
  // Issue 17: a council member appraises by assignment only (tests/unit/council-reach.test.ts); a unit alone is refused.
  "assessment.appraise": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "council", AGENCY_HEAD: "council" },
  "assessment.selfScore": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "agency" },
  // Issue 17: leaders read the province's analytics (who over-reports, the nowcast); agency heads do not.
  "assessment.analyze": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "province", AGENCY_HEAD: "none" },
  // Issue 17: the survey results are Home Affairs's to import into a period.
  "assessment.importSurvey": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "none" },
  "directive.write": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "none" },
  "task.report": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "agency" },
  "framework.write": { ADMIN: "all", HOME_AFFAIRS: "none", LEADER: "none", AGENCY_HEAD: "none" },
  // Issue 13: Sở Nội vụ brings in its own province's people and agencies.
  "user.manage": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "none" },
  "agency.manage": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "none" },
  "audit.read": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "none" },
  // Issue 15: the outbox, its mail to the province's people (invitation links included).
  "mail.read": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "none" },
  // Issue 15: the job queue is national (one scan covers every province): administrators only.
  "jobs.manage": { ADMIN: "all", HOME_AFFAIRS: "none", LEADER: "none", AGENCY_HEAD: "none" },
  // Issue 18: what the province's documents print is Sở Nội vụ's to set.
  "documents.configure": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "none" },
};

const actor = (role: Actor["role"], over: Partial<Actor> = {}): Actor => ({
  id: 1,
  email: "x@demo.local",
  name: "X",
  role,
  provinceId: role === "ADMIN" ? null : PROVINCE,
  provinceName: null,
  agencyId: role === "AGENCY_HEAD" ? AGENCY : null,
  agencyName: null,
  ...over,
});

// [own agency, another agency of the province, another province] for each reach.
const EXPECTED: Record<Reach, [boolean, boolean, boolean]> = {
  all: [true, true, true],
  province: [true, true, false],
  agency: [true, false, false],
  council: [false, false, false],
  none: [false, false, false],
};
const SCOPES = [
  { provinceId: PROVINCE, agencyId: AGENCY },
  { provinceId: PROVINCE, agencyId: 11 },
  { provinceId: 2, agencyId: 20 },
];

describe("the permission table", () => {
  for (const [permission, roles] of Object.entries(TABLE) as [Permission, Record<Actor["role"], Reach>][]) {
    for (const [role, reach] of Object.entries(roles) as [Actor["role"], Reach][]) {
      it(`${role} may ${permission}: ${reach === "all" ? "everywhere" : reach === "none" ? "nowhere" : reach === "council" ? "by council assignment only" : `own ${reach} only`}`, () => {
        expect(SCOPES.map((scope) => can(actor(role), permission, scope))).toEqual(EXPECTED[reach]);
      });
    }
  }
});

describe("reach of an account without a unit", () => {
  it("staff without a province reach no province, not even data without one", () => {
    expect(can(actor("HOME_AFFAIRS", { provinceId: null }), "results.write", { provinceId: null })).toBe(false);
  });

  it("an agency head without an agency reaches no agency, not even data without one", () => {
    expect(can(actor("AGENCY_HEAD", { agencyId: null }), "assessment.selfScore", { provinceId: PROVINCE, agencyId: null })).toBe(false);
    expect(can(actor("AGENCY_HEAD", { agencyId: null }), "assessment.selfScore", { provinceId: PROVINCE })).toBe(false);
  });

  it("an agency's id on another province's data is not the agency head's agency", () => {
    expect(can(actor("AGENCY_HEAD"), "assessment.selfScore", { provinceId: 2, agencyId: AGENCY })).toBe(false);
  });
});

describe("authorize", () => {
  it("answers 401 to the signed-out, 403 where the table says no, and lets the rest through", () => {
    expect(() => authorize(null, "province.read", { provinceId: PROVINCE })).toThrow(UnauthenticatedError);
    expect(() => authorize(actor("LEADER"), "directive.write", { provinceId: PROVINCE })).toThrow(ForbiddenError);
    expect(() => authorize(actor("LEADER"), "province.read", { provinceId: PROVINCE })).not.toThrow();
  });
});

describe("role names", () => {
  it("are the titles users know", () => {
    expectInCatalogue({
      ADMIN: "Quản trị hệ thống",
      HOME_AFFAIRS: "Cán bộ Sở Nội vụ",
      AGENCY_HEAD: "Thủ trưởng cơ quan, đơn vị",
      LEADER: "Lãnh đạo UBND tỉnh",
    });
  });
});
