// How a published total and its components fit together (lib/results/components.ts), each rule
// with its message, beyond tests/unit/results-import.test.ts.
import { describe, expect, it } from "vitest";
import { COMPONENT_SUM_TOLERANCE, parseDecimal, resolveTotal, shownComponents } from "@/lib/results/components";

const DEFS = [
  { code: "APPRAISAL", nameVi: "Điểm thẩm định", maxPoints: 61.5 },
  { code: "SIPAS", nameVi: "SIPAS", maxPoints: 10 },
];
const base = { defs: DEFS, additive: true, maxScore: 100, label: "PAR INDEX năm 2020" };

describe("a decimal as typed", () => {
  it("may be negative or whole, with a dot or a comma", () => {
    expect(parseDecimal("-1,5")).toEqual({ ok: true, value: -1.5 });
    expect(parseDecimal("88")).toEqual({ ok: true, value: 88 });
    expect(parseDecimal("  ")).toEqual({ ok: true, value: null });
  });
  it("says what is wrong, quoting the text without its spaces", () => {
    expect(parseDecimal(" 9x ")).toEqual({ ok: false, message: '"9x" không phải là số: viết dạng 92,18 hoặc 92.18.' });
    expect(parseDecimal("1.")).toEqual({ ok: false, message: '"1." không phải là số: viết dạng 92,18 hoặc 92.18.' });
    expect(parseDecimal(".5")).toMatchObject({ ok: false });
    expect(parseDecimal("88.123")).toEqual({ ok: false, message: '"88.123" có quá 2 chữ số thập phân.' });
  });
});

describe("the total and its components", () => {
  it("the tolerance for rounded components is 0,02", () => {
    expect(COMPONENT_SUM_TOLERANCE).toBe(0.02);
  });

  it("a component the framework does not have is named", () => {
    expect(resolveTotal({ ...base, score: 80, components: { PAPI: 5 } })).toEqual({
      ok: false,
      issues: [{ key: "PAPI", message: "PAR INDEX năm 2020 không có thành phần PAPI: để trống giá trị này." }],
    });
  });

  it("a component is between 0 and its maximum, both included", () => {
    expect(resolveTotal({ ...base, score: 61.5, components: { APPRAISAL: 61.5 } })).toEqual({ ok: true, score: 61.5 });
    expect(resolveTotal({ ...base, score: 80, components: { SIPAS: 0 } })).toEqual({ ok: true, score: 80 });
    expect(resolveTotal({ ...base, score: 80, components: { SIPAS: -0.5 } })).toEqual({
      ok: false,
      issues: [{ key: "SIPAS", message: "SIPAS phải từ 0 đến 10 điểm (đang là -0,5)." }],
    });
  });

  it("the total is between 0 and the index maximum, both included", () => {
    expect(resolveTotal({ ...base, score: 100, components: {} })).toEqual({ ok: true, score: 100 });
    expect(resolveTotal({ ...base, score: 0, components: {} })).toEqual({ ok: true, score: 0 });
    expect(resolveTotal({ ...base, score: -1, components: {} })).toEqual({
      ok: false,
      issues: [{ key: "score", message: "Điểm tổng phải từ 0 đến 100 (đang là -1)." }],
    });
  });

  it("every problem with the values is listed before the sum is looked at", () => {
    expect(resolveTotal({ ...base, score: 120, components: { APPRAISAL: 70, SIPAS: 11 } })).toMatchObject({
      ok: false,
      issues: [{ key: "APPRAISAL" }, { key: "SIPAS" }, { key: "score" }],
    });
  });

  it("a missing total asks for it, or for every component when they add up", () => {
    expect(resolveTotal({ ...base, score: null, components: { SIPAS: 8 } })).toEqual({
      ok: false,
      issues: [
        {
          key: "score",
          message: "Thiếu điểm tổng của PAR INDEX năm 2020: nhập điểm hoặc nhập đủ 2 thành phần (Điểm thẩm định, SIPAS) để tính tổng.",
        },
      ],
    });
    expect(resolveTotal({ ...base, additive: false, score: null, components: { SIPAS: 8 } })).toEqual({
      ok: false,
      issues: [{ key: "score", message: "Thiếu điểm tổng của PAR INDEX năm 2020: nhập điểm." }],
    });
    expect(resolveTotal({ ...base, defs: [], score: null, components: {} })).toEqual({
      ok: false,
      issues: [{ key: "score", message: "Thiếu điểm tổng của PAR INDEX năm 2020: nhập điểm." }],
    });
  });

  it("the sum of every component, to the cent, is the total when none is given", () => {
    expect(resolveTotal({ ...base, score: null, components: { APPRAISAL: 0.1, SIPAS: 0.2 } })).toEqual({ ok: true, score: 0.3 });
  });

  it("a total far from the full sum says by how much", () => {
    expect(resolveTotal({ ...base, score: 60, components: { APPRAISAL: 55, SIPAS: 8.5 } })).toEqual({
      ok: false,
      issues: [
        {
          key: "score",
          message: "Điểm tổng 60 khác tổng các thành phần 63,5 (chênh 3,5, chỉ cho phép 0,02 do làm tròn): kiểm tra lại điểm tổng hoặc các thành phần.",
        },
      ],
    });
  });

  it("some components may add up to less than the total, never more (beyond rounding)", () => {
    expect(resolveTotal({ ...base, score: 55.02, components: { APPRAISAL: 55.04 } })).toEqual({ ok: true, score: 55.02 });
    expect(resolveTotal({ ...base, score: 55, components: { APPRAISAL: 55.5 } })).toEqual({
      ok: false,
      issues: [
        {
          key: "score",
          message: "Các thành phần đã nhập cộng lại 55,5, lớn hơn điểm tổng 55: kiểm tra lại điểm tổng hoặc các thành phần.",
        },
      ],
    });
  });

  it("percentages of their own are never summed", () => {
    expect(resolveTotal({ ...base, additive: false, score: 50, components: { APPRAISAL: 60, SIPAS: 9 } })).toEqual({ ok: true, score: 50 });
  });
});

