// Scores as a file (lib/assessments/scores-file.ts): what a sheet exports at each step of the
// workflow, and what an imported row may change, with the message for every refusal.
import { describe, expect, it } from "vitest";
import { exportedAppraised, exportedComment, planScoreImport, SCORE_COLUMNS, type ScoreTarget } from "@/lib/assessments/scores-file";
import type { TableRow } from "@/lib/io/table-file";

const COLUMNS = [...SCORE_COLUMNS];
const target = (over: Partial<ScoreTarget> = {}): ScoreTarget => ({
  criterionScoreId: 100,
  assessmentId: 10,
  agencyCode: "STP",
  version: 3,
  code: "1.1.1",
  maxPoints: 2.5,
  selfScorable: true,
  notApplicable: false,
  status: "DRAFT",
  selfScoringOpen: true,
  selfScore: null,
  selfComment: null,
  round1Score: null,
  round1Comment: null,
  round2Score: null,
  round2Comment: null,
  ...over,
});
const line = (row: number, values: Partial<Record<(typeof SCORE_COLUMNS)[number], string>>): TableRow => ({
  row,
  values: {
    agency_code: "STP",
    agency_name: "Sở Tư pháp",
    code: "1.1.1",
    name: "Kế hoạch",
    max_points: "2.5",
    self_score: "",
    appraised_score: "",
    comment: "",
    ...values,
  },
});
const anyone = () => true;
const plan = (
  rows: TableRow[],
  t: ScoreTarget | ((agency: string, code: string) => ScoreTarget | "unknown-agency" | "unknown-code"),
  mayScore: Parameters<typeof planScoreImport>[3] = anyone,
) => planScoreImport(COLUMNS, rows, typeof t === "function" ? t : () => t, mayScore);

describe("the exported sheet", () => {
  it("has the columns staff already use", () => {
    expect(SCORE_COLUMNS).toEqual(["agency_code", "agency_name", "code", "name", "max_points", "self_score", "appraised_score", "comment"]);
  });

  it("carries the comment of whoever scores at this step", () => {
    const comments = { selfComment: "tự chấm", round1Comment: "vòng 1", round2Comment: "vòng 2" };
    expect(exportedComment({ status: "DRAFT", ...comments })).toBe("tự chấm");
    expect(exportedComment({ status: "SUBMITTED", ...comments })).toBe("vòng 1");
    expect(exportedComment({ status: "ROUND1", ...comments })).toBe("vòng 1");
    expect(exportedComment({ status: "ROUND2", ...comments })).toBe("vòng 2");
  });

  it("between and after the rounds, the latest comment given", () => {
    expect(exportedComment({ status: "FINALIZED", selfComment: "tự chấm", round1Comment: "vòng 1", round2Comment: "vòng 2" })).toBe("vòng 2");
    expect(exportedComment({ status: "EXPLANATION_REQUESTED", selfComment: "tự chấm", round1Comment: "vòng 1", round2Comment: null })).toBe("vòng 1");
    expect(exportedComment({ status: "FINALIZED", selfComment: "tự chấm", round1Comment: null, round2Comment: null })).toBe("tự chấm");
  });

  it("the appraised score is round 1's while round 1 is scored, else the latest round's", () => {
    expect(exportedAppraised({ status: "ROUND1", round1Score: 2, round2Score: 1 })).toBe(2);
    expect(exportedAppraised({ status: "ROUND2", round1Score: 2, round2Score: null })).toBe(2);
    expect(exportedAppraised({ status: "FINALIZED", round1Score: 2, round2Score: 1 })).toBe(1);
  });
});

