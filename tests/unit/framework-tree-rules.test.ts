// The criteria tree's rules (lib/frameworks/tree.ts) not covered by tests/unit/framework-tree.test.ts:
// each cell's check with its message, in a form and in a file, and the edits' edge cases.
import { describe, expect, it } from "vitest";
import { row } from "../support/frameworks";
import {
  addNode,
  checkTree,
  CODE_PATTERN,
  deleteNode,
  MAX_DEPTH,
  MAX_POINTS_LIMIT,
  nodeLabel,
  recomputeAllParents,
  recomputeAncestors,
  setLeafMaxima,
  subtreeCodes,
  SUM_TOLERANCE,
  updateNode,
  type TreeRow,
} from "@/lib/frameworks/tree";

const check = (rows: TreeRow[], maxScore = 10, requireTotal = false) => checkTree(rows, { maxScore, requireTotal });

describe("the rules' constants", () => {
  it("three levels, sums to a thousandth, maxima that fit Decimal(7, 2), codes of up to 30 safe characters", () => {
    expect(MAX_DEPTH).toBe(3);
    expect(SUM_TOLERANCE).toBe(0.001);
    expect(MAX_POINTS_LIMIT).toBe(99999.99);
    expect(CODE_PATTERN.test("1.2.3")).toBe(true);
    expect(CODE_PATTERN.test("A_b-9")).toBe(true);
    expect(CODE_PATTERN.test("x".repeat(30))).toBe(true);
    expect(CODE_PATTERN.test("x".repeat(31))).toBe(false);
    expect(CODE_PATTERN.test(".1")).toBe(false);
    expect(CODE_PATTERN.test("1 2")).toBe(false);
    expect(CODE_PATTERN.test("Đ1")).toBe(false);
  });

  it("a node is named by its level, a criterion when the level is not known", () => {
    expect(nodeLabel("FIELD", "1")).toBe("Lĩnh vực 1");
    expect(nodeLabel("SUB_CRITERION", "1.1.1")).toBe("Tiêu chí thành phần 1.1.1");
    expect(nodeLabel(null, "x")).toBe("Tiêu chí x");
  });
});

describe("a node's code", () => {
  it("is given; in a form the message starts with a capital, in a file with its row", () => {
    expect(check([row("", null, 1)]).issues).toEqual([
      { code: undefined, row: undefined, field: "code", column: "code", message: "Thiếu mã tiêu chí (cột code). Nhập mã, ví dụ 1.2." },
    ]);
    expect(check([row(" ", null, 1, { row: 7 })]).issues).toEqual([
      { code: undefined, row: 7, field: "code", column: "code", message: "Dòng 7: thiếu mã tiêu chí (cột code). Nhập mã, ví dụ 1.2." },
    ]);
  });

  it("uses only unaccented letters, digits, dots, dashes and underscores", () => {
    expect(check([row("1.ă", null, 1)]).issues).toEqual([
      {
        code: "1.ă",
        row: undefined,
        field: "code",
        column: "code",
        message: 'Mã "1.ă" không hợp lệ: chỉ dùng chữ không dấu, số, dấu chấm, gạch ngang, tối đa 30 ký tự (ví dụ 1.2.3).',
      },
    ]);
  });

  it("is read without surrounding spaces, and so is the parent's", () => {
    expect(check([row(" 1 ", null, 2), row(" 1.1", " 1 ", 2)], 2, true)).toMatchObject({
      issues: [],
      rows: [{ code: "1" }, { code: "1.1", parentCode: "1" }],
    });
  });

  it("appears once; in a form the duplicate is named without a row", () => {
    expect(check([row("1", null, 2), row("1.1", "1", 1), row("1.1", "1", 1)]).issues.map((i) => i.message)).toEqual([
      "Mã 1.1 bị trùng. Mỗi tiêu chí cần một mã riêng.",
    ]);
  });

  it("a parent that lost a duplicate child is not also said not to add up", () => {
    expect(
      check([row("1", null, 2, { row: 2 }), row("1.1", "1", 1, { row: 3 }), row("1.1", "1", 1, { row: 4 })], 2, true).issues.map((i) => i.message),
    ).toEqual(["Dòng 4: mã 1.1 bị trùng với dòng 3. Mỗi tiêu chí cần một mã riêng."]);
  });
});

