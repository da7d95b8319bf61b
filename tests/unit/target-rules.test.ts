// What a directive's target must say to be evaluated, and the commitments every agency signs
// (lib/directives/target-rules.ts): each rule with its exact message, hand-checked.
import { describe, expect, it } from "vitest";
import { expectInCatalogue } from "../support/catalogue";
import { buildBulkTargets, defaultUnit, TARGET_KINDS_ORDER, targetIssues, type TargetContext, type TargetDraft } from "@/lib/targets/rules";

const PAR = { code: "PAR_INDEX", shortName: "PAR INDEX", subject: "PROVINCE" as const, maxScore: 100 };
const SIPAS = { code: "SIPAS", shortName: "SIPAS", subject: "PROVINCE" as const, maxScore: 90 };
const INTERNAL = { code: "INTERNAL_PAR", shortName: "Chỉ số CCHC nội bộ", subject: "AGENCY" as const, maxScore: 100 };
const STP = { id: 5, name: "Sở Tư pháp" };
const CRITERION = { id: 7, code: "1.1.2", maxPoints: 2.5 };

const context = (over: Partial<TargetContext> = {}): TargetContext => ({
  years: [2019, 2020],
  index: PAR,
  agency: null,
  criterion: null,
  ...over,
});
const draft = (over: Partial<TargetDraft>): TargetDraft => ({
  kind: "MIN_PERCENT_OF_MAX",
  indexCode: "PAR_INDEX",
  year: 2019,
  value: 80,
  valueMax: null,
  unit: null,
  agencyId: null,
  criterionId: null,
  note: null,
  ...over,
});
const criterionScore = (over: Partial<TargetDraft> = {}) =>
  draft({ kind: "CRITERION_SCORE", indexCode: null, agencyId: STP.id, criterionId: CRITERION.id, value: 2, ...over });
const withCriterion = (over: Partial<TargetContext> = {}) => context({ index: null, agency: STP, criterion: CRITERION, ...over });

describe("kinds", () => {
  it("are offered in the order staff think of them, each with a hint", () => {
    expect(TARGET_KINDS_ORDER).toEqual(["MIN_SCORE", "MIN_PERCENT_OF_MAX", "MAX_RANK", "RANK_IMPROVEMENT", "CRITERION_SCORE", "COMMITMENT_COMPLETION"]);
    expectInCatalogue("Tỷ lệ % điểm tối đa của chỉ số, ví dụ PAR INDEX ≥ 80%.");
    expectInCatalogue("Tăng ít nhất N bậc so với năm trước; nhập mức trên cho một khoảng (tăng 10–15 bậc).");
  });

  it("each kind is stated in its own unit when the form leaves it empty", () => {
    expect(Object.fromEntries(TARGET_KINDS_ORDER.map((kind) => [kind, defaultUnit(kind)]))).toEqual({
      MIN_SCORE: "điểm",
      MIN_PERCENT_OF_MAX: "%",
      MAX_RANK: "hạng",
      RANK_IMPROVEMENT: "bậc",
      CRITERION_SCORE: "điểm",
      COMMITMENT_COMPLETION: "%",
    });
  });
});

describe("a target's year", () => {
  it("is one of the directive's years", () => {
    expect(targetIssues(draft({ year: 2020 }), context())).toEqual([]);
    expect(targetIssues(draft({ year: 2021 }), context())).toEqual([
      {
        field: "year",
        message: "Năm 2021 không thuộc các năm văn bản áp dụng (2019, 2020): chọn một trong các năm đó, hoặc sửa văn bản để thêm năm.",
      },
    ]);
  });
});

