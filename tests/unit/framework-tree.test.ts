import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { row } from "../support/frameworks";
import { formatPoints } from "@/lib/format";
import { rowsFromTable, treeCells, TREE_COLUMNS } from "@/lib/frameworks/io";
import { parseDecimal } from "@/lib/frameworks/schema";
import { addNode, checkTree, deleteNode, recomputeAllParents, setLeafMaxima, subtreeCodes, updateNode, type TreeRow } from "@/lib/frameworks/tree";
import { checkState, isDestructive, yearsOverlap, type FrameworkState } from "@/lib/frameworks/versioning";
import { readTable, writeCsv, writeXlsx } from "@/lib/io/table-file";

// A small framework of 10 points, checked by hand: 1 (10) = 1.1 (5) + 1.2 (5); 1.1 = 2 + 3; 1.2 = 2 + 3.
const small = (): TreeRow[] => [
  row("1", null, 10),
  row("1.1", "1", 5),
  row("1.1.1", "1.1", 2),
  row("1.1.2", "1.1", 3),
  row("1.2", "1", 5),
  row("1.2.1", "1.2", 2),
  row("1.2.2", "1.2", 3),
];
const check = (rows: TreeRow[], maxScore = 10, requireTotal = true) => checkTree(rows, { maxScore, requireTotal });
const messages = (rows: TreeRow[], maxScore = 10, requireTotal = true) => check(rows, maxScore, requireTotal).issues.map((i) => i.message);

