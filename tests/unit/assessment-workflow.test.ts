// The internal scoring workflow's rules (lib/assessments/workflow.ts), one hand-checked case per rule.
import { describe, expect, it } from "vitest";
import { expectInCatalogue } from "../support/catalogue";
import {
  appraisalRound,
  appraisedScore,
  ASSESSMENT_STATUS_LABELS,
  canSelfScore,
  finalTotal,
  nextStatus,
  scoreProblem,
  seesAppraisal,
  selfTotal,
  unappraisedCount,
  type ScoreRow,
} from "@/lib/assessments/workflow";

const RELEASED = new Date("2026-03-02T03:00:00Z");
const row = (over: Partial<ScoreRow>): ScoreRow => ({
  maxPoints: 5,
  method: "APPRAISAL",
  selfScore: null,
  round1Score: null,
  round2Score: null,
  ...over,
});

describe("who sees the appraisal", () => {
  it("an agency head sees the appraisal only once round 1 is released", () => {
    expect(seesAppraisal("AGENCY_HEAD", null, "APPRAISAL")).toBe(false);
    expect(seesAppraisal("AGENCY_HEAD", RELEASED, "APPRAISAL")).toBe(true);
  });

  it("an agency head does not see it while the year is still being self-scored", () => {
    expect(seesAppraisal("AGENCY_HEAD", null, "SELF_SCORING")).toBe(false);
  });

  it("an agency head sees it once the year is published, released or not", () => {
    expect(seesAppraisal("AGENCY_HEAD", null, "PUBLISHED")).toBe(true);
  });

  it("staff, leaders and administrators see it at every step", () => {
    for (const role of ["HOME_AFFAIRS", "LEADER", "ADMIN"] as const) {
      for (const status of ["SELF_SCORING", "APPRAISAL", "PUBLISHED"] as const) expect(seesAppraisal(role, null, status), `${role} ${status}`).toBe(true);
    }
  });
});

describe("self-scoring", () => {
  const deadline = new Date("2026-03-31T16:59:59.999Z"); // 23:59:59.999 of 31/03 in Vietnam

  it("is open while the sheet is a draft, up to the deadline's last millisecond", () => {
    expect(canSelfScore("DRAFT", deadline, new Date("2026-03-01T00:00:00Z"))).toBe(true);
    expect(canSelfScore("DRAFT", deadline, deadline)).toBe(true);
  });

  it("closes one millisecond after the deadline", () => {
    expect(canSelfScore("DRAFT", deadline, new Date(deadline.getTime() + 1))).toBe(false);
  });

  it("closes once the agency submits, even before the deadline", () => {
    for (const status of ["SUBMITTED", "ROUND1", "EXPLANATION_REQUESTED", "ROUND2", "FINALIZED"] as const) {
      expect(canSelfScore(status, deadline, new Date("2026-03-01T00:00:00Z")), status).toBe(false);
    }
  });
});

describe("appraisal rounds", () => {
  it("a submitted sheet and round 1 are scored in round 1, round 2 in round 2", () => {
    expect(appraisalRound("SUBMITTED")).toBe(1);
    expect(appraisalRound("ROUND1")).toBe(1);
    expect(appraisalRound("ROUND2")).toBe(2);
  });

  it("no round is open on a draft, while waiting for explanations, or once finalized", () => {
    expect(appraisalRound("DRAFT")).toBeNull();
    expect(appraisalRound("EXPLANATION_REQUESTED")).toBeNull();
    expect(appraisalRound("FINALIZED")).toBeNull();
  });

  it("the appraised score is round 2's when given (even 0), else round 1's, else none", () => {
    expect(appraisedScore({ round1Score: 3, round2Score: 4.5 })).toBe(4.5);
    expect(appraisedScore({ round1Score: 3, round2Score: 0 })).toBe(0);
    expect(appraisedScore({ round1Score: 3, round2Score: null })).toBe(3);
    expect(appraisedScore({ round1Score: null, round2Score: null })).toBeNull();
  });

  it("staff cannot finalize while sub-criteria lack an appraised score: they are counted", () => {
    expect(unappraisedCount([row({ round1Score: 2 }), row({ round2Score: 0 }), row({}), row({ selfScore: 5 })])).toBe(2);
    expect(unappraisedCount([])).toBe(0);
  });
});

