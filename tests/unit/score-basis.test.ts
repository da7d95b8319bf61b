// The one rule of which score counts (lib/assessments/workflow.ts: scoreBasis, countedScore), shown
// by the agency view, criterion targets and "my work" alike.
import { describe, expect, it } from "vitest";
import { BASIS_LABELS, countedScore, scoreBasis } from "@/lib/assessments/workflow";

const unappraised = { round1Score: null, round2Score: null };

describe("which scores count", () => {
  it("the self scores for someone who may not see the appraisal yet, whatever the stage", () => {
    expect(scoreBasis("FINALIZED", false, [{ round1Score: 2, round2Score: 3 }])).toBe("self");
    expect(scoreBasis("ROUND1", false, [{ round1Score: 2, round2Score: null }])).toBe("self");
  });

  it("the final scores once the assessment is finalized", () => {
    expect(scoreBasis("FINALIZED", true, [unappraised])).toBe("final");
    expect(scoreBasis("FINALIZED", true, [])).toBe("final");
  });

  it("the appraised scores as soon as one sub-criterion has one", () => {
    expect(scoreBasis("ROUND1", true, [unappraised, { round1Score: 2, round2Score: null }])).toBe("appraised");
    expect(scoreBasis("ROUND2", true, [unappraised, { round1Score: null, round2Score: 0 }])).toBe("appraised");
  });

  it("the self scores while nothing is appraised", () => {
    expect(scoreBasis("SUBMITTED", true, [unappraised, unappraised])).toBe("self");
    expect(scoreBasis("DRAFT", true, [])).toBe("self");
  });

  it("says which scores a figure is made of", () => {
    expect(BASIS_LABELS).toEqual({
      final: "điểm cuối cùng",
      appraised: "điểm thẩm định (chưa chốt)",
      self: "điểm tự chấm (chưa có kết quả thẩm định)",
    });
  });
});

describe("a sub-criterion's score on that basis", () => {
  const score = { selfScore: 4, round1Score: 3, round2Score: 2.5, finalScore: 2 };

  it("final: the final score, else the appraised one", () => {
    expect(countedScore(score, "final")).toBe(2);
    expect(countedScore({ ...score, finalScore: null }, "final")).toBe(2.5);
    expect(countedScore({ ...score, finalScore: 0 }, "final")).toBe(0);
  });

  it("appraised: round 2's when there is one, else round 1's", () => {
    expect(countedScore(score, "appraised")).toBe(2.5);
    expect(countedScore({ ...score, round2Score: null }, "appraised")).toBe(3);
    expect(countedScore({ ...score, ...unappraised }, "appraised")).toBeNull();
  });

  it("self: the agency's own score, none when it gave none", () => {
    expect(countedScore(score, "self")).toBe(4);
    expect(countedScore({ ...score, selfScore: null }, "self")).toBeNull();
  });
});