describe("checkTree", () => {
  it("accepts a consistent tree and names the levels by depth", () => {
    const result = check(small());
    expect(result.issues).toEqual([]);
    expect(result.roots).toHaveLength(1);
    expect(result.rows.map((r) => `${r.code}:${r.level}:${r.depth}`)).toEqual([
      "1:FIELD:1",
      "1.1:CRITERION:2",
      "1.1.1:SUB_CRITERION:3",
      "1.1.2:SUB_CRITERION:3",
      "1.2:CRITERION:2",
      "1.2.1:SUB_CRITERION:3",
      "1.2.2:SUB_CRITERION:3",
    ]);
  });

  it("refuses a parent whose children do not add up to it, in words a user can act on", () => {
    const rows = small().map((r) => (r.code === "1.2.2" ? { ...r, maxPoints: 2.5 } : r));
    expect(messages(rows)).toEqual(["Tiêu chí 1.2: tổng điểm tối đa các tiêu chí con là 4,5 nhưng tiêu chí cha là 5. Sửa điểm để hai số bằng nhau."]);
    // The field above still adds up (5 + 5 = 10): only the parent that is wrong is named.
  });

  it("names a field whose criteria do not add up, and the framework total", () => {
    const rows = small().map((r) => (r.code === "1" ? { ...r, maxPoints: 12 } : r));
    expect(messages(rows)).toEqual([
      "Lĩnh vực 1: tổng điểm tối đa các tiêu chí con là 10 nhưng lĩnh vực là 12. Sửa điểm để hai số bằng nhau.",
      "Tổng điểm tối đa các lĩnh vực là 12 nhưng điểm tối đa của bộ chỉ số là 10. Sửa điểm để hai số bằng nhau.",
    ]);
  });

  it("adds decimals without floating-point noise (0,1 + 0,2 = 0,3)", () => {
    const rows = [row("1", null, 0.3), row("1.1", "1", 0.1), row("1.2", "1", 0.2)];
    expect(check(rows, 0.3).issues).toEqual([]);
  });

  it("lets a draft be incomplete but not a framework in force", () => {
    const rows = [row("1", null, 4), row("1.1", "1", 4)];
    expect(messages(rows, 100, false)).toEqual([]);
    expect(messages(rows, 100, true)).toEqual(["Tổng điểm tối đa các lĩnh vực là 4 nhưng điểm tối đa của bộ chỉ số là 100. Sửa điểm để hai số bằng nhau."]);
  });

  it("requires unique codes and names the rows of a file", () => {
    const rows = [row("1", null, 10, { row: 2 }), row("1.1", "1", 5, { row: 3 }), row("1.1", "1", 5, { row: 4 })];
    expect(messages(rows)).toEqual(["Dòng 4: mã 1.1 bị trùng với dòng 3. Mỗi tiêu chí cần một mã riêng."]);
    expect(check(rows).issues[0]).toMatchObject({ row: 4, code: "1.1", column: "code" });
  });

  it("requires the parent to exist", () => {
    expect(messages([row("1", null, 10), row("2.1", "2", 0)])).toEqual([
      "Tiêu chí 2.1: mã cha 2 không có trong bộ chỉ số. Sửa cột parent_code hoặc thêm mục 2.",
    ]);
  });

  it("allows three levels, not four", () => {
    const rows = [row("1", null, 5), row("1.1", "1", 5), row("1.1.1", "1.1", 5), row("1.1.1.1", "1.1.1", 5)];
    expect(messages(rows, 5)).toEqual([
      "Tiêu chí 1.1.1.1 nằm ở cấp thứ 4: bộ chỉ số chỉ có 3 cấp (lĩnh vực → tiêu chí → tiêu chí thành phần). Chuyển mục này lên cấp trên.",
    ]);
  });

  it("checks a given level against the depth", () => {
    const rows = small().map((r) => (r.code === "1.2" ? { ...r, level: "FIELD" as const } : r));
    expect(messages(rows)).toEqual(["1.2 được ghi là Lĩnh vực nhưng nằm dưới 1 nên phải là Tiêu chí. Sửa cột level hoặc parent_code."]);
  });

  it("refuses negative maxima and more than two decimals", () => {
    expect(messages([row("1", null, -1)], -1, false)).toEqual(["Lĩnh vực 1: điểm tối đa không được âm (đang là -1)."]);
    expect(messages([row("1", null, 1.125)], 1.125, false)).toEqual(["Lĩnh vực 1: điểm tối đa chỉ được có tối đa 2 chữ số thập phân, ví dụ 2,25."]);
  });

  it("finds loops and a node that is its own parent", () => {
    expect(messages([row("1", null, 1), row("A", "B", 1), row("B", "A", 1)], 1)).toEqual([
      "Tiêu chí A nằm trong một vòng lặp cha – con (mục cha của nó lại là mục con của nó). Sửa cột parent_code.",
      "Tiêu chí B nằm trong một vòng lặp cha – con (mục cha của nó lại là mục con của nó). Sửa cột parent_code.",
    ]);
    expect(messages([row("1", "1", 1)], 1)).toEqual(["Tiêu chí 1 không thể là mục cha của chính nó. Sửa cột parent_code."]);
  });

  it("takes a blank parent maximum as the sum of its children, and wants a leaf's", () => {
    const rows = small().map((r) => (r.code === "1" || r.code === "1.2" ? { ...r, maxPoints: null } : r));
    const result = check(rows);
    expect(result.issues).toEqual([]);
    expect(result.rows.find((r) => r.code === "1")?.maxPoints).toBe(10);
    expect(messages([row("1", null, null)], 0, false)).toEqual(["Lĩnh vực 1: thiếu điểm tối đa. Nhập điểm tối đa, ví dụ 2,5."]);
  });

  it("accepts the seeded PAR INDEX 2022 tree: 8 fields adding up to 100", () => {
    type Node = { code: string; name: string; maxPoints?: number; method?: TreeRow["method"]; children?: Node[] };
    const file = JSON.parse(fs.readFileSync(path.resolve("prisma/seed-data/frameworks/par-index-provincial-2022.json"), "utf8")) as {
      tree: Node[];
    };
    const rows: TreeRow[] = [];
    const walk = (node: Node, parent: string | null) => {
      rows.push(row(node.code, parent, node.maxPoints ?? null, { name: node.name, method: node.method ?? "APPRAISAL" }));
      for (const child of node.children ?? []) walk(child, node.code);
    };
    for (const node of file.tree) walk(node, null);
    const result = check(rows, 100);
    expect(result.issues).toEqual([]);
    expect(result.roots).toHaveLength(8);
    expect(result.roots.reduce((sum, field) => sum + field.maxPoints, 0)).toBe(100);
  });
});

