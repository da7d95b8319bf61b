// A scoring sheet's criteria as the documents print them: in tree order (field, its criteria, their
// sub-criteria), each field and criterion with the sums of the sub-criteria below it.
import type { SheetCriterion } from "@/lib/assessments/types";
import { appraisedScore } from "@/lib/assessments/workflow";
import { cents } from "@/lib/numbers";

export type CriterionLine = {
  criterion: SheetCriterion;
  depth: number;
  /** Sums over the sub-criteria below (the sub-criterion itself for a leaf); null when none is scored. */
  self: number | null;
  appraised: number | null;
};

const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : cents(a + b));

export function criterionLines(criteria: readonly SheetCriterion[]): CriterionLine[] {
  const children = new Map<number | null, SheetCriterion[]>();
  for (const c of criteria) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const lines: CriterionLine[] = [];
  const visit = (node: SheetCriterion, depth: number): { self: number | null; appraised: number | null } => {
    const line: CriterionLine = { criterion: node, depth, self: null, appraised: null };
    lines.push(line);
    const below = children.get(node.id) ?? [];
    if (below.length === 0 && node.score) {
      line.self = node.score.selfScore;
      line.appraised = appraisedScore(node.score);
    }
    for (const child of below) {
      const sums = visit(child, depth + 1);
      line.self = add(line.self, sums.self);
      line.appraised = add(line.appraised, sums.appraised);
    }
    return line;
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return lines;
}

/** The sub-criteria (the scored leaves). */
export const leaves = (lines: readonly CriterionLine[]) => lines.filter((l) => l.criterion.score !== null);