describe("spreadsheet noise in a decimal", () => {
  it("a gap of at most a millionth of a hundredth is noise and is rounded away, not refused", () => {
    // 0.00000001 is 0.000001 hundredths: exactly the limit.
    expect(parseDecimal("0.00000001")).toEqual({ ok: true, value: 0 });
    expect(parseDecimal("0.0000001")).toMatchObject({ ok: false });
  });
});

describe("a stored result's components as pages show them", () => {
  const defs = [
    { code: "APPRAISAL", nameVi: "Điểm thẩm định" },
    { code: "SIPAS", nameVi: "SIPAS" },
  ];

  it("come in the order of the framework in force, whatever the stored order, as numbers", () => {
    const decimal = (text: string) => ({ toString: () => text });
    expect(
      shownComponents(defs, [
        { code: "SIPAS", value: decimal("8.25") },
        { code: "APPRAISAL", value: 55.5 },
      ]),
    ).toEqual([
      { code: "APPRAISAL", nameVi: "Điểm thẩm định", value: 55.5 },
      { code: "SIPAS", nameVi: "SIPAS", value: 8.25 },
    ]);
  });

  it("leave out what was not stored, and keep a code the framework does not list, after the others, under its code", () => {
    expect(
      shownComponents(defs, [
        { code: "OLD_PART", value: 3 },
        { code: "SIPAS", value: 7 },
      ]),
    ).toEqual([
      { code: "SIPAS", nameVi: "SIPAS", value: 7 },
      { code: "OLD_PART", nameVi: "OLD_PART", value: 3 },
    ]);
    expect(shownComponents(defs, [])).toEqual([]);
    expect(shownComponents([], [{ code: "SIPAS", value: 7 }])).toEqual([{ code: "SIPAS", nameVi: "SIPAS", value: 7 }]);
  });
});