describe("tree edits", () => {
  it("changes a leaf and, when asked, its ancestors' maxima", () => {
    const plain = updateNode(small(), "1.2.2", { ...small()[6], maxPoints: 4 }, { recomputeParents: false });
    expect(messages(plain)[0]).toContain("Tiêu chí 1.2: tổng điểm tối đa các tiêu chí con là 6 nhưng tiêu chí cha là 5.");
    const recomputed = updateNode(small(), "1.2.2", { ...small()[6], maxPoints: 4 }, { recomputeParents: true });
    expect(recomputed.filter((r) => ["1", "1.2"].includes(r.code)).map((r) => r.maxPoints)).toEqual([11, 6]);
    expect(messages(recomputed, 11)).toEqual([]);
  });

  it("renames a node and keeps its children attached", () => {
    const renamed = updateNode(small(), "1.2", { ...small()[4], maxPoints: 5, code: "1.3" }, { recomputeParents: false });
    expect(renamed.filter((r) => r.parentCode === "1.3").map((r) => r.code)).toEqual(["1.2.1", "1.2.2"]);
    expect(check(renamed).issues).toEqual([]);
  });

  it("adds a child last among its siblings and deletes a node with everything under it", () => {
    const added = addNode(small(), "1.2", { ...small()[6], code: "1.2.3", maxPoints: 1 }, { recomputeParents: true });
    expect(
      check(added, 11)
        .rows.filter((r) => r.parentCode === "1.2")
        .map((r) => r.code),
    ).toEqual(["1.2.1", "1.2.2", "1.2.3"]);
    expect(subtreeCodes(small(), "1.1")).toEqual(["1.1", "1.1.1", "1.1.2"]);
    const deleted = deleteNode(small(), "1.1", { recomputeParents: true });
    expect(deleted.map((r) => r.code)).toEqual(["1", "1.2", "1.2.1", "1.2.2"]);
    expect(deleted[0].maxPoints).toBe(5);
  });

  it("moves points between leaves in one save: the parents follow and the total holds", () => {
    const moved = setLeafMaxima(
      small(),
      new Map([
        ["1.1.1", 1.5],
        ["1.2.2", 3.5],
      ]),
    );
    expect(check(moved).issues).toEqual([]);
    expect(moved.find((r) => r.code === "1.1")?.maxPoints).toBe(4.5);
    expect(moved.find((r) => r.code === "1.2")?.maxPoints).toBe(5.5);
    // A parent's maximum cannot be set directly this way: it is always the sum.
    expect(setLeafMaxima(small(), new Map([["1.1", 9]])).find((r) => r.code === "1.1")?.maxPoints).toBe(5);
    expect(recomputeAllParents([row("1", null, 0), row("1.1", "1", 2.25), row("1.2", "1", 0.5)])[0].maxPoints).toBe(2.75);
  });
});

describe("new-version rule", () => {
  const state = (): FrameworkState => ({
    meta: {
      name: "Bộ thử",
      decision: null,
      validFromYear: 2025,
      validToYear: null,
      maxScore: 10,
      bonusCap: 0,
      penaltyCap: 0,
      componentsAreAdditive: true,
      status: "ACTIVE",
      isIllustrative: false,
      note: null,
      agencyKind: null,
    },
    rows: small().map((r, i) => ({
      ...r,
      id: i + 1,
      level: (["FIELD", "CRITERION", "SUB_CRITERION"] as const)[r.code.split(".").length - 1],
      sortOrder: i + 1,
    })),
    components: [],
    bands: [{ label: "Tốt", minScore: 8 }],
  });

  it("treats guidance, evidence, names of the version and status as safe edits", () => {
    const before = state();
    const after = {
      ...before,
      meta: { ...before.meta, name: "Tên mới", status: "ARCHIVED" as const },
      rows: before.rows.map((r) => ({ ...r, guidance: "Hướng dẫn", requiredEvidence: "Quyết định" })),
    };
    expect(isDestructive(before, after)).toBe(false);
  });

  it("treats criteria, maxima, caps and bands as changes to what was scored", () => {
    const before = state();
    expect(isDestructive(before, { ...before, rows: before.rows.map((r) => (r.code === "1.1" ? { ...r, name: "Khác" } : r)) })).toBe(true);
    expect(isDestructive(before, { ...before, rows: before.rows.slice(0, -1) })).toBe(true);
    expect(isDestructive(before, { ...before, meta: { ...before.meta, bonusCap: 2 } })).toBe(true);
    expect(isDestructive(before, { ...before, bands: [{ label: "Tốt", minScore: 7 }] })).toBe(true);
  });

  it("checks components and grade bands against the maximum", () => {
    const s = state();
    expect(
      checkState({
        ...s,
        components: [
          { code: "A", nameVi: "Thẩm định", maxPoints: 6 },
          { code: "B", nameVi: "Điều tra", maxPoints: 3 },
        ],
      }).issues.map((i) => i.message),
    ).toEqual([
      'Tổng điểm các thành phần là 9 nhưng điểm tối đa của bộ chỉ số là 10. Sửa điểm để hai số bằng nhau, hoặc bỏ chọn "Các thành phần cộng lại thành tổng điểm".',
    ]);
    expect(checkState({ ...s, bands: [{ label: "A", minScore: 11 }] }).issues[0].message).toContain("Xếp loại A: điểm tối thiểu 11 lớn hơn");
    expect(yearsOverlap({ validFromYear: 2022, validToYear: 2030 }, { validFromYear: 2025, validToYear: null })).toBe(true);
    expect(yearsOverlap({ validFromYear: 2017, validToYear: 2021 }, { validFromYear: 2022, validToYear: null })).toBe(false);
  });
});