describe("workflow steps", () => {
  const ALL = ["DRAFT", "SUBMITTED", "ROUND1", "EXPLANATION_REQUESTED", "ROUND2", "FINALIZED"] as const;
  const allowed = (step: Parameters<typeof nextStatus>[0]) => Object.fromEntries(ALL.map((s) => [s, nextStatus(step, s)]));

  it("only a draft can be submitted", () => {
    expect(allowed("submit")).toEqual({
      DRAFT: "SUBMITTED",
      SUBMITTED: null,
      ROUND1: null,
      EXPLANATION_REQUESTED: null,
      ROUND2: null,
      FINALIZED: null,
    });
  });

  it("explanations are requested in round 1 (or straight after submission)", () => {
    expect(allowed("requestExplanations")).toEqual({
      DRAFT: null,
      SUBMITTED: "EXPLANATION_REQUESTED",
      ROUND1: "EXPLANATION_REQUESTED",
      EXPLANATION_REQUESTED: null,
      ROUND2: null,
      FINALIZED: null,
    });
  });

  it("round 2 starts only after explanations were requested", () => {
    expect(allowed("startRound2")).toEqual({
      DRAFT: null,
      SUBMITTED: null,
      ROUND1: null,
      EXPLANATION_REQUESTED: "ROUND2",
      ROUND2: null,
      FINALIZED: null,
    });
  });

  it("staff finalize from either round, never from a draft, a pending explanation or twice", () => {
    expect(allowed("finalize")).toEqual({
      DRAFT: null,
      SUBMITTED: "FINALIZED",
      ROUND1: "FINALIZED",
      EXPLANATION_REQUESTED: null,
      ROUND2: "FINALIZED",
      FINALIZED: null,
    });
  });
});

describe("totals", () => {
  const framework = { maxScore: 100, bonusCap: 2, penaltyCap: 3 };
  const rows = [row({ round1Score: 40, round2Score: 45.5 }), row({ round1Score: 30 }), row({ selfScore: 10 })];

  it("the final total is the appraised scores plus the bonus minus the penalty; unappraised count 0", () => {
    expect(finalTotal(rows, { bonus: 1.5, penalty: 0.25 }, framework)).toBe(76.75);
  });

  it("the bonus and the penalty are each capped by the framework", () => {
    expect(finalTotal(rows, { bonus: 5, penalty: 0 }, framework)).toBe(77.5);
    expect(finalTotal(rows, { bonus: 0, penalty: 10 }, framework)).toBe(72.5);
  });

  it("the final total is never above the framework maximum", () => {
    expect(finalTotal([row({ round1Score: 99.5 })], { bonus: 2, penalty: 0 }, framework)).toBe(100);
  });

  it("the final total is never below 0", () => {
    expect(finalTotal([row({ round1Score: 1 })], { bonus: 0, penalty: 3 }, framework)).toBe(0);
  });

  it("the final total is rounded to cents, not left with binary noise", () => {
    expect(finalTotal([row({ round1Score: 0.1 }), row({ round1Score: 0.2 })], { bonus: 0, penalty: 0 }, framework)).toBe(0.3);
  });

  it("the self total sums the self scores to cents; unscored and survey rows count 0", () => {
    expect(selfTotal([row({ selfScore: 0.1 }), row({ selfScore: 0.2 }), row({ method: "SURVEY" })])).toBe(0.3);
    expect(selfTotal([])).toBe(0);
  });
});

describe("an acceptable score", () => {
  it("is a number from 0 to the maximum with at most 2 decimals", () => {
    expect(scoreProblem(0, 2.5, "1.1.1")).toBeNull();
    expect(scoreProblem(2.5, 2.5, "1.1.1")).toBeNull();
    expect(scoreProblem(1.25, 2.5, "1.1.1")).toBeNull();
    // Decimal input such as 0,29 arrives as 0.29 (28.999999999999996 cents): still 2 decimals.
    expect(scoreProblem(0.29, 2.5, "1.1.1")).toBeNull();
  });

  it("a maximum reached through binary arithmetic is still the maximum", () => {
    expect(scoreProblem(0.1 + 0.2, 0.3, "1.1.1")).toBeNull();
  });

  it("names the sub-criterion and says why otherwise", () => {
    expect(scoreProblem(Number.NaN, 2.5, "1.1.1")).toBe("Tiêu chí 1.1.1: điểm phải là một số.");
    expect(scoreProblem(Number.POSITIVE_INFINITY, 2.5, "1.1.1")).toBe("Tiêu chí 1.1.1: điểm phải là một số.");
    expect(scoreProblem(-0.25, 2.5, "1.1.1")).toBe("Tiêu chí 1.1.1: điểm không được âm (nhập từ 0 đến 2,5).");
    expect(scoreProblem(2.51, 2.5, "1.1.1")).toBe("Tiêu chí 1.1.1: điểm 2,51 vượt điểm tối đa 2,5.");
    expect(scoreProblem(1.255, 2.5, "1.1.1")).toBe("Tiêu chí 1.1.1: điểm chỉ có tối đa 2 chữ số thập phân.");
  });
});

describe("labels", () => {
  it("name every status as Home Affairs staff say it", () => {
    expect(ASSESSMENT_STATUS_LABELS).toEqual({
      DRAFT: "Đang tự chấm",
      SUBMITTED: "Đã nộp, chờ thẩm định",
      ROUND1: "Thẩm định vòng 1",
      EXPLANATION_REQUESTED: "Chờ giải trình",
      ROUND2: "Thẩm định vòng 2",
      FINALIZED: "Đã chốt điểm",
    });
    expectInCatalogue({ SELF_SCORING: "Đang tự chấm", APPRAISAL: "Đang thẩm định", PUBLISHED: "Đã công bố" });
  });
});
