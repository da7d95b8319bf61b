// When a change to a framework in use must go to a new version, and the checks every saved
// framework passes (lib/frameworks/versioning.ts), one rule per case.
import { describe, expect, it } from "vitest";
import { row } from "../support/frameworks";
import type { TreeRow } from "@/lib/frameworks/tree";
import { checkState, formatYears, isDestructive, yearsOverlap, type FrameworkState } from "@/lib/frameworks/versioning";

const node = (id: number, code: string, parentCode: string | null, maxPoints: number, over: Partial<TreeRow> = {}): TreeRow =>
  row(code, parentCode, maxPoints, { id, ...over });
const state = (over: Partial<FrameworkState> = {}): FrameworkState => ({
  meta: {
    name: "Bộ chỉ số CCHC sở, ban, ngành",
    decision: "Quyết định 1/QĐ-UBND",
    validFromYear: 2025,
    validToYear: null,
    maxScore: 10,
    bonusCap: 1,
    penaltyCap: 1,
    componentsAreAdditive: true,
    status: "ACTIVE",
    isIllustrative: true,
    note: null,
    agencyKind: "DEPARTMENT",
  },
  rows: [node(1, "1", null, 10), node(2, "1.1", "1", 4), node(3, "1.2", "1", 6)],
  components: [
    { code: "A", nameVi: "Thẩm định", maxPoints: 7 },
    { code: "B", nameVi: "Điều tra", maxPoints: 3 },
  ],
  bands: [
    { label: "Tốt", minScore: 8 },
    { label: "Khá", minScore: 6 },
  ],
  ...over,
});

describe("a change that goes to a new version", () => {
  const before = state();
  const withMeta = (meta: Partial<FrameworkState["meta"]>) => ({ ...before, meta: { ...before.meta, ...meta } });
  const withRow = (code: string, over: Partial<TreeRow>) => ({
    ...before,
    rows: before.rows.map((r) => (r.code === code ? { ...r, ...over } : r)),
  });

  it("changes the maximum, the caps or whether the components add up", () => {
    expect(isDestructive(before, withMeta({ maxScore: 100 }))).toBe(true);
    expect(isDestructive(before, withMeta({ bonusCap: 2 }))).toBe(true);
    expect(isDestructive(before, withMeta({ penaltyCap: 2 }))).toBe(true);
    expect(isDestructive(before, withMeta({ componentsAreAdditive: false }))).toBe(true);
  });

  it("a change of name, decision, years, note or status scores nothing differently", () => {
    expect(isDestructive(before, withMeta({ name: "Khác", decision: null, validToYear: 2030, note: "x", status: "ARCHIVED", isIllustrative: false }))).toBe(
      false,
    );
  });

  it("changes a component's code, name or maximum, or their number", () => {
    expect(isDestructive(before, { ...before, components: [{ ...before.components[0], code: "C" }, before.components[1]] })).toBe(true);
    expect(isDestructive(before, { ...before, components: [{ ...before.components[0], nameVi: "Khác" }, before.components[1]] })).toBe(true);
    expect(isDestructive(before, { ...before, components: [{ ...before.components[0], maxPoints: 6 }, before.components[1]] })).toBe(true);
    expect(isDestructive(before, { ...before, components: before.components.slice(0, 1) })).toBe(true);
  });

  it("changes a grade band, but not their order", () => {
    expect(isDestructive(before, { ...before, bands: [...before.bands].reverse() })).toBe(false);
    expect(isDestructive(before, { ...before, bands: [before.bands[0], { label: "Khá", minScore: 5 }] })).toBe(true);
    expect(isDestructive(before, { ...before, bands: [before.bands[0], { label: "Trung bình", minScore: 6 }] })).toBe(true);
    expect(isDestructive(before, { ...before, bands: [...before.bands, { label: "Yếu", minScore: 0 }] })).toBe(true);
  });

  it("changes a criterion's code, parent, level, name, maximum or method", () => {
    for (const over of [
      { code: "1.9" },
      { parentCode: null },
      { level: "CRITERION" as const },
      { name: "Khác" },
      { maxPoints: 5 },
      { method: "SURVEY" as const },
    ]) {
      expect(isDestructive(before, withRow("1.1", over)), JSON.stringify(over)).toBe(true);
    }
  });

  it("a criterion's guidance and required evidence are help, not scoring", () => {
    expect(isDestructive(before, withRow("1.1", { guidance: "Chấm theo kế hoạch", requiredEvidence: "Kế hoạch" }))).toBe(false);
  });

  it("adds a criterion (even in place of one removed) or removes one", () => {
    expect(isDestructive(before, { ...before, rows: [...before.rows.slice(0, 2), { ...before.rows[2], id: undefined }] })).toBe(true);
    expect(isDestructive(before, { ...before, rows: [...before.rows.slice(0, 2), { ...before.rows[2], id: 99 }] })).toBe(true);
    expect(isDestructive(before, { ...before, rows: before.rows.slice(0, 2) })).toBe(true);
  });

  it("the same criteria in another order is the same framework", () => {
    expect(isDestructive(before, { ...before, rows: [before.rows[0], before.rows[2], before.rows[1]] })).toBe(false);
  });
});

