// The survey results file (lib/assessments/survey/plan.ts): a cell as points or a percentage of the
// criterion's maximum, what a row changes, and every refusal named by row and column.
import { describe, expect, it } from "vitest";
import { isSurveyChange, planSurveyImport, type SurveyAgency, type SurveyScore, surveyPoints, surveyTemplate } from "@/lib/assessments/survey/plan";

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
  it("is points of several digits before the decimal mark", () => {
    expect(surveyPoints("12", 20)).toBe(12);
    expect(surveyPoints("12,5", 20)).toBe(12.5);
  });
  it("is refused when anything is written before or after the number or the percentage", () => {
    expect(surveyPoints("x8", 10)).toBe("invalid");
    expect(surveyPoints("x85%", 10)).toBe("invalid");
    expect(surveyPoints("85%x", 10)).toBe("invalid");
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

// Two survey criteria (codes with letters: headers are read lower-case) and one criterion scored otherwise.
const SURVEY = [
  { code: "KS.1", maxPoints: 10 },
  { code: "KS.2", maxPoints: 2 },
];
const twoCriteria = (scores: Record<number, Partial<SurveyScore>> = {}, scoreOf?: (assessmentId: number, code: string) => SurveyScore | undefined) => ({
  agencies: AGENCIES,
  survey: SURVEY,
  otherCodes: ["TC.1"],
  scoreOf: scoreOf ?? ((assessmentId: number) => score(assessmentId, scores[assessmentId])),
});
const messages = (plan: ReturnType<typeof planSurveyImport>) => plan.issues.map((i) => [i.row, i.column, i.message]);

describe("a survey file's header", () => {
  it("matches a criterion's code in any case, as headers are read lower-case", () => {
    const plan = planSurveyImport(["agency_code", "ks.1"], rows({ agency_code: "STP", "ks.1": "7" }), twoCriteria());
    expect(plan.issues).toEqual([]);
    expect(plan.changes.map((c) => [c.row, c.code, c.score])).toEqual([[2, "KS.1", 7]]);
  });
  it("names the missing agency column, a criterion not scored by survey and an unknown column, listing the survey codes", () => {
    const plan = planSurveyImport(["ks.1", "tc.1", "xx"], rows({ "ks.1": "5" }), twoCriteria());
    expect(messages(plan)).toEqual([
      [1, "agency_code,agency_name", "Thiếu cột agency_code (mã cơ quan) hoặc agency_name (tên cơ quan): tải mẫu của kỳ đánh giá và giữ nguyên hàng tiêu đề."],
      [1, "tc.1", "Cột tc.1: tiêu chí này không chấm bằng điều tra xã hội học, nên không nhập từ kết quả điều tra. Các cột nhập được: KS.1, KS.2."],
      [1, "xx", "Cột xx không phải mã một tiêu chí điều tra xã hội học của bộ chỉ số. Các cột nhập được: KS.1, KS.2."],
    ]);
    expect(plan.changes).toEqual([]);
    expect(plan.rows).toEqual([]);
  });
  it("is refused when it has no criterion column, naming the survey codes", () => {
    const plan = planSurveyImport(["agency_code", "agency_name"], rows({ agency_code: "STP" }), twoCriteria());
    expect(plan.issues).toEqual([
      { row: 1, message: "Tệp không có cột tiêu chí nào: thêm một cột cho mỗi tiêu chí điều tra xã hội học, tiêu đề là mã tiêu chí (KS.1, KS.2)." },
    ]);
    expect(plan.changes).toEqual([]);
    expect(plan.rows).toEqual([]);
  });
  it("reports only the column problems when columns are wrong, not also the lack of a criterion column", () => {
    const plan = planSurveyImport(["agency_code", "xx"], rows({ agency_code: "STP" }), twoCriteria());
    expect(plan.issues.map((i) => [i.row, i.column])).toEqual([[1, "xx"]]);
  });
});

describe("a survey file's rows", () => {
  it("are required: a header alone is refused at row 2", () => {
    expect(planSurveyImport(["agency_code", "ks.1"], [], twoCriteria())).toEqual({
      issues: [{ row: 2, message: "Tệp không có dòng dữ liệu nào: mỗi cơ quan một dòng, bắt đầu từ dòng 2." }],
      changes: [],
      rows: [],
    });
  });
  it("name an agency by its short name when the code is left empty or blank", () => {
    const plan = planSurveyImport(
      ["agency_code", "agency_name", "ks.1"],
      rows({ agency_code: "   ", agency_name: " snv ", "ks.1": "4" }, { agency_code: "", agency_name: "Sở Tư pháp", "ks.1": "3" }),
      twoCriteria(),
    );
    expect(plan.issues).toEqual([]);
    expect(plan.changes.map((c) => [c.row, c.agencyCode, c.score])).toEqual([
      [2, "SNV", 4],
      [3, "STP", 3],
    ]);
    expect(plan.rows).toEqual([
      { row: 2, code: "SNV", name: "Sở Nội vụ", change: "updated" },
      { row: 3, code: "STP", name: "Sở Tư pháp", change: "updated" },
    ]);
  });
  it("name an unknown agency as written (the code when given, else the name) in the column it was read from", () => {
    const plan = planSurveyImport(
      ["agency_code", "agency_name", "ks.1"],
      rows(
        { agency_code: " XYZ ", agency_name: "Sở Tư pháp", "ks.1": "5" },
        { agency_code: "", agency_name: "  Sở Xây dựng  ", "ks.1": "5" },
        { agency_code: "", agency_name: "  ", "ks.1": "5" },
      ),
      twoCriteria(),
    );
    expect(messages(plan)).toEqual([
      [2, "agency_code", "Dòng 2: không có cơ quan “XYZ” trong kỳ đánh giá này. Dùng mã cơ quan như trong tệp mẫu."],
      [3, "agency_name", "Dòng 3: không có cơ quan “Sở Xây dựng” trong kỳ đánh giá này. Dùng mã cơ quan như trong tệp mẫu."],
      [4, "agency_name", "Dòng 4: chưa ghi mã cơ quan (hoặc tên cơ quan)."],
    ]);
    expect(plan.changes).toEqual([]);
    expect(plan.rows).toEqual([]);
  });
  it("name an agency by the only agency column the file has, an empty code with no name column being no agency", () => {
    const byName = planSurveyImport(["agency_name", "ks.1"], rows({ agency_name: "Sở Tư pháp", "ks.1": "5" }), twoCriteria());
    expect(byName.issues).toEqual([]);
    expect(byName.changes.map((c) => [c.row, c.agencyCode, c.score])).toEqual([[2, "STP", 5]]);
    const noName = planSurveyImport(["agency_code", "ks.1"], rows({ agency_code: "", "ks.1": "5" }), twoCriteria());
    expect(messages(noName)).toEqual([[2, "agency_name", "Dòng 2: chưa ghi mã cơ quan (hoặc tên cơ quan)."]]);
  });
  it("give each agency one row: a second row of it is refused, naming the first", () => {
    const plan = planSurveyImport(
      ["agency_code", "agency_name", "ks.1"],
      rows({ agency_code: "STP", "ks.1": "5" }, { agency_code: "", agency_name: "Sở Tư pháp", "ks.1": "6" }),
      twoCriteria(),
    );
    expect(messages(plan)).toEqual([[3, "agency_name", "Dòng 3: Sở Tư pháp đã có ở dòng 2; mỗi cơ quan một dòng."]]);
    expect(plan.changes).toEqual([]);
  });
  it("are refused for a finalized sheet", () => {
    const plan = planSurveyImport(["agency_code", "ks.1"], rows({ agency_code: "STC", "ks.1": "5" }), twoCriteria());
    expect(messages(plan)).toEqual([[2, "agency_code", "Dòng 2: phiếu của Sở Tài chính đã chốt điểm, không nhập thêm kết quả điều tra được. Bỏ dòng này."]]);
  });
});

describe("a survey file's cells", () => {
  it("keep the score when empty or absent from the row", () => {
    const plan = planSurveyImport(["agency_code", "ks.1", "ks.2"], rows({ agency_code: "STP", "ks.1": "  " }), twoCriteria());
    expect(plan).toEqual({ issues: [], changes: [], rows: [{ row: 2, code: "STP", name: "Sở Tư pháp", change: "unchanged" }] });
  });
  it("are refused, by row and column, when no score, a percentage out of 0–100 %, or above the maximum", () => {
    const plan = planSurveyImport(
      ["agency_code", "ks.1", "ks.2"],
      rows({ agency_code: "STP", "ks.1": " tám ", "ks.2": "101 %" }, { agency_code: "SNV", "ks.1": "10,5", "ks.2": "2" }),
      twoCriteria(),
    );
    expect(messages(plan)).toEqual([
      [2, "ks.1", "Dòng 2: “tám” không phải số điểm hay tỷ lệ phần trăm. Ghi điểm (ví dụ 8,5) hoặc tỷ lệ kèm dấu % (ví dụ 85%)."],
      [2, "ks.2", "Dòng 2: tỷ lệ 101 % phải từ 0% đến 100%."],
      [3, "ks.1", "Dòng 3: Tiêu chí KS.1: điểm 10,5 vượt điểm tối đa 10."],
    ]);
    expect(plan.changes).toEqual([]);
    expect(plan.rows).toEqual([]);
  });
  it("are refused for a criterion not applicable to the agency, or without a score to write", () => {
    const plan = planSurveyImport(
      ["agency_code", "ks.1", "ks.2"],
      rows({ agency_code: "STP", "ks.1": "5", "ks.2": "1" }),
      twoCriteria({}, (assessmentId, code) => (code === "KS.1" ? score(assessmentId, { notApplicable: true }) : undefined)),
    );
    expect(messages(plan)).toEqual([
      [2, "ks.1", "Dòng 2: tiêu chí KS.1 không áp dụng đối với Sở Tư pháp; để trống ô này."],
      [2, "ks.2", "Dòng 2: tiêu chí KS.2 không áp dụng đối với Sở Tư pháp; để trống ô này."],
    ]);
  });
  it("change each criterion whose appraised score differs: 50 % of 2 points = 1.00", () => {
    const plan = planSurveyImport(
      ["agency_code", "ks.1", "ks.2"],
      rows({ agency_code: "SNV", "ks.1": "8", "ks.2": "50%" }),
      twoCriteria({}, (assessmentId, code) => score(assessmentId, code === "KS.1" ? { round1Score: 8 } : { round1Score: 1, round2Score: 1.5 })),
    );
    expect(plan.issues).toEqual([]);
    expect(plan.changes.map((c) => [c.row, c.agencyCode, c.code, c.score])).toEqual([[2, "SNV", "KS.2", 1]]);
    expect(plan.rows.map((r) => r.change)).toEqual(["updated"]);
  });
});

describe("the survey template", () => {
  it("lists the agencies with today's appraised score of each survey criterion: round 2, else round 1, else empty", () => {
    const scores: Record<string, Partial<SurveyScore>> = {
      "1:KS.1": { round1Score: 8, round2Score: 6.5 },
      "1:KS.2": { round1Score: 1.5 },
      "2:KS.1": {},
    };
    const template = surveyTemplate(2025, SURVEY, AGENCIES.slice(0, 2), (assessmentId, code) => {
      const over = scores[`${assessmentId}:${code}`];
      return over ? score(assessmentId, over) : undefined;
    });
    expect(template).toEqual({
      sheetName: "Điều tra 2025",
      instructions: [
        "Kết quả điều tra xã hội học năm 2025: mỗi cơ quan một dòng, mỗi tiêu chí điều tra một cột (tiêu đề là mã tiêu chí).",
        "Ghi điểm của tiêu chí (ví dụ 8,5, không quá điểm tối đa) hoặc tỷ lệ hài lòng kèm dấu % (ví dụ 85%): tỷ lệ được quy ra điểm theo điểm tối đa (85% của 10 điểm là 8,5). Ô định dạng phần trăm trong Excel lưu số thập phân (0,85), được đọc là điểm: hãy gõ kèm dấu %.",
        "Ô để trống giữ nguyên điểm hiện có. Mẫu đã điền sẵn điểm hiện có.",
        "Một lỗi bất kỳ thì cả tệp không được nhập; điểm nhập vào là điểm thẩm định của tiêu chí.",
      ],
      columns: [
        { name: "agency_code", help: "Mã cơ quan, như trong danh sách cơ quan của kỳ đánh giá.", required: true, width: 14 },
        { name: "agency_name", help: "Tên cơ quan (để đọc; chỉ dùng khi để trống mã).", required: false, width: 40 },
        { name: "KS.1", help: "Tiêu chí KS.1: điểm từ 0 đến 10, hoặc tỷ lệ kèm dấu %.", required: false, width: 12 },
        { name: "KS.2", help: "Tiêu chí KS.2: điểm từ 0 đến 2, hoặc tỷ lệ kèm dấu %.", required: false, width: 12 },
      ],
      examples: [
        ["STP", "Sở Tư pháp", "6.5", "1.5"],
        ["SNV", "Sở Nội vụ", "", ""],
      ],
      rowsWithLists: 0,
    });
  });
});