describe("the index of an index target", () => {
  it("must be chosen", () => {
    expect(targetIssues(draft({ indexCode: null }), context({ index: null }))).toEqual([
      { field: "indexCode", message: "Chọn chỉ số của chỉ tiêu (PAR INDEX, SIPAS hoặc chỉ số nội bộ)." },
    ]);
  });

  it("must exist", () => {
    expect(targetIssues(draft({ indexCode: "PAPI" }), context({ index: null }))).toEqual([
      { field: "indexCode", message: 'Không có chỉ số "PAPI": chọn trong danh sách.' },
    ]);
  });

  it("a province's target is on an index that ranks provinces", () => {
    expect(targetIssues(draft({ indexCode: "INTERNAL_PAR" }), context({ index: INTERNAL }))).toEqual([
      {
        field: "indexCode",
        message: "Chỉ số CCHC nội bộ chấm các cơ quan trong tỉnh: chọn cơ quan, đơn vị nhận chỉ tiêu, hoặc chọn PAR INDEX/SIPAS cho chỉ tiêu của tỉnh.",
      },
    ]);
  });

  it("an agency's target is on an index that scores agencies", () => {
    expect(targetIssues(draft({ agencyId: STP.id }), context({ agency: STP }))).toEqual([
      { field: "indexCode", message: "PAR INDEX xếp hạng các tỉnh, không chấm từng cơ quan: bỏ chọn cơ quan, hoặc chọn chỉ số nội bộ." },
    ]);
    expect(targetIssues(draft({ kind: "MIN_SCORE", indexCode: "INTERNAL_PAR", agencyId: STP.id }), context({ index: INTERNAL, agency: STP }))).toEqual([]);
  });

  it("every index kind needs an index: minimum score, percentage, rank and places gained", () => {
    for (const kind of ["MIN_SCORE", "MIN_PERCENT_OF_MAX", "MAX_RANK", "RANK_IMPROVEMENT"] as const) {
      expect(
        targetIssues(draft({ kind, value: 10, indexCode: null }), context({ index: null })).map((i) => i.field),
        kind,
      ).toEqual(["indexCode"]);
    }
  });

  it("a criterion score or a commitment takes no index", () => {
    expect(targetIssues(criterionScore({ indexCode: "PAR_INDEX" }), withCriterion({ index: PAR }))).toEqual([
      { field: "indexCode", message: "Chỉ tiêu điểm tiêu chí gắn với tiêu chí, không chọn chỉ số." },
    ]);
    expect(targetIssues(draft({ kind: "COMMITMENT_COMPLETION", indexCode: "PAR_INDEX", value: 100 }), context())).toEqual([
      { field: "indexCode", message: "Chỉ tiêu hoàn thành cam kết tính theo nhiệm vụ, không chọn chỉ số." },
    ]);
    expect(targetIssues(draft({ kind: "COMMITMENT_COMPLETION", indexCode: null, value: 100 }), context({ index: null }))).toEqual([]);
  });
});

describe("the agency of a target", () => {
  it("must be one of the province's", () => {
    expect(targetIssues(draft({ kind: "MIN_SCORE", indexCode: "INTERNAL_PAR", agencyId: 99 }), context({ index: INTERNAL }))).toEqual([
      { field: "agencyId", message: "Chọn cơ quan, đơn vị trong danh sách của tỉnh." },
    ]);
  });
});

describe("a criterion score target", () => {
  it("is an agency's, on a criterion of the province's internal framework", () => {
    expect(targetIssues(criterionScore(), withCriterion())).toEqual([]);
  });

  it("names its agency", () => {
    expect(targetIssues(criterionScore({ agencyId: null }), withCriterion({ agency: null }))).toEqual([
      { field: "agencyId", message: "Chỉ tiêu điểm tiêu chí là của một cơ quan: chọn cơ quan, đơn vị." },
    ]);
  });

  it("names its criterion, one of the internal framework's", () => {
    expect(targetIssues(criterionScore({ criterionId: null }), withCriterion({ criterion: null }))).toEqual([
      { field: "criterionId", message: "Chọn tiêu chí của bộ chỉ số nội bộ." },
    ]);
    expect(targetIssues(criterionScore({ criterionId: 8 }), withCriterion({ criterion: null }))).toEqual([
      { field: "criterionId", message: "Tiêu chí không thuộc bộ chỉ số nội bộ của tỉnh: chọn trong danh sách." },
    ]);
  });

  it("is above 0 and at most the criterion's maximum", () => {
    expect(targetIssues(criterionScore({ value: 2.5 }), withCriterion())).toEqual([]);
    const message = "Điểm tiêu chí 1.1.2 phải lớn hơn 0 và không quá 2,5 (điểm tối đa).";
    expect(targetIssues(criterionScore({ value: 2.51 }), withCriterion())).toEqual([{ field: "value", message }]);
    expect(targetIssues(criterionScore({ value: 0 }), withCriterion())).toEqual([{ field: "value", message }]);
  });

  it("only a criterion score target names a criterion", () => {
    expect(targetIssues(draft({ criterionId: CRITERION.id }), context({ criterion: CRITERION }))).toEqual([
      { field: "criterionId", message: 'Chỉ chỉ tiêu loại "Điểm tiêu chí" mới gắn với một tiêu chí: bỏ chọn tiêu chí.' },
    ]);
  });
});

