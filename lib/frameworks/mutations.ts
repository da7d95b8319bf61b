// Writes to frameworks (administrators only, per the permission table). Every change is worked
// out on the framework's whole state in memory, checked with the tree rules, then saved in one
// transaction with its audit rows. A change to what assessments were scored against, on a
// framework some submitted assessment uses, is saved as a new draft version instead, and the
// version in use is left as it was.
import "server-only";
import { authorize, type Actor } from "@/lib/auth/policy";
import { writeAudit, type AuditAction, type AuditEntry } from "@/lib/audit/log";
import { db, type Prisma } from "@/lib/db/client";
import { writeVersioned } from "@/lib/db/concurrency";
import { ConflictError, NotFoundError, parseInput, ValidationError, type Issue } from "@/lib/errors";
import { formatPoints } from "@/lib/format";
import { readTreeFile } from "./io";
import { rowsOf } from "./queries";
import {
  addCriterionSchema,
  createFrameworkSchema,
  deleteCriterionSchema,
  importTreeSchema,
  setComponentsSchema,
  setGradeBandsSchema,
  setMaxPointsSchema,
  updateCriterionSchema,
  updateFrameworkMetaSchema,
  type AddCriterionInput,
  type CreateFrameworkInput,
  type DeleteCriterionInput,
  type ImportTreeInput,
  type SetComponentsInput,
  type SetGradeBandsInput,
  type SetMaxPointsInput,
  type UpdateCriterionInput,
  type UpdateFrameworkMetaInput,
} from "./schema";
import { addNode, checkTree, deleteNode, nodeLabel, setLeafMaxima, updateNode, type NodeFields, type NormalRow, type TreeRow } from "./tree";
import { checkState, formatYears, isDestructive, yearsOverlap, type FrameworkMeta, type FrameworkState } from "./versioning";

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
type FrameworkRecord = Prisma.FrameworkGetPayload<{ include: typeof FRAMEWORK_STATE_INCLUDE }>;

function stateOf(f: FrameworkRecord): FrameworkState {
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

async function frameworkScope(frameworkId: number) {
  const f = await db.framework.findUnique({ where: { id: frameworkId }, select: { ownerProvinceId: true } });
  if (!f) throw new NotFoundError(`Không tìm thấy bộ chỉ số số ${frameworkId}. Tải lại danh sách bộ chỉ số.`);
  return { provinceId: f.ownerProvinceId };
}

// ───────────────────────── Audit snapshots ─────────────────────────

const nodeSnapshot = (r: TreeRow) => ({
  code: r.code,
  parentCode: r.parentCode,
  level: r.level,
  name: r.name,
  maxPoints: r.maxPoints,
  method: r.method,
  guidance: r.guidance,
  requiredEvidence: r.requiredEvidence,
});
type NodeSnapshot = ReturnType<typeof nodeSnapshot>;
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type NodeChange = { id?: number; code: string; old: NodeSnapshot | null; new: NodeSnapshot | null };

type StateDiff = {
  meta: { old: Partial<FrameworkMeta>; new: Partial<FrameworkMeta> } | null;
  nodes: NodeChange[];
  components: { old: FrameworkState["components"]; new: FrameworkState["components"] } | null;
  bands: { old: FrameworkState["bands"]; new: FrameworkState["bands"] } | null;
  /** Only the siblings' order changed somewhere (saved, not audited node by node). */
  reordered: boolean;
};

function diffState(before: FrameworkState, after: FrameworkState): StateDiff {
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
      ? { old: Object.fromEntries(metaKeys.map((k) => [k, before.meta[k]])), new: Object.fromEntries(metaKeys.map((k) => [k, after.meta[k]])) }
      : null,
    nodes,
    components: sameJson(before.components, after.components) ? null : { old: before.components, new: after.components },
    bands: sameJson(before.bands, after.bands) ? null : { old: before.bands, new: after.bands },
    reordered,
  };
}

const isEmpty = (d: StateDiff) => !d.meta && d.nodes.length === 0 && !d.components && !d.bands && !d.reordered;

// ───────────────────────── The one write path ─────────────────────────

type Planned = {
  next: FrameworkState;
  /** Added to the messages when the change is refused (how to make it pass). */
  hint?: string;
  /** Audit the tree as one before/after pair (an import) instead of node by node. */
  wholeTree?: boolean;
};

type ChangeSpec = {
  actor: Actor;
  frameworkId: number;
  revision: number;
  action: AuditAction;
  plan: (state: FrameworkState, record: FrameworkRecord) => Planned;
  /** What the form was about, as it is now, for the conflict message. */
  current?: (state: FrameworkState) => { text: string; value: unknown };
};