describe("a node's name and maximum", () => {
  it("the name is given", () => {
    expect(check([row("1", null, 1, { name: "  " })]).issues).toEqual([
      { code: "1", row: undefined, field: "name", column: "name", message: "Lĩnh vực 1: thiếu tên. Nhập tên tiêu chí." },
    ]);
  });

  it("the maximum is a number, from 0 to 99 999,99", () => {
    const where = { code: "1", row: undefined, field: "maxPoints", column: "max_points" };
    expect(check([row("1", null, Number.NaN)]).issues).toEqual([{ ...where, message: "Lĩnh vực 1: điểm tối đa phải là một số, ví dụ 2,5." }]);
    expect(check([row("1", null, 100000)]).issues).toEqual([{ ...where, message: "Lĩnh vực 1: điểm tối đa quá lớn (tối đa 99.999,99)." }]);
    expect(check([row("1", null, 99999.99)]).issues).toEqual([]);
    expect(check([row("1", null, 0)]).issues).toEqual([]);
    expect(check([row("1", null, 2.25)]).issues).toEqual([]);
  });

  it("a node outside the tree still has its own cells checked", () => {
    expect(check([row("A", "B", -1, { name: "" }), row("B", "A", 1)]).issues.map((i) => i.message)).toEqual([
      "Tiêu chí A: thiếu tên. Nhập tên tiêu chí.",
      "Tiêu chí A: điểm tối đa không được âm (đang là -1).",
      "Tiêu chí A nằm trong một vòng lặp cha – con (mục cha của nó lại là mục con của nó). Sửa cột parent_code.",
      "Tiêu chí B nằm trong một vòng lặp cha – con (mục cha của nó lại là mục con của nó). Sửa cột parent_code.",
    ]);
  });

  it("a parent's children add up to it, to the cent", () => {
    expect(check([row("1", null, 0.3), row("1.1", "1", 0.1), row("1.2", "1", 0.2)]).issues).toEqual([]);
    expect(check([row("1", null, 1.01), row("1.1", "1", 1)]).issues.map((i) => i.field)).toEqual(["maxPoints"]);
  });
});

describe("the order of the problems", () => {
  it("follows the file's rows, the framework's total last", () => {
    const rows = [row("1", null, 3, { row: 2 }), row("2.1", "2", 1, { row: 3 }), row("1.1", "1", 1, { row: 4, name: "" })];
    expect(check(rows, 10, true).issues.map((i) => i.row ?? "total")).toEqual([2, 3, 4, "total"]);
  });

  it("the framework's total is checked only when there is a tree", () => {
    expect(check([row("A", "B", 1), row("B", "A", 1)], 10, true).issues.map((i) => i.field ?? i.column)).toEqual(["parent_code", "parent_code"]);
  });
});