describe("a saved framework", () => {
  it("passes when its fields add up, components fit and bands are distinct", () => {
    expect(checkState(state()).issues).toEqual([]);
  });

  it("in force, its fields add up to its maximum; a draft may still be short", () => {
    const short = { rows: [node(1, "1", null, 8), node(2, "1.1", "1", 8)] };
    expect(checkState(state(short)).issues.map((i) => i.message)).toEqual([
      "Tổng điểm tối đa các lĩnh vực là 8 nhưng điểm tối đa của bộ chỉ số là 10. Sửa điểm để hai số bằng nhau.",
    ]);
    expect(checkState(state({ ...short, meta: { ...state().meta, status: "DRAFT" } })).issues).toEqual([]);
  });

  it("no component is worth more than the framework", () => {
    const issues = checkState(
      state({ components: [{ code: "A", nameVi: "Thẩm định", maxPoints: 10.5 }], meta: { ...state().meta, componentsAreAdditive: false } }),
    ).issues;
    expect(issues).toEqual([{ field: "components", message: "Thành phần Thẩm định: điểm tối đa 10,5 lớn hơn điểm tối đa của bộ chỉ số (10)." }]);
    expect(
      checkState(state({ components: [{ code: "A", nameVi: "Thẩm định", maxPoints: 10 }], meta: { ...state().meta, componentsAreAdditive: false } })).issues,
    ).toEqual([]);
  });

  it("additive components add up to the maximum, to the cent", () => {
    const components = (a: number, b: number) => [
      { code: "A", nameVi: "Thẩm định", maxPoints: a },
      { code: "B", nameVi: "Điều tra", maxPoints: b },
    ];
    expect(checkState(state({ components: components(6.9, 3.1) })).issues).toEqual([]);
    expect(checkState(state({ components: components(7.01, 3) })).issues.map((i) => i.field)).toEqual(["components"]);
    expect(checkState(state({ components: [] })).issues).toEqual([]);
    expect(checkState(state({ components: components(7, 2), meta: { ...state().meta, componentsAreAdditive: false } })).issues).toEqual([]);
  });

  it("a grade band's minimum is within the maximum and no two bands share one", () => {
    expect(checkState(state({ bands: [{ label: "Xuất sắc", minScore: 10 }] })).issues).toEqual([]);
    expect(checkState(state({ bands: [{ label: "Xuất sắc", minScore: 10.01 }] })).issues).toEqual([
      { field: "bands", message: "Xếp loại Xuất sắc: điểm tối thiểu 10,01 lớn hơn điểm tối đa của bộ chỉ số (10)." },
    ]);
    expect(
      checkState(
        state({
          bands: [
            { label: "Tốt", minScore: 8 },
            { label: "Khá", minScore: 8 },
          ],
        }),
      ).issues,
    ).toEqual([{ field: "bands", message: "Xếp loại Khá: điểm tối thiểu 8 trùng với một xếp loại khác. Mỗi xếp loại cần một mức điểm riêng." }]);
  });

  it("gives back the tree's rows with their levels", () => {
    expect(checkState(state()).rows.map((r) => [r.code, r.level])).toEqual([
      ["1", "FIELD"],
      ["1.1", "CRITERION"],
      ["1.2", "CRITERION"],
    ]);
  });
});

describe("years of validity", () => {
  it("overlap when they share a year, an open end reaching every later year", () => {
    expect(yearsOverlap({ validFromYear: 2017, validToYear: 2021 }, { validFromYear: 2021, validToYear: 2030 })).toBe(true);
    expect(yearsOverlap({ validFromYear: 2022, validToYear: null }, { validFromYear: 2017, validToYear: 2021 })).toBe(false);
    expect(yearsOverlap({ validFromYear: 2022, validToYear: null }, { validFromYear: 2040, validToYear: null })).toBe(true);
  });

  it("read as one year, a range, or from a year on", () => {
    expect(formatYears({ validFromYear: 2025, validToYear: 2025 })).toBe("2025");
    expect(formatYears({ validFromYear: 2022, validToYear: 2030 })).toBe("2022–2030");
    expect(formatYears({ validFromYear: 2022, validToYear: null })).toBe("từ 2022");
  });
});