describe("a target's value", () => {
  it("a minimum score is above 0 and at most the index's maximum", () => {
    const sipas = (value: number) => targetIssues(draft({ kind: "MIN_SCORE", indexCode: "SIPAS", value }), context({ index: SIPAS }));
    expect(sipas(90)).toEqual([]);
    expect(sipas(0.01)).toEqual([]);
    const message = "Điểm tối thiểu phải lớn hơn 0 và không quá 90 (điểm tối đa của chỉ số).";
    expect(sipas(90.5)).toEqual([{ field: "value", message }]);
    expect(sipas(0)).toEqual([{ field: "value", message }]);
  });

  it("a minimum score on an unknown index is checked against 100", () => {
    expect(targetIssues(draft({ kind: "MIN_SCORE", indexCode: "PAPI", value: 101 }), context({ index: null }))).toContainEqual({
      field: "value",
      message: "Điểm tối thiểu phải lớn hơn 0 và không quá 100 (điểm tối đa của chỉ số).",
    });
    expect(targetIssues(draft({ kind: "MIN_SCORE", indexCode: "PAPI", value: 100 }), context({ index: null })).map((i) => i.field)).toEqual(["indexCode"]);
  });

  it("a percentage, of the maximum or of commitments, is above 0 and at most 100", () => {
    const message = "Tỷ lệ phải lớn hơn 0 và không quá 100%.";
    expect(targetIssues(draft({ value: 100 }), context())).toEqual([]);
    expect(targetIssues(draft({ value: 100.5 }), context())).toEqual([{ field: "value", message }]);
    expect(targetIssues(draft({ value: 0 }), context())).toEqual([{ field: "value", message }]);
    const commitment = (value: number) => targetIssues(draft({ kind: "COMMITMENT_COMPLETION", indexCode: null, value }), context({ index: null }));
    expect(commitment(100)).toEqual([]);
    expect(commitment(101)).toEqual([{ field: "value", message }]);
    expect(commitment(0)).toEqual([{ field: "value", message }]);
  });

  it("a rank is a whole number from 1", () => {
    const rank = (value: number) => targetIssues(draft({ kind: "MAX_RANK", value }), context());
    const message = "Thứ hạng là số nguyên từ 1 trở lên, ví dụ 10 (trong 10 tỉnh dẫn đầu).";
    expect(rank(1)).toEqual([]);
    expect(rank(0)).toEqual([{ field: "value", message }]);
    expect(rank(2.5)).toEqual([{ field: "value", message }]);
  });

  it("places gained are a whole number from 1", () => {
    const gain = (value: number) => targetIssues(draft({ kind: "RANK_IMPROVEMENT", value }), context());
    const message = "Số bậc tăng là số nguyên từ 1 trở lên, ví dụ 10.";
    expect(gain(1)).toEqual([]);
    expect(gain(0)).toEqual([{ field: "value", message }]);
    expect(gain(1.5)).toEqual([{ field: "value", message }]);
  });
});

describe("the upper value of a range", () => {
  it("only places gained have one (up 10–15 places)", () => {
    expect(targetIssues(draft({ kind: "RANK_IMPROVEMENT", value: 10, valueMax: 15 }), context())).toEqual([]);
    expect(targetIssues(draft({ valueMax: 90 }), context())).toEqual([
      { field: "valueMax", message: "Chỉ chỉ tiêu tăng bậc mới có mức trên (ví dụ tăng 10–15 bậc): để trống." },
    ]);
  });

  it("is a whole number above the lower value", () => {
    const message = "Mức trên là số nguyên lớn hơn mức dưới (10), ví dụ 15; để trống nếu chỉ có một mức.";
    expect(targetIssues(draft({ kind: "RANK_IMPROVEMENT", value: 10, valueMax: 10 }), context())).toEqual([{ field: "valueMax", message }]);
    expect(targetIssues(draft({ kind: "RANK_IMPROVEMENT", value: 10, valueMax: 12.5 }), context())).toEqual([{ field: "valueMax", message }]);
    expect(targetIssues(draft({ kind: "RANK_IMPROVEMENT", value: 10, valueMax: 11 }), context())).toEqual([]);
  });
});

