// The criteria tree of a framework: building it from flat rows (a table file or the database),
// the rules it must keep, and the edits an administrator makes. Pure: no I/O.
//
// Rules: codes are unique; every parent exists; at most 3 levels, named FIELD → CRITERION →
// SUB_CRITERION by depth; maxima are non-negative with at most 2 decimals; a parent's maximum is
// the sum of its children's; the fields add up to the framework's maximum.
import type { AssessmentMethod, CriterionLevel } from "@/lib/db/generated/enums";
import type { Issue } from "@/lib/errors";
import { libFormat, libTranslator } from "@/lib/i18n/lib-translator";
import { LEVELS } from "./labels";
import { SUM_TOLERANCE } from "./points";
import { cents } from "@/lib/numbers";

/** One node as stored or imported; its parent is named by code. */
export type TreeRow = {
  /** Database id of a stored node (absent for a node not saved yet). */
  id?: number;
  code: string;
  parentCode: string | null;
  /** null: taken from the depth. */
  level: CriterionLevel | null;
  name: string;
  /** null on a parent: the sum of its children (allowed in imported files). */
  maxPoints: number | null;
  method: AssessmentMethod;
  guidance: string | null;
  requiredEvidence: string | null;
  /** Order among siblings (stored nodes); new nodes get theirs when saved. */
  sortOrder?: number;
  /** Row in the imported file (header = 1), for messages. */
  row?: number;
};

/** A row of a well-formed tree: level and maximum are known. */
export type NormalRow = TreeRow & { level: CriterionLevel; maxPoints: number; depth: number };
export type TreeNode = NormalRow & { children: TreeNode[] };
export type TreeIssue = Issue & { code?: string };

export const MAX_DEPTH = 3;
export { SUM_TOLERANCE };
export const MAX_POINTS_LIMIT = 99999.99; // Decimal(7, 2)
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/;

const sumOf = (values: number[]) => cents(values.reduce((s, v) => s + v, 0));
const hasAtMostTwoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;

type TreeMessage = Parameters<ReturnType<typeof libTranslator<"errors.frameworks.tree">>>[0];
/** A message of errors.frameworks.tree in the language of the request; values are text already formatted. */
const say = (key: TreeMessage, values: Record<string, string> = {}) => libTranslator("errors.frameworks.tree")(key, values as never);
const points = (value: number) => libFormat().points(value);
const levelName = (level: CriterionLevel) => libTranslator("errors.frameworks.levels")(level);

/** "Tiêu chí 1.2" / "Criterion 1.2", in the language of the request. */
export function nodeLabel(level: CriterionLevel | null, code: string): string {
  return say("node", { level: levelName(level ?? "CRITERION"), code });
}

function issue(row: TreeRow, text: string, extra: Partial<TreeIssue> = {}): TreeIssue {
  // Messages read "Dòng 5: mã … " in a file, "Mã …" in a form.
  const message = row.row ? say("row", { row: String(row.row), text }) : text.charAt(0).toUpperCase() + text.slice(1);
  return { row: row.row, code: row.code || undefined, message, ...extra };
}

function codeIssues(row: TreeRow): TreeIssue[] {
  if (!row.code) return [issue(row, say("codeMissing"), { field: "code", column: "code" })];
  if (!CODE_PATTERN.test(row.code)) {
    return [
      issue(row, say("codeInvalid", { code: row.code }), {
        field: "code",
        column: "code",
      }),
    ];
  }
  return [];
}

/** Problems with a node's name and maximum, named by its level in the tree. */
function valueIssues(row: TreeRow, level: CriterionLevel | null): TreeIssue[] {
  const issues: TreeIssue[] = [];
  // Worded only for a row that has a problem: a file of thousands of rows names few.
  const label = () => nodeLabel(level, row.code || "?");
  if (!row.name.trim()) issues.push(issue(row, say("nameMissing", { node: label() }), { field: "name", column: "name" }));
  if (row.maxPoints !== null) {
    const where = { field: "maxPoints", column: "max_points" };
    if (!Number.isFinite(row.maxPoints)) issues.push(issue(row, say("maxNotNumber", { node: label() }), where));
    else if (row.maxPoints < 0) issues.push(issue(row, say("maxNegative", { node: label(), points: points(row.maxPoints) }), where));
    else if (row.maxPoints > MAX_POINTS_LIMIT) issues.push(issue(row, say("maxTooLarge", { node: label(), max: points(MAX_POINTS_LIMIT) }), where));
    else if (!hasAtMostTwoDecimals(row.maxPoints)) {
      issues.push(issue(row, say("maxDecimals", { node: label() }), where));
    }
  }
  return issues;
}

