// The appraisal council's pure rules, hand-checked: who may appraise which row (lib/auth/reach.ts
// mayAppraise, from the permission table's "council" reach), which sub-criteria an assignment
// covers and a member's progress (lib/assessments/council/rules.ts).
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { councilRoles, mayAppraise, type CouncilAssignmentRef } from "@/lib/auth/reach";
import { covers, criterionPath, memberProgress, type CriterionNode } from "@/lib/assessments/council/rules";

const PROVINCE = 1;
const OWN_AGENCY = 10;
const OTHER_AGENCY = 11;
const PERIOD = 100;

const actor = (role: Actor["role"], over: Partial<Actor> = {}): Actor => ({
  id: 7,
  email: "thanhvien@demo.local",
  name: "Thành viên",
  role,
  provinceId: role === "ADMIN" ? null : PROVINCE,
  provinceName: null,
  agencyId: role === "AGENCY_HEAD" ? OWN_AGENCY : null,
  agencyName: null,
  ...over,
});

// Framework: field 1 (id 1) → criteria 1.1 (id 2), 1.2 (id 3) → sub-criteria 1.1.1 (4), 1.1.2 (5), 1.2.1 (6); field 2 (7) → 2.1 (8) → 2.1.1 (9).
const NODES: ReadonlyMap<number, CriterionNode> = new Map(
  [
    [1, null],
    [2, 1],
    [3, 1],
    [4, 2],
    [5, 2],
    [6, 3],
    [7, null],
    [8, 7],
    [9, 8],
  ].map(([id, parentId]) => [id as number, { id: id as number, parentId }]),
);
const row = (criterionId: number, over: { provinceId?: number; agencyId?: number; periodId?: number } = {}) => ({
  provinceId: over.provinceId ?? PROVINCE,
  agencyId: over.agencyId ?? OTHER_AGENCY,
  periodId: over.periodId ?? PERIOD,
  criterionPath: criterionPath(criterionId, NODES),
});
// Assigned criterion 1.1 (id 2) of the period: covers 1.1.1 and 1.1.2, not 1.2.1 nor field 2.
const ASSIGNED: CouncilAssignmentRef[] = [{ periodId: PERIOD, criterionId: 2 }];

describe("who may appraise a row (mayAppraise)", () => {
  it("a member appraises an assigned sub-criterion (under an assigned criterion) of another agency of their province", () => {
    expect(mayAppraise(actor("AGENCY_HEAD"), row(4), ASSIGNED)).toBe(true);
    expect(mayAppraise(actor("AGENCY_HEAD"), row(5), ASSIGNED)).toBe(true);
    expect(mayAppraise(actor("LEADER"), row(4), ASSIGNED)).toBe(true);
  });

  it("not an unassigned sub-criterion, nor any row without an assignment", () => {
    expect(mayAppraise(actor("AGENCY_HEAD"), row(6), ASSIGNED)).toBe(false);
    expect(mayAppraise(actor("AGENCY_HEAD"), row(9), ASSIGNED)).toBe(false);
    expect(mayAppraise(actor("AGENCY_HEAD"), row(4), [])).toBe(false);
  });

  it("a field assigned covers every sub-criterion under it; a sub-criterion assigned only itself", () => {
    const field = [{ periodId: PERIOD, criterionId: 1 }];
    expect([4, 5, 6, 9].map((id) => mayAppraise(actor("AGENCY_HEAD"), row(id), field))).toEqual([true, true, true, false]);
    const leaf = [{ periodId: PERIOD, criterionId: 5 }];
    expect([4, 5].map((id) => mayAppraise(actor("AGENCY_HEAD"), row(id), leaf))).toEqual([false, true]);
  });

  it("not another period's sheet", () => {
    expect(mayAppraise(actor("AGENCY_HEAD"), row(4, { periodId: PERIOD + 1 }), ASSIGNED)).toBe(false);
  });

  it("not another province's sheet, even with an assignment naming that period", () => {
    expect(mayAppraise(actor("AGENCY_HEAD"), row(4, { provinceId: 2, agencyId: 20 }), ASSIGNED)).toBe(false);
    expect(mayAppraise(actor("LEADER", { provinceId: null }), row(4), ASSIGNED)).toBe(false);
  });

  it("conflict of interest: an agency head never appraises their own agency's sheet", () => {
    expect(mayAppraise(actor("AGENCY_HEAD"), row(4, { agencyId: OWN_AGENCY }), ASSIGNED)).toBe(false);
    // A leader belongs to no agency: every agency of the province is another's.
    expect(mayAppraise(actor("LEADER"), row(4, { agencyId: OWN_AGENCY }), ASSIGNED)).toBe(true);
  });

  it("Home Affairs appraises every row of its province without an assignment; an administrator everywhere", () => {
    expect(mayAppraise(actor("HOME_AFFAIRS"), row(9), [])).toBe(true);
    expect(mayAppraise(actor("HOME_AFFAIRS"), row(9, { provinceId: 2 }), [])).toBe(false);
    expect(mayAppraise(actor("ADMIN"), row(9, { provinceId: 2 }), [])).toBe(true);
  });

  it("the roles named by assignment are the table's 'council' cells", () => {
    expect(councilRoles().sort()).toEqual(["AGENCY_HEAD", "LEADER"]);
  });
});