describe("the unit of a rank target", () => {
  it("is never a percentage", () => {
    const message = "Chỉ tiêu về thứ hạng không tính bằng %: để trống đơn vị.";
    expect(targetIssues(draft({ kind: "MAX_RANK", value: 10, unit: "%" }), context())).toEqual([{ field: "unit", message }]);
    expect(targetIssues(draft({ kind: "RANK_IMPROVEMENT", value: 10, unit: "%" }), context())).toEqual([{ field: "unit", message }]);
    expect(targetIssues(draft({ kind: "MAX_RANK", value: 10, unit: "hạng" }), context())).toEqual([]);
    expect(targetIssues(draft({ unit: "%" }), context())).toEqual([]);
  });
});

describe("every problem at once", () => {
  it("is reported, each with its field, in the form's order", () => {
    expect(
      targetIssues(draft({ kind: "RANK_IMPROVEMENT", year: 2030, agencyId: 99, value: 0, valueMax: 0, unit: "%", criterionId: 7 }), context()).map(
        (i) => i.field,
      ),
    ).toEqual(["year", "agencyId", "indexCode", "criterionId", "value", "valueMax", "unit"]);
  });
});

describe("commitments for several agencies at once", () => {
  const agencies = [STP, { id: 6, name: "Sở Nội vụ" }, { id: 8, name: "Sở Y tế" }];

  it("give each agency its own target, in the kind's unit, with the note", () => {
    const { drafts, issues } = buildBulkTargets({ kind: "CRITERION_SCORE", year: 2025, value: 2, criterionId: 7, note: "Cam kết" }, agencies.slice(0, 1), []);
    expect(issues).toEqual([]);
    expect(drafts).toEqual([
      {
        kind: "CRITERION_SCORE",
        indexCode: null,
        year: 2025,
        value: 2,
        valueMax: null,
        unit: "điểm",
        agencyId: 5,
        criterionId: 7,
        note: "Cam kết",
      },
    ]);
  });

  it("a commitment is on no criterion, whatever the form sent", () => {
    expect(
      buildBulkTargets({ kind: "COMMITMENT_COMPLETION", year: 2025, value: 100, criterionId: 7, note: null }, agencies, []).drafts.map((d) => d.criterionId),
    ).toEqual([null, null, null]);
  });

  it("an agency that already has the same target that year is refused, by name", () => {
    const existing = [
      { kind: "COMMITMENT_COMPLETION" as const, year: 2025, agencyId: 6, criterionId: null },
      { kind: "COMMITMENT_COMPLETION" as const, year: 2025, agencyId: 8, criterionId: null },
    ];
    expect(buildBulkTargets({ kind: "COMMITMENT_COMPLETION", year: 2025, value: 100, criterionId: null, note: null }, agencies, existing).issues).toEqual([
      {
        field: "agencyIds",
        message: "Đã có chỉ tiêu này năm 2025 cho: Sở Nội vụ, Sở Y tế. Bỏ chọn các cơ quan đó, hoặc sửa chỉ tiêu đã có.",
      },
    ]);
  });

  it("a target of another kind, year or criterion is not the same target", () => {
    const spec = { kind: "CRITERION_SCORE" as const, year: 2025, value: 2, criterionId: 7, note: null };
    const existing = [
      { kind: "COMMITMENT_COMPLETION" as const, year: 2025, agencyId: 5, criterionId: null },
      { kind: "CRITERION_SCORE" as const, year: 2024, agencyId: 5, criterionId: 7 },
      { kind: "CRITERION_SCORE" as const, year: 2025, agencyId: 5, criterionId: 9 },
      { kind: "CRITERION_SCORE" as const, year: 2025, agencyId: null, criterionId: 7 },
    ];
    expect(buildBulkTargets(spec, agencies, existing).issues).toEqual([]);
    expect(
      buildBulkTargets(spec, agencies, [...existing, { kind: "CRITERION_SCORE", year: 2025, agencyId: 5, criterionId: 7 }]).issues.map((i) => i.message),
    ).toEqual(["Đã có chỉ tiêu này năm 2025 cho: Sở Tư pháp. Bỏ chọn các cơ quan đó, hoặc sửa chỉ tiêu đã có."]);
  });
});