export type TreeCheck = {
  /** The tree, children in row order. Only nodes reachable from a root. */
  roots: TreeNode[];
  /** The same nodes in pre-order, with level and maxima filled in. */
  rows: NormalRow[];
  issues: TreeIssue[];
};

/**
 * Builds the tree and checks every rule. `maxScore` is the framework's maximum; the fields must
 * add up to it when `requireTotal` (a framework in force; a draft may still be incomplete).
 */
export function checkTree(input: readonly TreeRow[], options: { maxScore: number; requireTotal: boolean }): TreeCheck {
  const issues: TreeIssue[] = [];
  const rows = input.map((r) => ({ ...r, code: r.code.trim(), parentCode: r.parentCode?.trim() || null }));
  const byCode = new Map<string, TreeRow>();
  // A parent missing a child (left out as a duplicate) would also fail its sum: say only the cause.
  const incomplete = new Set<string | null>();
  for (const row of rows) {
    issues.push(...codeIssues(row));
    if (!row.code) continue;
    const first = byCode.get(row.code);
    if (first) {
      const text = first.row ? say("codeTwiceRow", { code: row.code, row: String(first.row) }) : say("codeTwice", { code: row.code });
      issues.push(issue(row, text, { field: "code", column: "code" }));
      incomplete.add(row.parentCode);
    } else byCode.set(row.code, row);
  }

  const children = new Map<string | null, TreeRow[]>();
  for (const row of rows) {
    if (!row.code || byCode.get(row.code) !== row) continue;
    const parent = row.parentCode;
    if (parent === row.code) {
      issues.push(issue(row, say("ownParent", { node: nodeLabel(row.level, row.code) }), { column: "parent_code" }));
      continue;
    }
    if (parent !== null && !byCode.has(parent)) {
      issues.push(
        issue(row, say("parentMissing", { node: nodeLabel(row.level, row.code), parent }), {
          field: "parentCode",
          column: "parent_code",
        }),
      );
      continue;
    }
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }

  const ordered: NormalRow[] = [];
  const visited = new Set<string>();
  const build = (row: TreeRow, depth: number): TreeNode => {
    visited.add(row.code);
    const expected = LEVELS[Math.min(depth, MAX_DEPTH) - 1];
    if (depth > MAX_DEPTH) {
      issues.push(
        issue(row, say("tooDeep", { node: nodeLabel(row.level, row.code), depth: String(depth) }), {
          column: "parent_code",
        }),
      );
    } else if (row.level !== null && row.level !== expected) {
      const levels = { code: row.code, level: levelName(row.level), expected: levelName(expected) };
      const text = row.parentCode ? say("levelUnder", { ...levels, parent: row.parentCode }) : say("levelRoot", levels);
      issues.push(
        issue(row, text, {
          field: "level",
          column: "level",
        }),
      );
    }
    issues.push(...valueIssues(row, expected));
    const normal: NormalRow = { ...row, level: expected, maxPoints: row.maxPoints ?? 0, depth };
    ordered.push(normal);
    const node: TreeNode = { ...normal, children: (children.get(row.code) ?? []).map((child) => build(child, depth + 1)) };
    const childSum = sumOf(node.children.map((c) => c.maxPoints));
    if (row.maxPoints === null) {
      if (node.children.length === 0) {
        issues.push(issue(row, say("maxMissing", { node: nodeLabel(expected, row.code) }), { field: "maxPoints", column: "max_points" }));
      } else normal.maxPoints = node.maxPoints = childSum; // a parent left blank takes the sum of its children
    } else if (node.children.length > 0 && !incomplete.has(row.code) && Number.isFinite(childSum) && Math.abs(childSum - row.maxPoints) > SUM_TOLERANCE) {
      const sums = { node: nodeLabel(expected, row.code), children: points(childSum), points: points(row.maxPoints) };
      issues.push(issue(row, say(expected === "FIELD" ? "fieldSum" : "parentSum", sums), { field: "maxPoints", column: "max_points" }));
    }
    return node;
  };
  const roots = (children.get(null) ?? []).map((row) => build(row, 1));

  for (const [code, row] of byCode) {
    if (visited.has(code)) continue;
    // Not in the tree (parent missing or a loop): its own cells are still checked.
    issues.push(...valueIssues(row, row.level));
    if (row.parentCode !== code && (row.parentCode === null || byCode.has(row.parentCode))) {
      issues.push(
        issue(row, say("loop", { node: nodeLabel(row.level, code) }), {
          column: "parent_code",
        }),
      );
    }
  }

  if (options.requireTotal && roots.length > 0) {
    const total = sumOf(roots.map((r) => r.maxPoints));
    if (Math.abs(total - options.maxScore) > SUM_TOLERANCE) {
      issues.push({
        field: "maxScore",
        message: say("total", { total: points(total), max: points(options.maxScore) }),
      });
    }
  }
  // A file's problems in the order of its rows; those of the whole framework last.
  const sorted = issues.map((i, n) => ({ i, n })).sort((a, b) => (a.i.row ?? Infinity) - (b.i.row ?? Infinity) || a.n - b.n);
  return { roots, rows: ordered, issues: sorted.map(({ i }) => i) };
}

