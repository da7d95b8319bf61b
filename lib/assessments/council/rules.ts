// The appraisal council's pure rules (issue 17): which sub-criteria an assignment covers, and a
// member's progress over the sheets they appraise. Who may appraise what is lib/auth/reach.ts
// (`mayAppraise`); these rules count, they do not authorize.

export type CriterionNode = { id: number; parentId: number | null };

/** The node and its ancestors, nearest first (a sub-criterion → its criterion → its field). */
export function criterionPath(id: number, nodes: ReadonlyMap<number, CriterionNode>): number[] {
  const path: number[] = [];
  for (let node = nodes.get(id); node && !path.includes(node.id); node = node.parentId === null ? undefined : nodes.get(node.parentId)) {
    path.push(node.id);
  }
  return path;
}

/** Is a node covered by the assigned nodes: itself or one of its ancestors assigned. */
export function covers(assigned: ReadonlySet<number>, id: number, nodes: ReadonlyMap<number, CriterionNode>): boolean {
  return criterionPath(id, nodes).some((node) => assigned.has(node));
}

/** One sheet's rows as the progress counts them. */
export type SheetRows = {
  agencyId: number;
  rows: readonly { criterionId: number; notApplicable: boolean; round1: boolean; round2: boolean; requested: boolean }[];
};

export type MemberProgress = {
  /** Applicable assigned sub-criteria × the agencies the member appraises (not their own). */
  total: number;
  round1: number;
  /** Rows with an explanation request: those that go to round 2. */
  requested: number;
  round2: number;
};

/**
 * A member's progress: over every sheet of the period but their own agency's (nobody appraises their
 * own agency), the applicable rows their assignments cover, how many have a round-1 score, how many
 * an explanation request, how many a round-2 score.
 */
export function memberProgress(
  member: { agencyId: number | null; assigned: ReadonlySet<number> },
  nodes: ReadonlyMap<number, CriterionNode>,
  sheets: readonly SheetRows[],
): MemberProgress {
  const progress: MemberProgress = { total: 0, round1: 0, requested: 0, round2: 0 };
  for (const sheet of sheets) {
    if (member.agencyId !== null && sheet.agencyId === member.agencyId) continue;
    for (const row of sheet.rows) {
      if (row.notApplicable || !covers(member.assigned, row.criterionId, nodes)) continue;
      progress.total += 1;
      if (row.round1) progress.round1 += 1;
      if (row.requested) progress.requested += 1;
      if (row.round2) progress.round2 += 1;
    }
  }
  return progress;
}