describe("a file's shape", () => {
  it("reads the columns under their Vietnamese or English headings as read from a file (lower case), with a decimal comma or point", () => {
    for (const [headings, points] of [
      [["mã cơ quan", "mã tiêu chí", "điểm tự chấm", "điểm thẩm định", "nhận xét"], "1,25"],
      [["agency code", "criterion code", "self score", "appraised score", "comment"], "1.25"],
    ] as const) {
      const values = Object.fromEntries(headings.map((h, i) => [h, ["STP", "1.1.1", points, "", "Có"][i]]));
      const plan = planScoreImport(headings, [{ row: 2, values }], () => target(), anyone);
      expect(plan.issues).toEqual([]);
      expect(plan.changes).toMatchObject([{ kind: "self", score: 1.25, comment: "Có" }]);
    }
  });

  it("needs the agency, the code and both score columns", () => {
    expect(planScoreImport(["agency_code", "code", "comment"], [line(2, {})], () => target(), anyone)).toEqual({
      issues: [
        {
          row: 1,
          column: "self_score,appraised_score",
          message:
            "Thiếu cột self_score, appraised_score. Dòng tiêu đề cần: agency_code, agency_name, code, name, max_points, self_score, appraised_score, comment.",
        },
      ],
      changes: [],
      unchanged: 0,
    });
  });

  it("needs at least one row", () => {
    expect(plan([], target())).toEqual({ issues: [{ row: 2, message: "Tệp không có dòng dữ liệu nào." }], changes: [], unchanged: 0 });
  });

  it("lists each sub-criterion of an agency once", () => {
    expect(plan([line(2, { self_score: "1" }), line(3, { self_score: "2" })], target()).issues).toEqual([
      { row: 3, column: "code", message: "Dòng 3: tiêu chí 1.1.1 của STP trùng với dòng 2. Giữ một dòng." },
    ]);
  });

  it("names an agency that is not in the period and a code that is not a sub-criterion", () => {
    const lookup = (agency: string, code: string) => (agency !== "STP" ? "unknown-agency" : code !== "1.1.1" ? "unknown-code" : target());
    expect(plan([line(2, { agency_code: "SXX" }), line(3, { code: "9.9" })], lookup).issues).toEqual([
      { row: 2, column: "agency_code", message: 'Dòng 2: cơ quan "SXX" không có trong kỳ đánh giá này.' },
      { row: 3, column: "code", message: 'Dòng 3: "9.9" không phải tiêu chí thành phần của bộ chỉ số.' },
    ]);
  });
});

describe("a row's values", () => {
  it("scores are numbers, with a dot or a decimal comma", () => {
    expect(plan([line(2, { self_score: "1,25" })], target()).changes.map((c) => c.score)).toEqual([1.25]);
    expect(plan([line(2, { self_score: "một" })], target()).issues).toEqual([
      { row: 2, column: "self_score", message: 'Dòng 2: "một" không phải một số điểm.' },
    ]);
    expect(plan([line(2, { self_score: "1.2.3" })], target()).issues.map((i) => i.column)).toEqual(["self_score"]);
    expect(plan([line(2, { appraised_score: "1e2" })], target({ status: "ROUND1" })).issues).toEqual([
      { row: 2, column: "appraised_score", message: 'Dòng 2: "1e2" không phải một số điểm.' },
    ]);
  });

  it("a score stays within the sub-criterion's maximum, as on the sheet", () => {
    expect(plan([line(2, { self_score: "3" })], target()).issues).toEqual([
      { row: 2, column: "self_score", message: "Dòng 2: Tiêu chí 1.1.1: điểm 3 vượt điểm tối đa 2,5." },
    ]);
    expect(plan([line(2, { appraised_score: "-1" })], target({ status: "ROUND1" })).issues).toEqual([
      { row: 2, column: "appraised_score", message: "Dòng 2: Tiêu chí 1.1.1: điểm không được âm (nhập từ 0 đến 2,5)." },
    ]);
  });

  it("a comment has at most 4,000 characters", () => {
    expect(plan([line(2, { self_score: "1", comment: "x".repeat(4000) })], target()).issues).toEqual([]);
    expect(plan([line(2, { self_score: "1", comment: "x".repeat(4001) })], target()).issues).toEqual([
      { row: 2, column: "comment", message: "Dòng 2: nhận xét tối đa 4000 ký tự." },
    ]);
  });
});