describe("tree files", () => {
  it("reads numbers the Vietnamese way", () => {
    expect(parseDecimal("2,5")).toBe(2.5);
    expect(parseDecimal(" 61.5 ")).toBe(61.5);
    expect(parseDecimal("")).toBeNull();
    expect(parseDecimal("hai")).toBeNaN();
    expect(formatPoints(61.5)).toBe("61,5");
    expect(formatPoints(10)).toBe("10");
  });

  it("accepts Vietnamese level and method names and a decimal comma", () => {
    const { rows, issues } = rowsFromTable({
      columns: [...TREE_COLUMNS],
      rows: [
        {
          row: 2,
          values: {
            code: "1",
            parent_code: "",
            level: "Lĩnh vực",
            name: "Chỉ đạo",
            max_points: "",
            method: "",
            guidance: "",
            required_evidence: "",
          },
        },
        {
          row: 3,
          values: {
            code: "1.1",
            parent_code: "1",
            level: "tieu chi",
            name: "Điều tra",
            max_points: "2,5",
            method: "Điều tra xã hội học",
            guidance: "",
            required_evidence: "",
          },
        },
      ],
    });
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.code, r.level, r.maxPoints, r.method])).toEqual([
      ["1", "FIELD", null, "APPRAISAL"],
      ["1.1", "CRITERION", 2.5, "SURVEY"],
    ]);
  });

  it("reports every bad cell and a missing column with its row", () => {
    const bad = rowsFromTable({
      columns: [...TREE_COLUMNS],
      rows: [
        {
          row: 2,
          values: {
            code: "1",
            parent_code: "",
            level: "cấp 1",
            name: "x",
            max_points: "mười",
            method: "hỏi",
            guidance: "",
            required_evidence: "",
          },
        },
      ],
    });
    expect(bad.issues.map((i) => i.column)).toEqual(["level", "method", "max_points"]);
    expect(bad.issues[2].message).toBe('Dòng 2: điểm tối đa "mười" không phải là số. Nhập số, ví dụ 2,5 hoặc 2.5.');
    const missing = rowsFromTable({ columns: ["code", "name"], rows: [] });
    expect(missing.issues[0].message).toContain("thiếu cột parent_code, max_points");
  });

  it.each(["csv", "xlsx"] as const)("gives the same tree back after export and import (%s)", async (format) => {
    const rows = check(small().map((r) => (r.code === "1.1.1" ? { ...r, guidance: "=SUM(A1) không phải công thức", method: "SURVEY" as const } : r))).rows;
    const columns = [...TREE_COLUMNS];
    const data = format === "csv" ? Buffer.from(writeCsv(columns, treeCells(rows))) : await writeXlsx("Bo chi so", columns, treeCells(rows));
    const back = rowsFromTable(await readTable(data, format));
    expect(back.issues).toEqual([]);
    const again = check(back.rows);
    expect(again.issues).toEqual([]);
    const strip = (r: TreeRow) => [r.code, r.parentCode, r.level, r.name, r.maxPoints, r.method, r.guidance, r.requiredEvidence];
    expect(again.rows.map(strip)).toEqual(rows.map(strip));
  });
});