async function changeFramework(spec: ChangeSpec): Promise<FrameworkChange> {
  const { actor, frameworkId } = spec;
  authorize(actor, "framework.write", await frameworkScope(frameworkId));
  return db.$transaction(async (tx) => {
    // Locks the whole family of versions: edits to one version and new versions of it queue up.
    await tx.$queryRaw`SELECT id FROM framework WHERE key = (SELECT key FROM framework WHERE id = ${frameworkId}) ORDER BY id FOR UPDATE`;
    const record = await tx.framework.findUnique({ where: { id: frameworkId }, include: FRAMEWORK_STATE_INCLUDE });
    if (!record) throw new NotFoundError(`Không tìm thấy bộ chỉ số số ${frameworkId}. Tải lại danh sách bộ chỉ số.`);
    const state = stateOf(record);
    if (record.revision !== spec.revision) {
      const current = spec.current?.(state);
      throw new ConflictError(
        `Bộ chỉ số này vừa được người khác sửa (lần sửa thứ ${record.revision}) sau khi bạn mở trang.${current ? ` ${current.text}` : ""} Tải lại trang để xem nội dung hiện tại rồi sửa lại.`,
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
      await checkDeletable(tx, state.rows.filter((r) => !kept.has(r.id)));
    }
    const check = checkState(target);
    if (check.issues.length > 0) {
      const aboutSums = check.issues.some((i) => i.field === "maxPoints" || i.field === "maxScore");
      throw new ValidationError([...check.issues, ...(planned.hint && aboutSums ? [{ message: planned.hint }] : [])]);
    }
    const next: FrameworkState = { ...target, rows: check.rows.map(stripDepth) };
    const diff = diffState(state, next);
    if (isEmpty(diff)) return { frameworkId, version: record.version, newVersion: false, message: "Không có thay đổi nào để lưu." };

    if (toNewVersion) {
      const created = await createVersion(tx, record, next);
      await writeAudit(tx, actor, {
        action: "framework.newVersion",
        entityType: "Framework",
        entityId: created.id,
        provinceId: record.ownerProvinceId,
        oldValue: { frameworkId: record.id, key: record.key, version: record.version },
        newValue: { frameworkId: created.id, key: record.key, version: created.version, change: spec.action, ...diffForAudit(diff, planned.wholeTree, state, next) },
      });
      return {
        frameworkId: created.id,
        version: created.version,
        newVersion: true,
        message: `Phiên bản v${record.version} đang được dùng trong kỳ đánh giá đã có cơ quan nộp điểm, nên không sửa trực tiếp được. Thay đổi đã được lưu vào phiên bản mới v${created.version} (bản nháp); phiên bản v${record.version} giữ nguyên.`,
      };
    }

    const changesValidity = diff.meta && ["status", "validFromYear", "validToYear", "agencyKind"].some((k) => k in diff.meta!.new);
    if (next.meta.status === "ACTIVE" && changesValidity) await checkNoOverlap(tx, record, next.meta);
    await saveInPlace(tx, record, state, next, diff);
    await writeAudit(tx, actor, auditEntries(spec.action, record, diff, planned.wholeTree, state, next));
    return { frameworkId, version: record.version, newVersion: false, message: "Đã lưu thay đổi." };
  });
}

const stripDepth = ({ depth: _depth, ...row }: NormalRow): TreeRow => row;

async function checkNoOverlap(tx: Tx, record: FrameworkRecord, meta: FrameworkMeta) {
  const others = await tx.framework.findMany({
    where: { id: { not: record.id }, indexCode: record.indexCode, ownerProvinceId: record.ownerProvinceId, agencyKind: meta.agencyKind, status: "ACTIVE" },
    select: { name: true, version: true, validFromYear: true, validToYear: true },
  });
  const clash = others.find((o) => yearsOverlap(o, meta));
  if (clash) {
    throw new ValidationError([
      {
        field: "status",
        message: `Không thể áp dụng cho các năm ${formatYears(meta)}: "${clash.name}" (v${clash.version}) đang áp dụng cho ${formatYears(clash)}. Mỗi năm chỉ một bộ chỉ số đang áp dụng: chuyển bộ kia sang Lưu trữ hoặc sửa năm áp dụng.`,
      },
    ]);
  }
}

/** Nodes in pre-order so that each parent exists before its children. */
async function createNodes(tx: Tx, frameworkId: number, rows: readonly TreeRow[], ids: Map<string, number>, firstSortOrder: number, illustrative: Map<string, boolean>) {
  let order = firstSortOrder;
  for (const row of rows) {
    const created = await tx.criterion.create({
      data: {
        frameworkId,
        parentId: row.parentCode === null ? null : ids.get(row.parentCode)!,
        level: row.level!,
        code: row.code,
        name: row.name,
        maxPoints: row.maxPoints!,
        method: row.method,
        guidance: row.guidance,
        requiredEvidence: row.requiredEvidence,
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
  await createNodes(tx, created.id, next.rows.map((r) => ({ ...r, sortOrder: undefined })), new Map(), 1, illustrative);
  return created;
}

const REFERENCE_KINDS = [
  ["criterionScore", "điểm chấm của cơ quan"],
  ["resultCriterionScore", "kết quả công bố theo tiêu chí"],
  ["taskCriterion", "nhiệm vụ"],
  ["target", "chỉ tiêu"],
] as const;

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
    const kinds = REFERENCE_KINDS.filter((_, i) => found[i].some((f) => f.criterionId === row.id)).map(([, label]) => label);
    if (kinds.length > 0) {
      issues.push({
        field: "code",
        message: `Không xóa được ${nodeLabel(row.level, row.code)}: đã có ${kinds.join(", ")} gắn với mục này. Giữ lại mục (có thể sửa tên hoặc điểm), hoặc gỡ các liên kết đó trước.`,
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

async function saveInPlace(tx: Tx, record: FrameworkRecord, before: FrameworkState, next: FrameworkState, diff: StateDiff) {
  await writeVersioned({ id: record.id, revision: record.revision }, (where) => tx.framework.updateMany({ where, data: { ...next.meta, revision: { increment: 1 } } }), {
    current: () => tx.framework.findUnique({ where: { id: record.id } }),
    conflict: () => new ConflictError("Bộ chỉ số này vừa được người khác sửa. Tải lại trang rồi sửa lại.", { revision: record.revision }),
  });

  const kept = new Set(next.rows.map((r) => r.id));
  const removed = before.rows.filter((r) => !kept.has(r.id));
  if (removed.length > 0) {
    await tx.criterion.deleteMany({ where: { id: { in: removed.map((r) => r.id!) } } });
  }
  const ids = new Map(next.rows.filter((r) => r.id !== undefined).map((r) => [r.code, r.id!]));
  const maxOrder = Math.max(0, ...before.rows.map((r) => r.sortOrder ?? 0));
  await createNodes(tx, record.id, next.rows.filter((r) => r.id === undefined), ids, maxOrder + 1, new Map());
  const old = new Map(before.rows.map((r) => [r.id, r]));
  for (const row of next.rows) {
    const prior = row.id === undefined ? undefined : old.get(row.id);
    if (!prior || (sameJson(nodeSnapshot(prior), nodeSnapshot(row)) && prior.sortOrder === row.sortOrder)) continue;
    await tx.criterion.update({
      where: { id: row.id },
      data: {
        parentId: row.parentCode === null ? null : ids.get(row.parentCode)!,
        level: row.level!,
        code: row.code,
        name: row.name,
        maxPoints: row.maxPoints!,
        method: row.method,
        guidance: row.guidance,
        requiredEvidence: row.requiredEvidence,
        sortOrder: row.sortOrder,
      },
    });
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

function diffForAudit(diff: StateDiff, wholeTree: boolean | undefined, before: FrameworkState, after: FrameworkState) {
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

function auditEntries(action: AuditAction, record: FrameworkRecord, diff: StateDiff, wholeTree: boolean | undefined, before: FrameworkState, after: FrameworkState): AuditEntry[] {
  const base = { provinceId: record.ownerProvinceId };
  const framework = { ...base, entityType: "Framework" as const, entityId: record.id };
  const entries: AuditEntry[] = [];
  if (diff.meta) entries.push({ ...framework, action: "framework.update", oldValue: diff.meta.old, newValue: diff.meta.new });
  if (wholeTree) {
    entries.push({ ...framework, action, oldValue: { tree: before.rows.map(nodeSnapshot) }, newValue: { tree: after.rows.map(nodeSnapshot) } });
  } else {
    for (const node of diff.nodes) {
      const kind = node.old === null ? "create" : node.new === null ? "delete" : "update";
      entries.push({ ...base, action: `criterion.${kind}`, entityType: "Criterion", entityId: node.id ?? `${record.id}:${node.code}`, oldValue: node.old, newValue: node.new });
    }
  }
  if (diff.components) entries.push({ ...framework, action: "framework.setComponents", oldValue: diff.components.old, newValue: diff.components.new });
  if (diff.bands) entries.push({ ...framework, action: "framework.setGradeBands", oldValue: diff.bands.old, newValue: diff.bands.new });
  return entries;
}

// ───────────────────────── Entry points ─────────────────────────

function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/, "") || "bo-chi-so";
}

export async function createFramework(actor: Actor, input: CreateFrameworkInput): Promise<FrameworkChange> {
  const data = parseInput(createFrameworkSchema, input);
  authorize(actor, "framework.write", { provinceId: data.ownerProvinceId });
  return db.$transaction(async (tx) => {
    const index = await tx.performanceIndex.findUnique({ where: { code: data.indexCode } });
    if (!index) throw new ValidationError([{ field: "indexCode", message: `Chỉ số "${data.indexCode}" không có. Chọn một chỉ số trong danh sách.` }]);
    if (index.subject === "AGENCY") {
      if (data.ownerProvinceId === null) throw new ValidationError([{ field: "ownerProvinceId", message: "Tỉnh: bộ chỉ số nội bộ cần chọn tỉnh sử dụng nó." }]);
      const province = await tx.province.findUnique({ where: { id: data.ownerProvinceId } });
      if (!province) throw new ValidationError([{ field: "ownerProvinceId", message: "Tỉnh: tỉnh đã chọn không có. Chọn lại trong danh sách." }]);
    } else if (data.ownerProvinceId !== null || data.agencyKind !== null) {
      throw new ValidationError([
        { field: "ownerProvinceId", message: `${index.shortName} là chỉ số quốc gia: không chọn tỉnh hay loại cơ quan (chỉ dùng cho chỉ số nội bộ).` },
      ]);
    }

    let key = data.key;
    let version = 1;
    let previousVersionId: number | null = null;
    if (key) {
      const latest = await tx.framework.findFirst({ where: { key }, orderBy: { version: "desc" } });
      if (latest) {
        if (latest.indexCode !== data.indexCode || latest.ownerProvinceId !== data.ownerProvinceId) {
          throw new ValidationError([{ field: "key", message: `Mã họ phiên bản "${key}" đã dùng cho một bộ chỉ số của chỉ số hoặc tỉnh khác. Để trống hoặc chọn mã khác.` }]);
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
    return { frameworkId: created.id, version, newVersion: false, message: `Đã tạo bộ chỉ số "${meta.name}" (v${version}, bản nháp).` };
  });
}

export async function updateFrameworkMeta(actor: Actor, input: UpdateFrameworkMetaInput): Promise<FrameworkChange> {
  const { frameworkId, revision, ...meta } = parseInput(updateFrameworkMetaSchema, input);
  return changeFramework({
    actor,
    frameworkId,
    revision,
    action: "framework.update",
    current: (state) => ({ text: `Hiện tại: "${state.meta.name}", tối đa ${formatPoints(state.meta.maxScore)} điểm, năm ${formatYears(state.meta)}.`, value: state.meta }),
    plan: (state, record) => {
      if (record.ownerProvinceId === null && meta.agencyKind !== null) {
        throw new ValidationError([{ field: "agencyKind", message: "Loại cơ quan chỉ dùng cho bộ chỉ số nội bộ của tỉnh: để trống." }]);
      }
      return {
        next: { ...state, meta },
        hint:
          meta.status !== "DRAFT"
            ? "Một bộ chỉ số đang áp dụng phải có cây tiêu chí đủ điểm; nếu cây còn đang xây dựng, giữ trạng thái Bản nháp."
            : undefined,
      };
    },
  });
}

const fieldsOf = (data: NodeFields): NodeFields => ({
  code: data.code,
  name: data.name,
  maxPoints: data.maxPoints,
  method: data.method,
  guidance: data.guidance,
  requiredEvidence: data.requiredEvidence,
});

function nodeById(state: FrameworkState, criterionId: number): TreeRow {
  const row = state.rows.find((r) => r.id === criterionId);
  if (!row) throw new NotFoundError("Không tìm thấy tiêu chí này trong bộ chỉ số (có thể vừa bị xóa). Tải lại trang.");
  return row;
}

const SUM_HINT =
  'Cách sửa: chọn "Tính lại điểm các cấp trên" để điểm tối đa của mục cha bằng tổng các mục con, hoặc dùng "Sửa điểm tối đa" để sửa nhiều tiêu chí cùng lúc, hoặc nhập cả cây từ tệp.';
const TOTAL_HINT =
  'Bộ chỉ số đang áp dụng phải giữ đúng tổng điểm: dùng "Sửa điểm tối đa" để chuyển điểm giữa các tiêu chí trong một lần lưu, hoặc nhập cả cây từ tệp.';

const currentNode = (criterionId: number) => (state: FrameworkState) => {
  const row = state.rows.find((r) => r.id === criterionId);
  return row
    ? { text: `Hiện tại ${nodeLabel(row.level, row.code)} là "${row.name}", tối đa ${formatPoints(row.maxPoints)} điểm.`, value: nodeSnapshot(row) }
    : { text: "Tiêu chí này đã bị xóa.", value: null };
};

export async function updateCriterion(actor: Actor, input: UpdateCriterionInput): Promise<FrameworkChange> {
  const data = parseInput(updateCriterionSchema, input);
  return changeFramework({
    actor,
    frameworkId: data.frameworkId,
    revision: data.revision,
    action: "criterion.update",
    current: currentNode(data.criterionId),
    plan: (state) => {
      const row = nodeById(state, data.criterionId);
      return {
        next: { ...state, rows: updateNode(state.rows, row.code, fieldsOf(data), { recomputeParents: data.recomputeParents }) },
        hint: data.recomputeParents ? TOTAL_HINT : SUM_HINT,
      };
    },
  });
}

export async function addCriterion(actor: Actor, input: AddCriterionInput): Promise<FrameworkChange> {
  const data = parseInput(addCriterionSchema, input);
  return changeFramework({
    actor,
    frameworkId: data.frameworkId,
    revision: data.revision,
    action: "criterion.create",
    current: data.parentId === null ? undefined : currentNode(data.parentId),
    plan: (state) => {
      const parentCode = data.parentId === null ? null : nodeById(state, data.parentId).code;
      return {
        next: { ...state, rows: addNode(state.rows, parentCode, fieldsOf(data), { recomputeParents: data.recomputeParents }) },
        hint: data.recomputeParents ? TOTAL_HINT : SUM_HINT,
      };
    },
  });
}

export async function deleteCriterion(actor: Actor, input: DeleteCriterionInput): Promise<FrameworkChange> {
  const data = parseInput(deleteCriterionSchema, input);
  return changeFramework({
    actor,
    frameworkId: data.frameworkId,
    revision: data.revision,
    action: "criterion.delete",
    current: currentNode(data.criterionId),
    plan: (state) => {
      const row = nodeById(state, data.criterionId);
      return {
        next: { ...state, rows: deleteNode(state.rows, row.code, { recomputeParents: data.recomputeParents }) },
        hint: data.recomputeParents ? TOTAL_HINT : SUM_HINT,
      };
    },
  });
}

/** Several leaves' maxima in one save; every parent becomes the sum of its children. */
export async function setMaxPoints(actor: Actor, input: SetMaxPointsInput): Promise<FrameworkChange> {
  const data = parseInput(setMaxPointsSchema, input);
  return changeFramework({
    actor,
    frameworkId: data.frameworkId,
    revision: data.revision,
    action: "framework.setMaxPoints",
    plan: (state) => {
      const maxima = new Map(data.points.map((p) => [nodeById(state, p.criterionId).code, p.maxPoints]));
      return { next: { ...state, rows: setLeafMaxima(state.rows, maxima) }, hint: TOTAL_HINT };
    },
  });
}

/**
 * The whole tree from a file: nodes keep their identity by code (scores, tasks and targets
 * attached to them stay), new codes are added, missing ones removed. All or nothing.
 */
export async function replaceTree(actor: Actor, input: ImportTreeInput & { rows: TreeRow[] }): Promise<FrameworkChange> {
  const { frameworkId, revision } = parseInput(importTreeSchema, input);
  return changeFramework({
    actor,
    frameworkId,
    revision,
    action: "framework.replaceTree",
    plan: (state) => {
      const existing = new Map(state.rows.map((r) => [r.code, r]));
      const rows = input.rows.map((r, i): TreeRow => ({ ...r, id: existing.get(r.code.trim())?.id, sortOrder: i + 1 }));
      return { next: { ...state, rows }, wholeTree: true };
    },
  });
}

export async function importTree(actor: Actor, input: ImportTreeInput & { fileName: string; data: Uint8Array }): Promise<FrameworkChange> {
  const { frameworkId, revision } = parseInput(importTreeSchema, input);
  // Refuse before reading the file: a user without the right learns nothing from its checks.
  authorize(actor, "framework.write", await frameworkScope(frameworkId));
  const rows = await readTreeFile(input.fileName, input.data);
  return replaceTree(actor, { frameworkId, revision, rows });
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