describe("what an assignment covers", () => {
  it("a node's path runs up to its field", () => {
    expect(criterionPath(4, NODES)).toEqual([4, 2, 1]);
    expect(criterionPath(7, NODES)).toEqual([7]);
    expect(criterionPath(99, NODES)).toEqual([]);
  });

  it("a node is covered by itself or an ancestor", () => {
    expect([4, 5, 6, 9].map((id) => covers(new Set([2, 8]), id, NODES))).toEqual([true, true, false, true]);
  });

  it("stops on a cycle instead of looping", () => {
    const cyclic = new Map<number, CriterionNode>([
      [1, { id: 1, parentId: 2 }],
      [2, { id: 2, parentId: 1 }],
    ]);
    expect(criterionPath(1, cyclic)).toEqual([1, 2]);
  });
});

describe("a member's progress", () => {
  const r = (criterionId: number, flags: { round1?: boolean; round2?: boolean; requested?: boolean; notApplicable?: boolean } = {}) => ({
    criterionId,
    notApplicable: flags.notApplicable ?? false,
    round1: flags.round1 ?? false,
    round2: flags.round2 ?? false,
    requested: flags.requested ?? false,
  });
  const sheets = [
    // Another agency: 1.1.1 scored in round 1, explanation asked and scored in round 2; 1.1.2 scored; 1.2.1 (not assigned) scored.
    { agencyId: OTHER_AGENCY, rows: [r(4, { round1: true, requested: true, round2: true }), r(5, { round1: true }), r(6, { round1: true })] },
    // A third agency: 1.1.1 not yet scored, 1.1.2 not applicable to it.
    { agencyId: 12, rows: [r(4), r(5, { notApplicable: true }), r(6)] },
    // The member's own agency: never counted.
    { agencyId: OWN_AGENCY, rows: [r(4, { round1: true }), r(5, { round1: true })] },
  ];

  it("counts the applicable assigned rows of every agency but the member's own", () => {
    // Assigned 1.1: rows 4 and 5 of agency 11 (2), row 4 of agency 12 (1; row 5 not applicable) = 3.
    expect(memberProgress({ agencyId: OWN_AGENCY, assigned: new Set([2]) }, NODES, sheets)).toEqual({ total: 3, round1: 2, requested: 1, round2: 1 });
  });

  it("a leader (no agency) counts every agency", () => {
    expect(memberProgress({ agencyId: null, assigned: new Set([2]) }, NODES, sheets)).toEqual({ total: 5, round1: 4, requested: 1, round2: 1 });
  });

  it("nothing assigned, nothing to do", () => {
    expect(memberProgress({ agencyId: null, assigned: new Set() }, NODES, sheets)).toEqual({ total: 0, round1: 0, requested: 0, round2: 0 });
  });
});