describe("edits", () => {
  const small = () => [row("1", null, 5), row("1.1", "1", 2), row("1.2", "1", 3), row("2", null, 5), row("2.1", "2", 5)];

  it("an unknown node is left alone, and the list is a copy", () => {
    const rows = small();
    const fields = { code: "9", name: "x", method: "APPRAISAL" as const, guidance: null, requiredEvidence: null, maxPoints: 1 };
    expect(updateNode(rows, "9", fields, { recomputeParents: true })).toEqual(rows);
    expect(updateNode(rows, "9", fields, { recomputeParents: true })).not.toBe(rows);
    expect(deleteNode(rows, "9", { recomputeParents: true })).toEqual(rows);
    expect(deleteNode(rows, "9", { recomputeParents: true })).not.toBe(rows);
  });

  it("a new node's code is trimmed; its parents follow only when asked", () => {
    const fields = { code: " 1.3 ", name: "Mới", method: "APPRAISAL" as const, guidance: null, requiredEvidence: null, maxPoints: 1 };
    const kept = addNode(small(), "1", fields, { recomputeParents: false });
    expect(kept.at(-1)).toMatchObject({ code: "1.3", parentCode: "1", level: null });
    expect(kept.find((r) => r.code === "1")?.maxPoints).toBe(5);
    expect(addNode(small(), "1", fields, { recomputeParents: true }).find((r) => r.code === "1")?.maxPoints).toBe(6);
  });

  it("a renamed code is trimmed and its children follow; deleting without recomputing keeps the parent's maximum", () => {
    const renamed = updateNode(
      small(),
      "2",
      { code: " 3 ", name: "Ba", method: "SURVEY", guidance: "g", requiredEvidence: "e", maxPoints: 5 },
      { recomputeParents: false },
    );
    expect(renamed.slice(3)).toMatchObject([
      { code: "3", name: "Ba", method: "SURVEY", guidance: "g", requiredEvidence: "e" },
      { code: "2.1", parentCode: "3" },
    ]);
    expect(deleteNode(small(), "1.1", { recomputeParents: false }).find((r) => r.code === "1")?.maxPoints).toBe(5);
  });

  it("recomputing climbs to the root, stops at an unknown parent and does not loop", () => {
    const deep = [row("1", null, 0), row("1.1", "1", 0), row("1.1.1", "1.1", 2.5)];
    expect(recomputeAncestors(deep, "1.1").map((r) => r.maxPoints)).toEqual([2.5, 2.5, 2.5]);
    expect(recomputeAncestors(deep, "9").map((r) => r.maxPoints)).toEqual([0, 0, 2.5]);
    expect(recomputeAncestors(deep, null).map((r) => r.maxPoints)).toEqual([0, 0, 2.5]);
    const loop = [row("A", "B", 1), row("B", "A", 1)];
    expect(recomputeAncestors(loop, "A").map((r) => r.maxPoints)).toEqual([1, 1]);
    expect(deep[0].maxPoints).toBe(0);
  });

  it("recomputing every parent counts a blank leaf as 0 and survives a loop", () => {
    expect(recomputeAllParents([row("1", null, 9), row("1.1", "1", null), row("1.2", "1", 1.5)]).map((r) => r.maxPoints)).toEqual([1.5, null, 1.5]);
    expect(recomputeAllParents([row("A", "B", 1), row("B", "A", 2)]).map((r) => r.maxPoints)).toEqual([1, 2]);
  });
});

