// Writes to frameworks (administrators only, per the permission table): the one write path, and the
// framework's own settings (its criteria tree: ./criteria). Every change is worked
// out on the framework's whole state in memory, checked with the tree rules, then saved in one
// transaction with its audit rows. A change to what assessments were scored against, on a
// framework some submitted assessment uses, is saved as a new draft version instead, and the
// version in use is left as it was.
import "server-only";
import { authorize, type Actor } from "@/lib/auth/policy";
import { writeAudit, type AuditAction } from "@/lib/audit/log";
import { db, type Prisma } from "@/lib/db/client";
import { writeVersioned } from "@/lib/db/concurrency";
import { ConflictError, NotFoundError, parseInput, ValidationError, type Issue } from "@/lib/errors";
import { libFormat, libTranslator } from "@/lib/i18n/lib-translator";
import { auditEntries, diffForAudit, diffState, isEmpty, nodeSnapshot, sameJson, stateOf, type StateDiff } from "./changes";
import {
  createFrameworkSchema,
  setComponentsSchema,
  setGradeBandsSchema,
  updateFrameworkMetaSchema,
  type CreateFrameworkInput,
  type SetComponentsInput,
  type SetGradeBandsInput,
  type UpdateFrameworkMetaInput,
} from "./schema";
import { checkTree, nodeLabel, type NormalRow, type TreeRow } from "./tree";
import { checkState, formatYears, isDestructive, yearsOverlap, type FrameworkMeta, type FrameworkState } from "./versioning";

/** lib's messages about a framework's writes, in the language of the request (errors.frameworks.write). */
const t = () => libTranslator("errors.frameworks.write");

type Tx = Prisma.TransactionClient;

export type FrameworkChange = {
  /** The framework that holds the change: the same one, or the new version. */
  frameworkId: number;
  version: number;
  newVersion: boolean;
  message: string;
};

const FRAMEWORK_STATE_INCLUDE = {
  criteria: true,
  components: { orderBy: { sortOrder: "asc" } },
  gradeBands: { orderBy: { minScore: "desc" } },
} as const satisfies Prisma.FrameworkInclude;
export type FrameworkRecord = Prisma.FrameworkGetPayload<{ include: typeof FRAMEWORK_STATE_INCLUDE }>;

export async function frameworkScope(frameworkId: number) {
  const f = await db.framework.findUnique({ where: { id: frameworkId }, select: { ownerProvinceId: true } });
  if (!f) throw new NotFoundError(t()("notFound", { id: String(frameworkId) }));
  return { provinceId: f.ownerProvinceId };
}

// ───────────────────────── The one write path ─────────────────────────

type Planned = {
  next: FrameworkState;
  /** Added to the messages when the change is refused (how to make it pass). */
  hint?: string;
  /** Audit the tree as one before/after pair (an import) instead of node by node. */
  wholeTree?: boolean;
};

export type ChangeSpec = {
  actor: Actor;
  frameworkId: number;
  revision: number;
  action: AuditAction;
  plan: (state: FrameworkState, record: FrameworkRecord) => Planned;
  /** What the form was about, as it is now, for the conflict message. */
  current?: (state: FrameworkState) => { text: string; value: unknown };
};

