// A framework's editable state as read from the database, and what a change to it is: the
// difference between two states and the audit rows that record it (node by node, or a whole
// imported tree as one before/after pair). Pure: no I/O.
import type { AuditAction, AuditEntry } from "@/lib/audit/log";
import type { AssessmentMethod, CriterionLevel, FrameworkStatus, AgencyKind } from "@/lib/db/generated/enums";
import type { TreeRow } from "./tree";
import type { FrameworkMeta, FrameworkState } from "./versioning";

type CriterionRecord = {
  id: number;
  parentId: number | null;
  level: CriterionLevel;
  code: string;
  name: string;
  maxPoints: unknown;
  method: AssessmentMethod;
  guidance: string | null;
  requiredEvidence: string | null;
  sortOrder: number;
};

/** Stored nodes as tree rows, siblings in their order. */
export function rowsOf(criteria: readonly CriterionRecord[]): TreeRow[] {
  const codeOf = new Map(criteria.map((c) => [c.id, c.code]));
  return [...criteria]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
    .map((c) => ({
      id: c.id,
      code: c.code,
      parentCode: c.parentId === null ? null : (codeOf.get(c.parentId) ?? null),
      level: c.level,
      name: c.name,
      maxPoints: Number(c.maxPoints),
      method: c.method,
      guidance: c.guidance,
      requiredEvidence: c.requiredEvidence,
      sortOrder: c.sortOrder,
    }));
}

/** What the state is read from: a stored framework with its nodes, components and grade bands. */
type FrameworkRecord = {
  name: string;
  decision: string | null;
  validFromYear: number;
  validToYear: number | null;
  maxScore: unknown;
  bonusCap: unknown;
  penaltyCap: unknown;
  componentsAreAdditive: boolean;
  status: FrameworkStatus;
  isIllustrative: boolean;
  note: string | null;
  agencyKind: AgencyKind | null;
  criteria: readonly CriterionRecord[];
  components: readonly { code: string; nameVi: string; maxPoints: unknown }[];
  gradeBands: readonly { label: string; minScore: unknown }[];
};

/** The editable state of a stored framework. */
export function stateOf(f: FrameworkRecord): FrameworkState {
  return {
    meta: {
      name: f.name,
      decision: f.decision,
      validFromYear: f.validFromYear,
      validToYear: f.validToYear,
      maxScore: Number(f.maxScore),
      bonusCap: Number(f.bonusCap),
      penaltyCap: Number(f.penaltyCap),
      componentsAreAdditive: f.componentsAreAdditive,
      status: f.status,
      isIllustrative: f.isIllustrative,
      note: f.note,
      agencyKind: f.agencyKind,
    },
    rows: rowsOf(f.criteria),
    components: f.components.map((c) => ({ code: c.code, nameVi: c.nameVi, maxPoints: Number(c.maxPoints) })),
    bands: f.gradeBands.map((b) => ({ label: b.label, minScore: Number(b.minScore) })),
  };
}

export const nodeSnapshot = (r: TreeRow) => ({
  code: r.code,
  parentCode: r.parentCode,
  level: r.level,
  name: r.name,
  maxPoints: r.maxPoints,
  method: r.method,
  guidance: r.guidance,
  requiredEvidence: r.requiredEvidence,
});
export type NodeSnapshot = ReturnType<typeof nodeSnapshot>;
export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type NodeChange = { id?: number; code: string; old: NodeSnapshot | null; new: NodeSnapshot | null };

export type StateDiff = {
  meta: { old: Partial<FrameworkMeta>; new: Partial<FrameworkMeta> } | null;
  nodes: NodeChange[];
  components: { old: FrameworkState["components"]; new: FrameworkState["components"] } | null;
  bands: { old: FrameworkState["bands"]; new: FrameworkState["bands"] } | null;
  /** Only the siblings' order changed somewhere (saved, not audited node by node). */
  reordered: boolean;
};

export function diffState(before: FrameworkState, after: FrameworkState): StateDiff {
  const metaKeys = (Object.keys(after.meta) as (keyof FrameworkMeta)[]).filter((k) => before.meta[k] !== after.meta[k]);
  const old = new Map(before.rows.map((r) => [r.id!, r]));
  const nodes: NodeChange[] = [];
  let reordered = false;
  for (const row of after.rows) {
    const prior = row.id === undefined ? undefined : old.get(row.id);
    if (!prior) nodes.push({ code: row.code, old: null, new: nodeSnapshot(row) });
    else {
      if (!sameJson(nodeSnapshot(prior), nodeSnapshot(row))) nodes.push({ id: row.id, code: row.code, old: nodeSnapshot(prior), new: nodeSnapshot(row) });
      if (row.sortOrder !== prior.sortOrder) reordered = true;
    }
  }
  const kept = new Set(after.rows.map((r) => r.id));
  for (const row of before.rows) if (!kept.has(row.id)) nodes.push({ id: row.id, code: row.code, old: nodeSnapshot(row), new: null });
  return {
    meta: metaKeys.length
      ? {
          old: Object.fromEntries(metaKeys.map((k) => [k, before.meta[k]])),
          new: Object.fromEntries(metaKeys.map((k) => [k, after.meta[k]])),
        }
      : null,
    nodes,
    components: sameJson(before.components, after.components) ? null : { old: before.components, new: after.components },
    bands: sameJson(before.bands, after.bands) ? null : { old: before.bands, new: after.bands },
    reordered,
  };
}

export const isEmpty = (d: StateDiff) => !d.meta && d.nodes.length === 0 && !d.components && !d.bands && !d.reordered;

export function diffForAudit(diff: StateDiff, wholeTree: boolean | undefined, before: FrameworkState, after: FrameworkState) {
  return {
    ...(diff.meta ? { meta: diff.meta } : {}),
    ...(wholeTree
      ? { tree: { old: before.rows.map(nodeSnapshot), new: after.rows.map(nodeSnapshot) } }
      : diff.nodes.length
        ? { criteria: diff.nodes.map((n) => ({ code: n.code, old: n.old, new: n.new })) }
        : {}),
    ...(diff.components ? { components: diff.components } : {}),
    ...(diff.bands ? { gradeBands: diff.bands } : {}),
  };
}

export function auditEntries(
  action: AuditAction,
  record: { id: number; ownerProvinceId: number | null },
  diff: StateDiff,
  wholeTree: boolean | undefined,
  before: FrameworkState,
  after: FrameworkState,
): AuditEntry[] {
  const base = { provinceId: record.ownerProvinceId };
  const framework = { ...base, entityType: "Framework" as const, entityId: record.id };
  const entries: AuditEntry[] = [];
  if (diff.meta) entries.push({ ...framework, action: "framework.update", oldValue: diff.meta.old, newValue: diff.meta.new });
  if (wholeTree) {
    entries.push({
      ...framework,
      action,
      oldValue: { tree: before.rows.map(nodeSnapshot) },
      newValue: { tree: after.rows.map(nodeSnapshot) },
    });
  } else {
    for (const node of diff.nodes) {
      const kind = node.old === null ? "create" : node.new === null ? "delete" : "update";
      entries.push({
        ...base,
        action: `criterion.${kind}`,
        entityType: "Criterion",
        entityId: node.id ?? `${record.id}:${node.code}`,
        oldValue: node.old,
        newValue: node.new,
      });
    }
  }
  if (diff.components) entries.push({ ...framework, action: "framework.setComponents", oldValue: diff.components.old, newValue: diff.components.new });
  if (diff.bands) entries.push({ ...framework, action: "framework.setGradeBands", oldValue: diff.bands.old, newValue: diff.bands.new });
  return entries;
}
