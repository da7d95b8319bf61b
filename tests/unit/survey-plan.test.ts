// The survey results file (lib/assessments/survey/plan.ts): a cell as points or a percentage of the
// criterion's maximum, what a row changes, and every refusal named by row and column.
import { describe, expect, it } from "vitest";
import { isSurveyChange, planSurveyImport, type SurveyAgency, type SurveyScore, surveyPoints } from "@/lib/assessments/survey/plan";

describe("a survey cell", () => {
  it("is points as written, with a comma or a point", () => {
    expect(surveyPoints("8,5", 10)).toBe(8.5);
    expect(surveyPoints(" 7.25 ", 10)).toBe(7.25);
    expect(surveyPoints("", 10)).toBeNull();
  });
  it("is a percentage of the maximum when written with %, to the cent", () => {
    expect(surveyPoints("85%", 10)).toBe(8.5);
    expect(surveyPoints("85,5 %", 10)).toBe(8.55);
    expect(surveyPoints("33,33%", 3)).toBe(1); // 0.9999 → 1.00
    expect(surveyPoints("100%", 2.5)).toBe(2.5);
    expect(surveyPoints("0%", 10)).toBe(0);
  });
  it("is refused when it is no number or no percentage", () => {
    expect(surveyPoints("abc", 10)).toBe("invalid");
    expect(surveyPoints("8,5 điểm", 10)).toBe("invalid");
    expect(surveyPoints("120%", 10)).toBe("percent-range");
    expect(surveyPoints("-1%", 10)).toBe("percent-range");
  });
});

describe("what the survey changes", () => {
  it("is the appraised score: round 1, and round 2 where round 2 scored it", () => {
    expect(isSurveyChange({ round1Score: null, round2Score: null }, 8)).toBe(true);
    expect(isSurveyChange({ round1Score: 8, round2Score: null }, 8)).toBe(false);
    expect(isSurveyChange({ round1Score: 8, round2Score: 6 }, 8)).toBe(true);
    expect(isSurveyChange({ round1Score: 8, round2Score: 8 }, 8)).toBe(false);
  });
});

const AGENCIES: SurveyAgency[] = [
  { assessmentId: 1, code: "STP", name: "Sở Tư pháp", shortName: null, status: "DRAFT" },
  { assessmentId: 2, code: "SNV", name: "Sở Nội vụ", shortName: "SNV", status: "ROUND2" },
  { assessmentId: 3, code: "STC", name: "Sở Tài chính", shortName: null, status: "FINALIZED" },
];
const score = (assessmentId: number, over: Partial<SurveyScore> = {}): SurveyScore => ({
  criterionScoreId: assessmentId * 10,
  assessmentId,
  version: 0,
  notApplicable: false,
  round1Score: null,
  round2Score: null,
  ...over,
});
const options = (scores: Record<number, Partial<SurveyScore>> = {}) => ({
  agencies: AGENCIES,
  survey: [{ code: "8.1.1", maxPoints: 10 }],
  otherCodes: ["1.1.1"],
  scoreOf: (assessmentId: number) => score(assessmentId, scores[assessmentId]),
});
const rows = (...cells: Record<string, string>[]) => cells.map((values, i) => ({ row: i + 2, values }));

describe("a survey file", () => {
  it("names agencies by code or, the code left empty, by name without regard to marks and case", () => {
    const plan = planSurveyImport(
      ["agency_code", "agency_name", "8.1.1"],
      rows({ agency_code: "stp", "8.1.1": "85%" }, { agency_code: "", agency_name: "so noi vu", "8.1.1": "6" }),
      options({ 2: { round1Score: 6 } }),
    );
    expect(plan.issues).toEqual([]);
    expect(plan.changes.map((c) => [c.row, c.agencyCode, c.score])).toEqual([[2, "STP", 8.5]]);
    expect(plan.rows.map((r) => r.change)).toEqual(["updated", "unchanged"]);
  });
  it("refuses its header when the agency column is missing or a column is not a survey criterion", () => {
    const plan = planSurveyImport(["8.1.1", "1.1.1", "9.9"], rows({ "8.1.1": "5" }), options());
    expect(plan.issues.map((i) => [i.row, i.column])).toEqual([
      [1, "agency_code,agency_name"],
      [1, "1.1.1"],
      [1, "9.9"],
    ]);
    expect(plan.changes).toEqual([]);
  });
  it("refuses a finalized sheet, a criterion not applicable, a score above the maximum, and gives no change at all", () => {
    const plan = planSurveyImport(
      ["agency_code", "8.1.1"],
      rows({ agency_code: "STP", "8.1.1": "5" }, { agency_code: "SNV", "8.1.1": "10,5" }, { agency_code: "STC", "8.1.1": "5" }),
      options({ 1: { notApplicable: true } }),
    );
    expect(plan.issues.map((i) => [i.row, i.column])).toEqual([
      [2, "8.1.1"],
      [3, "8.1.1"],
      [4, "agency_code"],
    ]);
    expect(plan.changes).toEqual([]);
    expect(plan.rows).toEqual([]);
  });
});