export async function changeFramework(spec: ChangeSpec): Promise<FrameworkChange> {
  const { actor, frameworkId } = spec;
  authorize(actor, "framework.write", await frameworkScope(frameworkId));
  return db.$transaction(async (tx) => {
    // Locks the whole family of versions: edits to one version and new versions of it queue up.
    await tx.$queryRaw`SELECT id FROM framework WHERE key = (SELECT key FROM framework WHERE id = ${frameworkId}) ORDER BY id FOR UPDATE`;
    const record = await tx.framework.findUnique({ where: { id: frameworkId }, include: FRAMEWORK_STATE_INCLUDE });
    if (!record) throw new NotFoundError(t()("notFound", { id: String(frameworkId) }));
    const state = stateOf(record);
    if (record.revision !== spec.revision) {
      const current = spec.current?.(state);
      throw new ConflictError(
        current ? t()("conflictNow", { revision: String(record.revision), current: current.text }) : t()("conflict", { revision: String(record.revision) }),
        { revision: record.revision, ...(current ? { value: current.value } : {}) },
      );
    }

    const planned = spec.plan(state, record);
    const inUse = (await tx.assessment.count({ where: { period: { frameworkId }, status: { not: "DRAFT" } } })) > 0;
    // Compared as saved: levels and blank parent maxima of an imported file filled in.
    const normalized = checkTree(planned.next.rows, { maxScore: planned.next.meta.maxScore, requireTotal: false }).rows.map(stripDepth);
    const toNewVersion = inUse && isDestructive(state, { ...planned.next, rows: normalized });
    // A new version starts as a draft, and is checked as one.
    const target: FrameworkState = toNewVersion ? { ...planned.next, meta: { ...planned.next.meta, status: "DRAFT" } } : planned.next;
    if (!toNewVersion) {
      const kept = new Set(target.rows.map((r) => r.id));
      await checkDeletable(
        tx,
        state.rows.filter((r) => !kept.has(r.id)),
      );
    }
    const check = checkState(target);
    if (check.issues.length > 0) {
      const aboutSums = check.issues.some((i) => i.field === "maxPoints" || i.field === "maxScore");
      throw new ValidationError([...check.issues, ...(planned.hint && aboutSums ? [{ message: planned.hint }] : [])]);
    }
    const next: FrameworkState = { ...target, rows: check.rows.map(stripDepth) };
    const diff = diffState(state, next);
    if (isEmpty(diff)) return { frameworkId, version: record.version, newVersion: false, message: t()("noChange") };

    if (toNewVersion) {
      const created = await createVersion(tx, record, next);
      await writeAudit(tx, actor, {
        action: "framework.newVersion",
        entityType: "Framework",
        entityId: created.id,
        provinceId: record.ownerProvinceId,
        oldValue: { frameworkId: record.id, key: record.key, version: record.version },
        newValue: {
          frameworkId: created.id,
          key: record.key,
          version: created.version,
          change: spec.action,
          ...diffForAudit(diff, planned.wholeTree, state, next),
        },
      });
      return {
        frameworkId: created.id,
        version: created.version,
        newVersion: true,
        message: t()("newVersion", { version: String(record.version), created: String(created.version) }),
      };
    }

    const changesValidity = diff.meta && ["status", "validFromYear", "validToYear", "agencyKind"].some((k) => k in diff.meta!.new);
    if (next.meta.status === "ACTIVE" && changesValidity) await checkNoOverlap(tx, record, next.meta);
    await saveInPlace(tx, record, state, next, diff);
    await writeAudit(tx, actor, auditEntries(spec.action, record, diff, planned.wholeTree, state, next));
    return { frameworkId, version: record.version, newVersion: false, message: t()("saved") };
  });
}

const stripDepth = ({ depth: _depth, ...row }: NormalRow): TreeRow => row;

async function checkNoOverlap(tx: Tx, record: FrameworkRecord, meta: FrameworkMeta) {
  const others = await tx.framework.findMany({
    where: {
      id: { not: record.id },
      indexCode: record.indexCode,
      ownerProvinceId: record.ownerProvinceId,
      agencyKind: meta.agencyKind,
      status: "ACTIVE",
    },
    select: { name: true, version: true, validFromYear: true, validToYear: true },
  });
  const clash = others.find((o) => yearsOverlap(o, meta));
  if (clash) {
    throw new ValidationError([
      {
        field: "status",
        message: t()("overlap", { years: formatYears(meta), name: clash.name, version: String(clash.version), theirs: formatYears(clash) }),
      },
    ]);
  }
}

/** Nodes in pre-order so that each parent exists before its children. */
/** A node's columns as stored, its parent found by code among the stored ids. */
function nodeColumns(row: TreeRow, ids: ReadonlyMap<string, number>) {
  return {
    parentId: row.parentCode === null ? null : ids.get(row.parentCode)!,
    level: row.level!,
    code: row.code,
    name: row.name,
    maxPoints: row.maxPoints!,
    method: row.method,
    guidance: row.guidance,
    requiredEvidence: row.requiredEvidence,
  };
}

async function createNodes(
  tx: Tx,
  frameworkId: number,
  rows: readonly TreeRow[],
  ids: Map<string, number>,
  firstSortOrder: number,
  illustrative: Map<string, boolean>,
) {
  let order = firstSortOrder;
  for (const row of rows) {
    const created = await tx.criterion.create({
      data: {
        ...nodeColumns(row, ids),
        frameworkId,
        sortOrder: row.sortOrder ?? order++,
        isIllustrative: illustrative.get(row.code) ?? false,
      },
    });
    ids.set(row.code, created.id);
  }
}