describe("each problem names its cell", () => {
  const at = (code: string, n: number) => ({ code, row: n });

  it("a duplicate code: the code column; the duplicate is left out of the tree", () => {
    const result = check([row("1", null, 2, { row: 2 }), row("1.1", "1", 2, { row: 3 }), row("1.1", "1", 2, { row: 4 })]);
    expect(result.issues).toEqual([
      { ...at("1.1", 4), field: "code", column: "code", message: "Dòng 4: mã 1.1 bị trùng với dòng 3. Mỗi tiêu chí cần một mã riêng." },
    ]);
    expect(result.rows.map((r) => r.code)).toEqual(["1", "1.1"]);
  });

  it("a row without a code is not in the tree", () => {
    expect(check([row("", null, 1)]).rows).toEqual([]);
    expect(check([row("", null, 1)]).roots).toEqual([]);
  });

  it("a node that is its own parent: the parent_code column", () => {
    expect(check([row("1", "1", 1, { row: 5 })]).issues).toEqual([
      { ...at("1", 5), column: "parent_code", message: "Dòng 5: Tiêu chí 1 không thể là mục cha của chính nó. Sửa cột parent_code." },
    ]);
  });

  it("an unknown parent: the parent_code column", () => {
    expect(check([row("1.1", "1", 1, { row: 2 })]).issues).toEqual([
      {
        ...at("1.1", 2),
        field: "parentCode",
        column: "parent_code",
        message: "Dòng 2: Tiêu chí 1.1: mã cha 1 không có trong bộ chỉ số. Sửa cột parent_code hoặc thêm mục 1.",
      },
    ]);
  });

  it("a fourth level: the parent_code column", () => {
    const rows = [row("1", null, 1), row("1.1", "1", 1), row("1.1.1", "1.1", 1), row("1.1.1.1", "1.1.1", 1, { row: 9 })];
    expect(check(rows).issues).toEqual([
      {
        ...at("1.1.1.1", 9),
        column: "parent_code",
        message: "Dòng 9: Tiêu chí 1.1.1.1 nằm ở cấp thứ 4: bộ chỉ số chỉ có 3 cấp (lĩnh vực → tiêu chí → tiêu chí thành phần). Chuyển mục này lên cấp trên.",
      },
    ]);
  });

  it("a level that does not match the place in the tree: the level column, saying where the node is", () => {
    expect(check([row("1", null, 1, { row: 2, level: "CRITERION" })]).issues).toEqual([
      {
        ...at("1", 2),
        field: "level",
        column: "level",
        message: "Dòng 2: 1 được ghi là Tiêu chí nhưng không có mục cha nên phải là Lĩnh vực. Sửa cột level hoặc parent_code.",
      },
    ]);
    expect(check([row("1", null, 1), row("1.1", "1", 1, { row: 3, level: "FIELD" })]).issues).toEqual([
      {
        ...at("1.1", 3),
        field: "level",
        column: "level",
        message: "Dòng 3: 1.1 được ghi là Lĩnh vực nhưng nằm dưới 1 nên phải là Tiêu chí. Sửa cột level hoặc parent_code.",
      },
    ]);
  });

  it("a leaf without a maximum, and children that do not add up: the max_points column", () => {
    expect(check([row("1", null, null, { row: 2 })]).issues).toEqual([
      {
        ...at("1", 2),
        field: "maxPoints",
        column: "max_points",
        message: "Dòng 2: Lĩnh vực 1: thiếu điểm tối đa. Nhập điểm tối đa, ví dụ 2,5.",
      },
    ]);
    expect(check([row("1", null, 1.01, { row: 2 }), row("1.1", "1", 1, { row: 3 })]).issues).toEqual([
      {
        ...at("1", 2),
        field: "maxPoints",
        column: "max_points",
        message: "Dòng 2: Lĩnh vực 1: tổng điểm tối đa các tiêu chí con là 1 nhưng lĩnh vực là 1,01. Sửa điểm để hai số bằng nhau.",
      },
    ]);
  });

  it("fields that do not add up to the framework's maximum: the maxScore field, with no row", () => {
    expect(check([row("1", null, 4), row("2", null, 5)], 10, true).issues).toEqual([
      {
        field: "maxScore",
        message: "Tổng điểm tối đa các lĩnh vực là 9 nhưng điểm tối đa của bộ chỉ số là 10. Sửa điểm để hai số bằng nhau.",
      },
    ]);
  });

  it("one row's problems keep the order they are found in", () => {
    expect(check([row("1", null, -1, { row: 2, name: "" })]).issues.map((i) => i.message)).toEqual([
      "Dòng 2: Lĩnh vực 1: thiếu tên. Nhập tên tiêu chí.",
      "Dòng 2: Lĩnh vực 1: điểm tối đa không được âm (đang là -1).",
    ]);
  });
});

describe("a node's subtree and the leaves' maxima", () => {
  it("the subtree is the node and everything under it, once each even in a loop", () => {
    const rows = [row("1", null, 3), row("1.1", "1", 1), row("1.1.1", "1.1", 1), row("1.2", "1", 2), row("2", null, 1)];
    expect(subtreeCodes(rows, "1")).toEqual(["1", "1.1", "1.1.1", "1.2"]);
    expect(subtreeCodes([row("A", "B", 1), row("B", "A", 1)], "A")).toEqual(["A", "B"]);
  });

  it("new maxima are set on leaves only; parents become the sum of their children", () => {
    const rows = [row("1", null, 3), row("1.1", "1", 1), row("1.2", "1", 2)];
    const maxima = new Map([
      ["1", 50],
      ["1.1", 4],
    ]);
    expect(setLeafMaxima(rows, maxima).map((r) => r.maxPoints)).toEqual([6, 4, 2]);
    // Even a parent that no recomputation reaches (a loop) keeps its maximum.
    expect(setLeafMaxima([row("A", "B", 1), row("B", "A", 2)], new Map([["A", 9]])).map((r) => r.maxPoints)).toEqual([1, 2]);
  });
});