// ───────────────────────── Edits ─────────────────────────

/** What a form edits on one node. */
export type NodeFields = Pick<TreeRow, "code" | "name" | "method" | "guidance" | "requiredEvidence"> & { maxPoints: number };
export type EditOptions = { recomputeParents: boolean };

/** Sets each ancestor of `parentCode` (itself included) to the sum of its children's maxima. */
export function recomputeAncestors(rows: readonly TreeRow[], parentCode: string | null): TreeRow[] {
  const next = rows.map((r) => ({ ...r }));
  const byCode = new Map(next.map((r) => [r.code, r]));
  const seen = new Set<string>();
  for (let code = parentCode; code !== null && !seen.has(code); ) {
    seen.add(code);
    const parent = byCode.get(code);
    if (!parent) break;
    parent.maxPoints = sumOf(next.filter((r) => r.parentCode === code).map((r) => r.maxPoints ?? 0));
    code = parent.parentCode;
  }
  return next;
}

/** Every parent set to the sum of its children, bottom-up. */
export function recomputeAllParents(rows: readonly TreeRow[]): TreeRow[] {
  const next = rows.map((r) => ({ ...r }));
  const kids = new Map<string, TreeRow[]>();
  for (const r of next) if (r.parentCode !== null) kids.set(r.parentCode, [...(kids.get(r.parentCode) ?? []), r]);
  const visiting = new Set<string>();
  const total = (row: TreeRow): number => {
    const list = kids.get(row.code);
    if (!list || visiting.has(row.code)) return row.maxPoints ?? 0;
    visiting.add(row.code);
    row.maxPoints = sumOf(list.map(total));
    return row.maxPoints;
  };
  next.filter((r) => r.parentCode === null).forEach(total);
  return next;
}

/** The node and everything under it. */
export function subtreeCodes(rows: readonly TreeRow[], code: string): string[] {
  const out: string[] = [];
  const visit = (c: string) => {
    if (out.includes(c)) return;
    out.push(c);
    rows
      .filter((r) => r.parentCode === c)
      .forEach((r) => {
        visit(r.code);
      });
  };
  visit(code);
  return out;
}

export function updateNode(rows: readonly TreeRow[], code: string, fields: NodeFields, options: EditOptions): TreeRow[] {
  const target = rows.find((r) => r.code === code);
  if (!target) return [...rows];
  const newCode = fields.code.trim();
  const next = rows.map((r) => {
    if (r.code === code) return { ...r, ...fields, code: newCode };
    if (r.parentCode === code) return { ...r, parentCode: newCode };
    return r;
  });
  return options.recomputeParents ? recomputeAncestors(next, target.parentCode) : next;
}

/** The new node comes last among its siblings. */
export function addNode(rows: readonly TreeRow[], parentCode: string | null, fields: NodeFields, options: EditOptions): TreeRow[] {
  const next = [...rows, { ...fields, code: fields.code.trim(), parentCode, level: null }];
  return options.recomputeParents ? recomputeAncestors(next, parentCode) : next;
}

export function deleteNode(rows: readonly TreeRow[], code: string, options: EditOptions): TreeRow[] {
  const target = rows.find((r) => r.code === code);
  if (!target) return [...rows];
  const removed = new Set(subtreeCodes(rows, code));
  const next = rows.filter((r) => !removed.has(r.code));
  return options.recomputeParents ? recomputeAncestors(next, target.parentCode) : next;
}

/** New maxima for leaves; every parent then becomes the sum of its children. */
export function setLeafMaxima(rows: readonly TreeRow[], maxima: ReadonlyMap<string, number>): TreeRow[] {
  const parents = new Set(rows.map((r) => r.parentCode).filter((c): c is string => c !== null));
  const next = rows.map((r) => (!parents.has(r.code) && maxima.has(r.code) ? { ...r, maxPoints: maxima.get(r.code)! } : r));
  return recomputeAllParents(next);
}