async function createVersion(tx: Tx, record: FrameworkRecord, next: FrameworkState) {
  const latest = await tx.framework.aggregate({ where: { key: record.key }, _max: { version: true } });
  const created = await tx.framework.create({
    data: {
      indexCode: record.indexCode,
      ownerProvinceId: record.ownerProvinceId,
      key: record.key,
      version: (latest._max.version ?? record.version) + 1,
      ...next.meta,
      status: "DRAFT",
      isDemo: record.isDemo,
      previousVersionId: record.id,
      components: { create: next.components.map((c, i) => ({ ...c, sortOrder: i + 1 })) },
      gradeBands: { create: next.bands },
    },
  });
  const illustrative = new Map(record.criteria.map((c) => [c.code, c.isIllustrative]));
  // The copy numbers its nodes afresh in tree order.
  await createNodes(
    tx,
    created.id,
    next.rows.map((r) => ({ ...r, sortOrder: undefined })),
    new Map(),
    1,
    illustrative,
  );
  return created;
}

/** What may point to a node, named by errors.frameworks.write.references. */
const REFERENCE_KINDS = ["criterionScore", "resultCriterionScore", "taskCriterion", "target"] as const;

/** Stored nodes that other data points to cannot be deleted in place. */
async function checkDeletable(tx: Tx, removed: TreeRow[]) {
  if (removed.length === 0) return;
  const ids = removed.map((r) => r.id!);
  const found = await Promise.all([
    tx.criterionScore.findMany({ where: { criterionId: { in: ids } }, select: { criterionId: true }, distinct: ["criterionId"] }),
    tx.resultCriterionScore.findMany({ where: { criterionId: { in: ids } }, select: { criterionId: true }, distinct: ["criterionId"] }),
    tx.taskCriterion.findMany({ where: { criterionId: { in: ids } }, select: { criterionId: true }, distinct: ["criterionId"] }),
    tx.target.findMany({ where: { criterionId: { in: ids } }, select: { criterionId: true }, distinct: ["criterionId"] }),
  ]);
  const issues: Issue[] = [];
  for (const row of removed) {
    const kinds = REFERENCE_KINDS.filter((_, i) => found[i].some((f) => f.criterionId === row.id)).map((kind) => t()(`references.${kind}`));
    if (kinds.length > 0) {
      issues.push({
        field: "code",
        message: t()("referenced", { node: nodeLabel(row.level, row.code), kinds: kinds.join(", ") }),
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

async function saveInPlace(tx: Tx, record: FrameworkRecord, before: FrameworkState, next: FrameworkState, diff: StateDiff) {
  await writeVersioned(
    { id: record.id, revision: record.revision },
    (where) => tx.framework.updateMany({ where, data: { ...next.meta, revision: { increment: 1 } } }),
    {
      current: () => tx.framework.findUnique({ where: { id: record.id } }),
      conflict: () => new ConflictError(t()("conflictRetry"), { revision: record.revision }),
    },
  );

  const kept = new Set(next.rows.map((r) => r.id));
  const removed = before.rows.filter((r) => !kept.has(r.id));
  if (removed.length > 0) {
    await tx.criterion.deleteMany({ where: { id: { in: removed.map((r) => r.id!) } } });
  }
  const ids = new Map(next.rows.filter((r) => r.id !== undefined).map((r) => [r.code, r.id!]));
  const maxOrder = Math.max(0, ...before.rows.map((r) => r.sortOrder ?? 0));
  await createNodes(
    tx,
    record.id,
    next.rows.filter((r) => r.id === undefined),
    ids,
    maxOrder + 1,
    new Map(),
  );
  const old = new Map(before.rows.map((r) => [r.id, r]));
  for (const row of next.rows) {
    const prior = row.id === undefined ? undefined : old.get(row.id);
    if (!prior || (sameJson(nodeSnapshot(prior), nodeSnapshot(row)) && prior.sortOrder === row.sortOrder)) continue;
    await tx.criterion.update({ where: { id: row.id }, data: { ...nodeColumns(row, ids), sortOrder: row.sortOrder } });
  }
  if (diff.components) {
    await tx.frameworkComponent.deleteMany({ where: { frameworkId: record.id } });
    await tx.frameworkComponent.createMany({ data: next.components.map((c, i) => ({ ...c, frameworkId: record.id, sortOrder: i + 1 })) });
  }
  if (diff.bands) {
    await tx.gradeBand.deleteMany({ where: { frameworkId: record.id } });
    await tx.gradeBand.createMany({ data: next.bands.map((b) => ({ ...b, frameworkId: record.id })) });
  }
}

// ───────────────────────── Entry points ─────────────────────────

function slugify(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 50)
      .replace(/-+$/, "") || "bo-chi-so"
  );
}

export async function createFramework(actor: Actor, input: CreateFrameworkInput): Promise<FrameworkChange> {
  const data = parseInput(createFrameworkSchema, input);
  authorize(actor, "framework.write", { provinceId: data.ownerProvinceId });
  return db.$transaction(async (tx) => {
    const index = await tx.performanceIndex.findUnique({ where: { code: data.indexCode } });
    if (!index) throw new ValidationError([{ field: "indexCode", message: t()("unknownIndex", { index: data.indexCode }) }]);
    if (index.subject === "AGENCY") {
      if (data.ownerProvinceId === null) throw new ValidationError([{ field: "ownerProvinceId", message: t()("provinceNeeded") }]);
      const province = await tx.province.findUnique({ where: { id: data.ownerProvinceId } });
      if (!province) throw new ValidationError([{ field: "ownerProvinceId", message: t()("provinceUnknown") }]);
    } else if (data.ownerProvinceId !== null || data.agencyKind !== null) {
      throw new ValidationError([
        {
          field: "ownerProvinceId",
          message: t()("nationalIndex", { index: index.shortName }),
        },
      ]);
    }

    let key = data.key;
    let version = 1;
    let previousVersionId: number | null = null;
    if (key) {
      const latest = await tx.framework.findFirst({ where: { key }, orderBy: { version: "desc" } });
      if (latest) {
        if (latest.indexCode !== data.indexCode || latest.ownerProvinceId !== data.ownerProvinceId) {
          throw new ValidationError([
            {
              field: "key",
              message: t()("keyTaken", { key }),
            },
          ]);
        }
        version = latest.version + 1;
        previousVersionId = latest.id;
      }
    } else {
      const base = slugify(data.name);
      const taken = new Set((await tx.framework.findMany({ where: { key: { startsWith: base } }, select: { key: true } })).map((f) => f.key));
      key = base;
      for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    }

    const meta: FrameworkMeta = {
      name: data.name,
      decision: data.decision,
      validFromYear: data.validFromYear,
      validToYear: data.validToYear,
      maxScore: data.maxScore,
      bonusCap: data.bonusCap,
      penaltyCap: data.penaltyCap,
      componentsAreAdditive: data.componentsAreAdditive,
      status: "DRAFT",
      isIllustrative: data.isIllustrative,
      note: data.note,
      agencyKind: index.subject === "AGENCY" ? data.agencyKind : null,
    };
    const created = await tx.framework.create({
      data: { ...meta, indexCode: index.code, ownerProvinceId: data.ownerProvinceId, key, version, previousVersionId },
    });
    await writeAudit(tx, actor, {
      action: "framework.create",
      entityType: "Framework",
      entityId: created.id,
      provinceId: created.ownerProvinceId,
      newValue: { indexCode: index.code, ownerProvinceId: created.ownerProvinceId, key, version, previousVersionId, ...meta },
    });
    return { frameworkId: created.id, version, newVersion: false, message: t()("created", { name: meta.name, version: String(version) }) };
  });
}

export async function updateFrameworkMeta(actor: Actor, input: UpdateFrameworkMetaInput): Promise<FrameworkChange> {
  const { frameworkId, revision, ...meta } = parseInput(updateFrameworkMetaSchema, input);
  return changeFramework({
    actor,
    frameworkId,
    revision,
    action: "framework.update",
    current: (state) => ({
      text: t()("current", { name: state.meta.name, points: libFormat().points(state.meta.maxScore), years: formatYears(state.meta) }),
      value: state.meta,
    }),
    plan: (state, record) => {
      if (record.ownerProvinceId === null && meta.agencyKind !== null) {
        throw new ValidationError([{ field: "agencyKind", message: t()("agencyKindNational") }]);
      }
      return {
        next: { ...state, meta },
        hint: meta.status !== "DRAFT" ? t()("activeNeedsTree") : undefined,
      };
    },
  });
}

export async function setGradeBands(actor: Actor, input: SetGradeBandsInput): Promise<FrameworkChange> {
  const data = parseInput(setGradeBandsSchema, input);
  return changeFramework({
    actor,
    frameworkId: data.frameworkId,
    revision: data.revision,
    action: "framework.setGradeBands",
    plan: (state) => ({ next: { ...state, bands: [...data.bands].sort((a, b) => b.minScore - a.minScore) } }),
  });
}

export async function setComponents(actor: Actor, input: SetComponentsInput): Promise<FrameworkChange> {
  const data = parseInput(setComponentsSchema, input);
  return changeFramework({
    actor,
    frameworkId: data.frameworkId,
    revision: data.revision,
    action: "framework.setComponents",
    plan: (state) => ({ next: { ...state, components: data.components } }),
  });
}