describe("what a row changes", () => {
  it("nothing when it says what is stored", () => {
    const result = plan([line(2, { self_score: "2", comment: "đã làm" })], target({ selfScore: 2, selfComment: "đã làm" }));
    expect(result).toEqual({ issues: [], changes: [], unchanged: 1 });
  });

  it("a new self score or self comment while the sheet is a draft", () => {
    const t = target({ selfScore: 2, selfComment: "cũ" });
    expect(plan([line(2, { self_score: "2", comment: "mới" })], t).changes).toEqual([{ target: t, row: 2, kind: "self", score: 2, comment: "mới" }]);
    expect(plan([line(2, { self_score: "", comment: "cũ" })], t).changes).toEqual([{ target: t, row: 2, kind: "self", score: null, comment: "cũ" }]);
  });

  it("a survey criterion is never self-scored; clearing it is fine", () => {
    expect(plan([line(2, { self_score: "1" })], target({ selfScorable: false })).issues).toEqual([
      { row: 2, column: "self_score", message: "Dòng 2: tiêu chí 1.1.1 chấm qua khảo sát, không tự chấm. Để trống ô này." },
    ]);
    expect(plan([line(2, { comment: "ghi chú" })], target({ selfScorable: false })).issues).toEqual([]);
  });

  it("a sub-criterion not applicable to the agency takes no score, self or appraised", () => {
    expect(plan([line(2, { self_score: "1" })], target({ notApplicable: true })).issues).toEqual([
      { row: 2, column: "self_score", message: "Dòng 2: tiêu chí 1.1.1 không áp dụng cho cơ quan này. Để trống ô điểm." },
    ]);
    expect(plan([line(2, { appraised_score: "1" })], target({ notApplicable: true, status: "ROUND1" })).issues[0]).toMatchObject({ column: "appraised_score" });
    expect(plan([line(2, {})], target({ notApplicable: true })).issues).toEqual([]);
  });

  it("self scores are locked after the deadline and after submission, and the message says which", () => {
    expect(plan([line(2, { self_score: "1" })], target({ selfScoringOpen: false })).issues).toEqual([
      { row: 2, column: "self_score", message: "Dòng 2: STP đã quá hạn tự chấm: điểm tự chấm đã khóa, không sửa được." },
    ]);
    expect(plan([line(2, { self_score: "1" })], target({ status: "ROUND1", selfScoringOpen: false })).issues).toEqual([
      { row: 2, column: "self_score", message: "Dòng 2: STP đã nộp phiếu: điểm tự chấm đã khóa, không sửa được." },
    ]);
  });

  it("self-scoring for an agency needs the right to", () => {
    const mayScore = (_agency: string, kind: "self" | "appraisal") => kind === "appraisal";
    expect(plan([line(2, { self_score: "1" })], target(), mayScore).issues).toEqual([
      { row: 2, column: "self_score", message: "Dòng 2: bạn không có quyền tự chấm cho STP." },
    ]);
  });

  it("an appraised score in the round being scored, with its comment", () => {
    const round1 = target({ status: "ROUND1", selfScoringOpen: false });
    expect(plan([line(2, { appraised_score: "2", comment: "đạt" })], round1).changes).toEqual([
      { target: round1, row: 2, kind: "round1", score: 2, comment: "đạt" },
    ]);
    const round2 = target({ status: "ROUND2", selfScoringOpen: false, round1Score: 2, round1Comment: "thiếu" });
    expect(plan([line(2, { appraised_score: "1" })], round2).changes).toEqual([{ target: round2, row: 2, kind: "round2", score: 1, comment: null }]);
  });

  it("a submitted sheet is appraised in round 1; the self score column is read, not changed", () => {
    const submitted = target({ status: "SUBMITTED", selfScoringOpen: false, selfScore: 2 });
    expect(plan([line(2, { self_score: "2", appraised_score: "1,5" })], submitted).changes.map((c) => [c.kind, c.score])).toEqual([["round1", 1.5]]);
  });

  it("no appraised score outside a round, naming the sheet's status", () => {
    expect(plan([line(2, { appraised_score: "2" })], target()).issues).toEqual([
      { row: 2, column: "appraised_score", message: 'Dòng 2: phiếu của STP đang "Đang tự chấm": chưa nhập được điểm thẩm định.' },
    ]);
    expect(plan([line(2, { appraised_score: "2" })], target({ status: "EXPLANATION_REQUESTED", selfScoringOpen: false })).issues[0].message).toBe(
      'Dòng 2: phiếu của STP đang "Chờ giải trình": chưa nhập được điểm thẩm định.',
    );
  });

  it("appraising an agency needs the right to", () => {
    const mayScore = (_agency: string, kind: "self" | "appraisal") => kind === "self";
    expect(plan([line(2, { appraised_score: "2" })], target({ status: "ROUND1" }), mayScore).issues).toEqual([
      { row: 2, column: "appraised_score", message: "Dòng 2: bạn không có quyền thẩm định STP." },
    ]);
  });

  it("a finalized sheet's comment column changes nothing when the scores are as stored", () => {
    const finalized = target({ status: "FINALIZED", selfScoringOpen: false, selfScore: 2, round1Score: 2, round2Comment: "xong" });
    expect(plan([line(2, { self_score: "2", appraised_score: "2", comment: "khác" })], finalized)).toEqual({
      issues: [],
      changes: [],
      unchanged: 1,
    });
  });

  it("nothing is written when any row has a problem, and every problem is listed", () => {
    const lookup = (_agency: string, code: string) => target({ code });
    const result = plan([line(2, { self_score: "1" }), line(3, { code: "1.1.2", self_score: "9" }), line(4, { code: "1.1.3", appraised_score: "1" })], lookup);
    expect(result.changes).toEqual([]);
    expect(result.issues.map((i) => [i.row, i.column])).toEqual([
      [3, "self_score"],
      [4, "appraised_score"],
    ]);
  });
});
