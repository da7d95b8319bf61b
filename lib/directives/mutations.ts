// Writes of directives, targets, tasks and periodic reports. Each one validates its input (zod, then
// the rules that need the database), authorizes on the directive's province through its lineage
// (access.ts), then writes and audits in one transaction. Rows with a `version` are updated only
// if nobody saved them since the form read them; otherwise the current value is shown.
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { writeAudit, type AuditEntry } from "@/lib/audit/log";
import { db, Prisma } from "@/lib/db/client";
import { ConflictError, NotFoundError, parseInput, ValidationError, type Issue } from "@/lib/errors";
import { formatCalendarDate, formatDateTime } from "@/lib/format";
import { lineageLinks } from "@/lib/units/queries";
import { removeStored, storeEvidence } from "@/lib/storage/files";
import { targetText } from "@/lib/targets/evaluate";
import { unitAndSuccessors, type LineageLink } from "@/lib/units/lineage";
import { authorizeOnDirective, mayOnDirective } from "./access";
import { DIRECTIVE_KIND_LABELS, LINK_RELATION_NAMES, TASK_STATUS_LABELS } from "./labels";
import { calendarDay, vietnamToday } from "@/lib/time";
import { findPeriod, periodState } from "./rules";
import {
  bulkTargetsSchema,
  directiveSchema,
  directiveUpdateSchema,
  linkSchema,
  reportSchema,
  targetSchema,
  targetUpdateSchema,
  taskProgressSchema,
  taskSchema,
  taskUpdateSchema,
  unlinkSchema,
  versionedIdSchema,
} from "./schema";
import { buildBulkTargets, defaultUnit, targetIssues, type TargetDraft } from "./target-rules";

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
const day = (date: Date | null) => (date ? calendarDay(date) : null);

type DirectiveRow = Prisma.DirectiveGetPayload<object>;

async function loadDirective(id: number): Promise<DirectiveRow> {
  const directive = await db.directive.findUnique({ where: { id } });
  if (!directive) throw new NotFoundError("Không tìm thấy văn bản: có thể đã bị xóa. Tải lại danh sách văn bản.");
  return directive;
}

// ───────────────────────── Directives ─────────────────────────

function directiveSnapshot(d: DirectiveRow) {
  return {
    number: d.number,
    kind: d.kind,
    issuer: d.issuer,
    signer: d.signer,
    issuedOn: day(d.issuedOn),
    title: d.title,
    summary: d.summary,
    years: d.years,
    reporting: d.reporting,
    note: d.note,
    provinceId: d.provinceId,
    version: d.version,
  };
}

/**
 * The number is unique per issuer; issuers are compared without regard to case. The directive
 * that has it is described only to a user who may read it.
 */
async function assertNumberFree(actor: Actor, links: readonly LineageLink[], issuer: string, number: string, exceptId: number | null) {
  const taken = await db.directive.findFirst({
    where: { number, issuer: { equals: issuer, mode: "insensitive" }, ...(exceptId !== null ? { id: { not: exceptId } } : {}) },
  });
  if (taken && !mayOnDirective(actor, "province.read", taken.provinceId, links)) throw numberTaken(issuer, number);
  if (taken) {
    throw new ValidationError([
      {
        field: "number",
        message: `${taken.issuer} đã có văn bản số ${taken.number}${taken.issuedOn ? ` ngày ${formatCalendarDate(taken.issuedOn)}` : ""} ("${taken.title}"). Số, ký hiệu là duy nhất với mỗi cơ quan ban hành: kiểm tra lại số, hoặc mở văn bản đã có để sửa.`,
      },
    ]);
  }
}

function numberTaken(issuer: string, number: string): ValidationError {
  return new ValidationError([{ field: "number", message: `${issuer} đã có văn bản số ${number}: kiểm tra lại số, ký hiệu.` }]);
}

function assertNotFuture(issuedOn: Date | null, now: Date) {
  if (issuedOn && calendarDay(issuedOn) > vietnamToday(now)) {
    throw new ValidationError([{ field: "issuedOn", message: `Ngày ban hành ${formatCalendarDate(issuedOn)} chưa đến: nhập ngày văn bản đã được ký.` }]);
  }
}

export async function createDirective(actor: Actor, input: unknown, now = new Date()): Promise<{ id: number }> {
  const data = parseInput(directiveSchema, input);
  const links = await lineageLinks();
  authorizeOnDirective(actor, "directive.write", data.provinceId, links);
  const province = await db.province.findUnique({ where: { id: data.provinceId } });
  if (!province) throw new ValidationError([{ field: "provinceId", message: "Chọn tỉnh, thành phố ban hành trong danh sách." }]);
  assertNotFuture(data.issuedOn, now);
  await assertNumberFree(actor, links, data.issuer, data.number, null);
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.directive.create({
        data: {
          provinceId: province.id,
          number: data.number,
          kind: data.kind,
          issuer: data.issuer,
          signer: data.signer,
          issuedOn: data.issuedOn,
          title: data.title,
          summary: data.summary,
          years: data.years,
          reporting: data.reporting,
          note: data.note,
        },
      });
      await writeAudit(tx, actor, { action: "directive.create", entityType: "Directive", entityId: created.id, provinceId: created.provinceId, newValue: directiveSnapshot(created) });
      return { id: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw numberTaken(data.issuer, data.number);
    throw error;
  }
}

export async function updateDirective(actor: Actor, input: unknown, now = new Date()): Promise<{ version: number }> {
  const data = parseInput(directiveUpdateSchema, input);
  const links = await lineageLinks();
  const stored = await loadDirective(data.id);
  authorizeOnDirective(actor, "directive.write", stored.provinceId, links);
  assertNotFuture(data.issuedOn, now);
  const orphanYears = (await db.target.findMany({ where: { directiveId: stored.id }, select: { year: true } }))
    .map((t) => t.year)
    .filter((year, i, all) => !data.years.includes(year) && all.indexOf(year) === i);
  if (orphanYears.length > 0) {
    throw new ValidationError([
      { field: "years", message: `Văn bản có chỉ tiêu năm ${orphanYears.join(", ")}: giữ các năm đó, hoặc xóa, sửa các chỉ tiêu đó trước.` },
    ]);
  }
  await assertNumberFree(actor, links, data.issuer, data.number, stored.id);
  const next = {
    number: data.number,
    kind: data.kind,
    issuer: data.issuer,
    signer: data.signer,
    issuedOn: data.issuedOn,
    title: data.title,
    summary: data.summary,
    years: data.years,
    reporting: data.reporting,
    note: data.note,
  };
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.directive.updateMany({ where: { id: stored.id, version: data.version }, data: { ...next, version: { increment: 1 } } });
      if (count === 0) {
        const current = await tx.directive.findUniqueOrThrow({ where: { id: stored.id } });
        throw new ConflictError(
          `Văn bản vừa được người khác sửa; hiện là: ${DIRECTIVE_KIND_LABELS[current.kind]} ${current.number} của ${current.issuer}, "${current.title}", năm ${current.years.join(", ")}. Tải lại trang để xem giá trị hiện tại rồi sửa lại nếu vẫn cần.`,
          directiveSnapshot(current),
        );
      }
      const updated = await tx.directive.findUniqueOrThrow({ where: { id: stored.id } });
      await writeAudit(tx, actor, {
        action: "directive.update",
        entityType: "Directive",
        entityId: stored.id,
        provinceId: stored.provinceId,
        oldValue: directiveSnapshot(stored),
        newValue: directiveSnapshot(updated),
      });
      return { version: updated.version };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw numberTaken(data.issuer, data.number);
    throw error;
  }
}

// ───────────────────────── Links between directives ─────────────────────────

export async function linkDirectives(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(linkSchema, input);
  if (!LINK_RELATION_NAMES.includes(data.relation)) {
    throw new ValidationError([{ field: "relation", message: `Chọn quan hệ trong danh sách: ${LINK_RELATION_NAMES.join(", ")}.` }]);
  }
  if (data.fromId === data.toId) throw new ValidationError([{ field: "toId", message: "Chọn một văn bản khác: văn bản không liên kết với chính nó." }]);
  const links = await lineageLinks();
  const [from, to] = await Promise.all([loadDirective(data.fromId), db.directive.findUnique({ where: { id: data.toId } })]);
  authorizeOnDirective(actor, "directive.write", from.provinceId, links);
  if (!to) throw new ValidationError([{ field: "toId", message: "Không tìm thấy văn bản liên quan: chọn lại trong danh sách." }]);
  authorizeOnDirective(actor, "province.read", to.provinceId, links);
  const existing = await db.directiveLink.findFirst({ where: { OR: [{ fromId: from.id, toId: to.id }, { fromId: to.id, toId: from.id }] } });
  if (existing) {
    throw new ValidationError([{ field: "toId", message: `${from.number} và ${to.number} đã được liên kết ("${existing.relation}"). Xóa liên kết cũ nếu cần đổi quan hệ.` }]);
  }
  try {
    await db.$transaction(async (tx) => {
      await tx.directiveLink.create({ data: { fromId: from.id, toId: to.id, relation: data.relation } });
      await writeAudit(tx, actor, {
        action: "directive.link",
        entityType: "DirectiveLink",
        entityId: `${from.id}-${to.id}`,
        provinceId: from.provinceId,
        newValue: { from: from.number, to: to.number, relation: data.relation },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError([{ field: "toId", message: `${from.number} và ${to.number} đã được liên kết.` }]);
    throw error;
  }
}

export async function unlinkDirectives(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(unlinkSchema, input);
  const links = await lineageLinks();
  const link = await db.directiveLink.findUnique({ where: { fromId_toId: { fromId: data.fromId, toId: data.toId } }, include: { from: true, to: true } });
  if (!link) throw new NotFoundError("Liên kết này không còn: có thể đã được người khác xóa. Tải lại trang.");
  authorizeOnDirective(actor, "directive.write", link.from.provinceId, links);
  await db.$transaction(async (tx) => {
    await tx.directiveLink.delete({ where: { fromId_toId: { fromId: data.fromId, toId: data.toId } } });
    await writeAudit(tx, actor, {
      action: "directive.unlink",
      entityType: "DirectiveLink",
      entityId: `${data.fromId}-${data.toId}`,
      provinceId: link.from.provinceId,
      oldValue: { from: link.from.number, to: link.to.number, relation: link.relation },
    });
  });
}

// ───────────────────────── Files ─────────────────────────

type Upload = { name: string; bytes: Uint8Array };

/** Stores the bytes, then the row and its audit; the bytes are removed again if the row fails. */
async function attach(actor: Actor, file: Upload, owner: { directiveId: number } | { taskId: number }, audit: Omit<AuditEntry, "entityId" | "entityType" | "newValue"> & { what: Record<string, unknown> }) {
  const blob = await storeEvidence(file.name, file.bytes);
  try {
    return await db.$transaction(async (tx) => {
      const stored = await tx.storedFile.create({ data: { ...blob, uploadedById: actor.id, ...owner } });
      await writeAudit(tx, actor, {
        action: audit.action,
        entityType: "StoredFile",
        entityId: stored.id,
        provinceId: audit.provinceId,
        newValue: { fileName: blob.fileName, sha256: blob.sha256, sizeBytes: blob.sizeBytes, ...audit.what },
      });
      return { id: stored.id, fileName: stored.fileName };
    });
  } catch (error) {
    await removeStored(blob.storageKey);
    throw error;
  }
}

async function detach(actor: Actor, file: { id: number; storageKey: string; fileName: string; sha256: string }, action: string, provinceId: number | null, what: Record<string, unknown>) {
  await db.$transaction(async (tx) => {
    await tx.storedFile.delete({ where: { id: file.id } });
    await writeAudit(tx, actor, { action, entityType: "StoredFile", entityId: file.id, provinceId, oldValue: { fileName: file.fileName, sha256: file.sha256, ...what } });
  });
  await removeStored(file.storageKey);
}

export async function addDirectiveFile(actor: Actor, directiveId: number, file: Upload) {
  const directive = await loadDirective(directiveId);
  authorizeOnDirective(actor, "directive.write", directive.provinceId, await lineageLinks());
  return attach(actor, file, { directiveId }, { action: "directive.file.add", provinceId: directive.provinceId, what: { directive: directive.number } });
}

export async function removeDirectiveFile(actor: Actor, fileId: number): Promise<void> {
  const file = await db.storedFile.findUnique({ where: { id: fileId }, include: { directive: true } });
  if (!file?.directive) throw new NotFoundError("Không tìm thấy tệp đính kèm: có thể đã bị xóa.");
  authorizeOnDirective(actor, "directive.write", file.directive.provinceId, await lineageLinks());
  await detach(actor, file, "directive.file.remove", file.directive.provinceId, { directive: file.directive.number });
}

// ───────────────────────── Targets ─────────────────────────

/** Agencies of the directive's province or of the province it went into. */
async function agenciesOf(directive: DirectiveRow, links: readonly LineageLink[], ids: readonly number[]) {
  if (ids.length === 0 || directive.provinceId === null) return [];
  return db.agency.findMany({ where: { id: { in: [...ids] }, provinceId: { in: unitAndSuccessors(directive.provinceId, links) } } });
}

/** Criteria of frameworks a directive's task may aim at: the province's own, or national ones. */
async function criteriaOf(directive: DirectiveRow, links: readonly LineageLink[], ids: readonly number[], internalOnly: boolean) {
  if (ids.length === 0) return [];
  const owners = directive.provinceId === null ? [] : unitAndSuccessors(directive.provinceId, links);
  return db.criterion.findMany({
    where: {
      id: { in: [...ids] },
      framework: internalOnly ? { ownerProvinceId: { in: owners } } : { OR: [{ ownerProvinceId: { in: owners } }, { ownerProvinceId: null }] },
    },
    include: { framework: { select: { name: true } } },
  });
}

type TargetRow = Prisma.TargetGetPayload<{ include: { index: true; agency: true; criterion: true } }>;

function targetSnapshot(t: TargetRow) {
  return {
    kind: t.kind,
    indexCode: t.indexCode,
    year: t.year,
    value: Number(t.value),
    valueMax: t.valueMax === null ? null : Number(t.valueMax),
    unit: t.unit,
    agency: t.agency ? { id: t.agency.id, code: t.agency.code } : null,
    criterion: t.criterion ? { id: t.criterion.id, code: t.criterion.code } : null,
    note: t.note,
    version: t.version,
  };
}

function describeTarget(t: TargetRow): string {
  const subject = t.criterion ? `${t.agency?.name ?? ""} – tiêu chí ${t.criterion.code}` : (t.agency?.name ?? t.index?.shortName ?? "Các nhiệm vụ");
  return `${targetText({ kind: t.kind, year: t.year, value: Number(t.value), valueMax: t.valueMax === null ? null : Number(t.valueMax), unit: t.unit, subject })} (năm ${t.year})`;
}

/** Checks a target against the directive and the database; returns the row to write. */
async function checkedTarget(directive: DirectiveRow, links: readonly LineageLink[], draft: TargetDraft) {
  const [index, agencies, criteria] = await Promise.all([
    draft.indexCode ? db.performanceIndex.findUnique({ where: { code: draft.indexCode } }) : Promise.resolve(null),
    agenciesOf(directive, links, draft.agencyId !== null ? [draft.agencyId] : []),
    criteriaOf(directive, links, draft.criterionId !== null ? [draft.criterionId] : [], true),
  ]);
  const agency = agencies[0] ?? null;
  const criterion = criteria[0] ?? null;
  const issues = targetIssues(draft, {
    years: directive.years,
    index: index ? { code: index.code, shortName: index.shortName, subject: index.subject, maxScore: Number(index.maxScore) } : null,
    agency: agency ? { id: agency.id, name: agency.name } : null,
    criterion: criterion ? { id: criterion.id, code: criterion.code, maxPoints: Number(criterion.maxPoints) } : null,
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return {
    kind: draft.kind,
    indexCode: draft.indexCode,
    year: draft.year,
    value: draft.value,
    valueMax: draft.valueMax,
    unit: draft.unit ?? defaultUnit(draft.kind),
    agencyId: agency?.id ?? null,
    criterionId: criterion?.id ?? null,
    // A province's target is measured on the directive's unit; an agency's, in its own province.
    provinceId: agency?.provinceId ?? directive.provinceId,
    note: draft.note,
  };
}

const targetInclude = { index: true, agency: true, criterion: true } as const;

export async function createTarget(actor: Actor, input: unknown): Promise<{ id: number }> {
  const { directiveId, ...draft } = parseInput(targetSchema, input);
  const links = await lineageLinks();
  const directive = await loadDirective(directiveId);
  authorizeOnDirective(actor, "directive.write", directive.provinceId, links);
  const row = await checkedTarget(directive, links, draft);
  return db.$transaction(async (tx) => {
    const created = await tx.target.create({ data: { ...row, directiveId }, include: targetInclude });
    await writeAudit(tx, actor, {
      action: "target.create",
      entityType: "Target",
      entityId: created.id,
      provinceId: directive.provinceId,
      newValue: { directive: directive.number, ...targetSnapshot(created) },
    });
    return { id: created.id };
  });
}

async function loadTarget(id: number) {
  const target = await db.target.findUnique({ where: { id }, include: { ...targetInclude, directive: true } });
  if (!target) throw new NotFoundError("Không tìm thấy chỉ tiêu: có thể đã bị xóa. Tải lại trang.");
  return target;
}

export async function updateTarget(actor: Actor, input: unknown): Promise<{ version: number }> {
  const { id, version, ...draft } = parseInput(targetUpdateSchema, input);
  const links = await lineageLinks();
  const stored = await loadTarget(id);
  authorizeOnDirective(actor, "directive.write", stored.directive.provinceId, links);
  const row = await checkedTarget(stored.directive, links, draft);
  return db.$transaction(async (tx) => {
    const { count } = await tx.target.updateMany({ where: { id, version }, data: { ...row, version: { increment: 1 } } });
    if (count === 0) {
      const current = await tx.target.findUnique({ where: { id }, include: targetInclude });
      if (!current) throw new NotFoundError("Chỉ tiêu vừa bị người khác xóa. Tải lại trang.");
      throw new ConflictError(`Chỉ tiêu vừa được người khác sửa; hiện là: ${describeTarget(current)}. Tải lại trang rồi sửa lại nếu vẫn cần.`, targetSnapshot(current));
    }
    const updated = await tx.target.findUniqueOrThrow({ where: { id }, include: targetInclude });
    await writeAudit(tx, actor, {
      action: "target.update",
      entityType: "Target",
      entityId: id,
      provinceId: stored.directive.provinceId,
      oldValue: { directive: stored.directive.number, ...targetSnapshot(stored) },
      newValue: { directive: stored.directive.number, ...targetSnapshot(updated) },
    });
    return { version: updated.version };
  });
}

export async function deleteTarget(actor: Actor, input: unknown): Promise<void> {
  const { id, version } = parseInput(versionedIdSchema, input);
  const links = await lineageLinks();
  const stored = await loadTarget(id);
  authorizeOnDirective(actor, "directive.write", stored.directive.provinceId, links);
  await db.$transaction(async (tx) => {
    const { count } = await tx.target.deleteMany({ where: { id, version } });
    if (count === 0) {
      const current = await tx.target.findUnique({ where: { id }, include: targetInclude });
      if (!current) throw new NotFoundError("Chỉ tiêu đã được người khác xóa.");
      throw new ConflictError(`Chỉ tiêu vừa được người khác sửa thành: ${describeTarget(current)}. Tải lại trang rồi quyết định có xóa không.`, targetSnapshot(current));
    }
    await writeAudit(tx, actor, {
      action: "target.delete",
      entityType: "Target",
      entityId: id,
      provinceId: stored.directive.provinceId,
      oldValue: { directive: stored.directive.number, ...targetSnapshot(stored) },
    });
  });
}

/** The commitments every agency signs with the chairman: one target for each selected agency, all or nothing. */
export async function createBulkTargets(actor: Actor, input: unknown): Promise<{ count: number }> {
  const data = parseInput(bulkTargetsSchema, input);
  const links = await lineageLinks();
  const directive = await loadDirective(data.directiveId);
  authorizeOnDirective(actor, "directive.write", directive.provinceId, links);
  const [agencies, existing] = await Promise.all([
    agenciesOf(directive, links, data.agencyIds),
    db.target.findMany({ where: { directiveId: directive.id }, select: { kind: true, year: true, agencyId: true, criterionId: true } }),
  ]);
  const unknown = data.agencyIds.filter((id) => !agencies.some((a) => a.id === id));
  if (unknown.length > 0) throw new ValidationError([{ field: "agencyIds", message: "Có cơ quan không thuộc tỉnh của văn bản: chọn lại trong danh sách." }]);
  const ordered = data.agencyIds.map((id) => agencies.find((a) => a.id === id)!);
  const { drafts, issues } = buildBulkTargets(
    { kind: data.kind, year: data.year, value: data.value, criterionId: data.criterionId, note: data.note },
    ordered,
    existing,
  );
  // Every draft differs only by agency: checking the first checks the shared fields.
  const first = await checkedTarget(directive, links, drafts[0]).catch((error: unknown) => {
    if (error instanceof ValidationError) return error;
    throw error;
  });
  const all: Issue[] = [...(first instanceof ValidationError ? first.issues.filter((i) => i.field !== "agencyId") : []), ...issues];
  if (all.length > 0) throw new ValidationError(all);
  const rows = drafts.map((draft) => ({ ...draft, directiveId: directive.id, provinceId: ordered.find((a) => a.id === draft.agencyId)!.provinceId }));
  return db.$transaction(async (tx) => {
    const created = await tx.target.createManyAndReturn({ data: rows });
    const byAgency = new Map(ordered.map((a) => [a.id, a.code]));
    await writeAudit(
      tx,
      actor,
      created.map((t) => ({
        action: "target.bulkCreate",
        entityType: "Target",
        entityId: t.id,
        provinceId: directive.provinceId,
        newValue: { directive: directive.number, kind: t.kind, year: t.year, value: Number(t.value), unit: t.unit, agency: byAgency.get(t.agencyId!), criterionId: t.criterionId, note: t.note },
      })),
    );
    return { count: created.length };
  });
}

// ───────────────────────── Tasks ─────────────────────────

const taskInclude = {
  directive: true,
  leadAgency: true,
  coAgencies: { include: { agency: true } },
  criteria: { include: { criterion: true } },
} as const;
type TaskRow = Prisma.TaskGetPayload<{ include: typeof taskInclude }>;

function taskSnapshot(t: TaskRow) {
  return {
    sortOrder: t.sortOrder,
    title: t.title,
    leadAgency: t.leadAgency?.code ?? null,
    coAgencies: t.coAgencies.map((c) => c.agency.code).sort(),
    dueOn: day(t.dueOn),
    criteria: t.criteria.map((c) => c.criterion.code).sort(),
    status: t.status,
    progressPercent: t.progressPercent,
    progressNote: t.progressNote,
    version: t.version,
  };
}

async function loadTask(id: number): Promise<TaskRow> {
  const task = await db.task.findUnique({ where: { id }, include: taskInclude });
  if (!task) throw new NotFoundError("Không tìm thấy nhiệm vụ: có thể đã bị xóa. Tải lại trang.");
  return task;
}

/** Lead, coordinating agencies and criteria, checked against the directive's province. */
async function checkedAssignment(directive: DirectiveRow, links: readonly LineageLink[], data: { leadAgencyId: number | null; coAgencyIds: number[]; criterionIds: number[] }) {
  const agencyIds = [...(data.leadAgencyId !== null ? [data.leadAgencyId] : []), ...data.coAgencyIds];
  const [agencies, criteria] = await Promise.all([agenciesOf(directive, links, agencyIds), criteriaOf(directive, links, data.criterionIds, false)]);
  const issues: Issue[] = [];
  if (data.leadAgencyId !== null && !agencies.some((a) => a.id === data.leadAgencyId)) issues.push({ field: "leadAgencyId", message: "Chọn cơ quan chủ trì trong danh sách cơ quan của tỉnh." });
  if (data.coAgencyIds.some((id) => !agencies.some((a) => a.id === id))) issues.push({ field: "coAgencyIds", message: "Có cơ quan phối hợp không thuộc tỉnh: chọn lại trong danh sách." });
  if (data.leadAgencyId !== null && data.coAgencyIds.includes(data.leadAgencyId)) {
    issues.push({ field: "coAgencyIds", message: "Cơ quan chủ trì không đồng thời là cơ quan phối hợp: bỏ chọn cơ quan đó ở mục phối hợp." });
  }
  if (data.criterionIds.some((id) => !criteria.some((c) => c.id === id))) issues.push({ field: "criterionIds", message: "Có tiêu chí không thuộc bộ chỉ số của tỉnh hoặc bộ chỉ số quốc gia: chọn lại." });
  if (issues.length > 0) throw new ValidationError(issues);
}

export async function createTask(actor: Actor, input: unknown): Promise<{ id: number }> {
  const data = parseInput(taskSchema, input);
  const links = await lineageLinks();
  const directive = await loadDirective(data.directiveId);
  authorizeOnDirective(actor, "directive.write", directive.provinceId, links);
  await checkedAssignment(directive, links, data);
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.task.aggregate({ where: { directiveId: directive.id }, _max: { sortOrder: true } });
      const created = await tx.task.create({
        data: {
          directiveId: directive.id,
          sortOrder: (last._max.sortOrder ?? 0) + 1,
          title: data.title,
          leadAgencyId: data.leadAgencyId,
          dueOn: data.dueOn,
          coAgencies: { create: data.coAgencyIds.map((agencyId) => ({ agencyId })) },
          criteria: { create: data.criterionIds.map((criterionId) => ({ criterionId })) },
        },
        include: taskInclude,
      });
      await writeAudit(tx, actor, { action: "task.create", entityType: "Task", entityId: created.id, provinceId: directive.provinceId, newValue: { directive: directive.number, ...taskSnapshot(created) } });
      return { id: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("Một nhiệm vụ khác vừa được thêm cùng lúc: bấm lưu lại.", null);
    throw error;
  }
}

function taskConflict(current: TaskRow | null): Error {
  if (!current) return new NotFoundError("Nhiệm vụ vừa bị người khác xóa. Tải lại trang.");
  return new ConflictError(
    `Nhiệm vụ ${current.sortOrder} vừa được người khác cập nhật; hiện là: "${current.title}", chủ trì ${current.leadAgency?.name ?? "chưa giao"}, hạn ${formatCalendarDate(current.dueOn)}, ${TASK_STATUS_LABELS[current.status]} ${current.progressPercent}%${current.progressNote ? ` ("${current.progressNote}")` : ""}. Tải lại trang rồi cập nhật lại nếu vẫn cần.`,
    taskSnapshot(current),
  );
}

/** Staff re-assign a task: wording, lead and coordinating agencies, due date, criteria. */
export async function updateTask(actor: Actor, input: unknown): Promise<{ version: number }> {
  const data = parseInput(taskUpdateSchema, input);
  const links = await lineageLinks();
  const stored = await loadTask(data.id);
  authorizeOnDirective(actor, "directive.write", stored.directive.provinceId, links);
  await checkedAssignment(stored.directive, links, data);
  return db.$transaction(async (tx) => {
    const { count } = await tx.task.updateMany({
      where: { id: stored.id, version: data.version },
      data: { title: data.title, leadAgencyId: data.leadAgencyId, dueOn: data.dueOn, version: { increment: 1 } },
    });
    if (count === 0) throw taskConflict(await tx.task.findUnique({ where: { id: stored.id }, include: taskInclude }));
    await tx.taskAgency.deleteMany({ where: { taskId: stored.id } });
    await tx.taskAgency.createMany({ data: data.coAgencyIds.map((agencyId) => ({ taskId: stored.id, agencyId })) });
    await tx.taskCriterion.deleteMany({ where: { taskId: stored.id } });
    await tx.taskCriterion.createMany({ data: data.criterionIds.map((criterionId) => ({ taskId: stored.id, criterionId })) });
    const updated = await tx.task.findUniqueOrThrow({ where: { id: stored.id }, include: taskInclude });
    await writeAudit(tx, actor, {
      action: "task.update",
      entityType: "Task",
      entityId: stored.id,
      provinceId: stored.directive.provinceId,
      oldValue: { directive: stored.directive.number, ...taskSnapshot(stored) },
      newValue: { directive: stored.directive.number, ...taskSnapshot(updated) },
    });
    return { version: updated.version };
  });
}

export async function deleteTask(actor: Actor, input: unknown): Promise<void> {
  const { id, version } = parseInput(versionedIdSchema, input);
  const links = await lineageLinks();
  const stored = await loadTask(id);
  authorizeOnDirective(actor, "directive.write", stored.directive.provinceId, links);
  const files = await db.storedFile.findMany({ where: { taskId: id } });
  await db.$transaction(async (tx) => {
    // Its evidence goes with it; a task changed since the form was read is kept (the transaction rolls back).
    await tx.storedFile.deleteMany({ where: { taskId: id } });
    const { count } = await tx.task.deleteMany({ where: { id, version } });
    if (count === 0) throw taskConflict(await tx.task.findUnique({ where: { id }, include: taskInclude }));
    await writeAudit(tx, actor, {
      action: "task.delete",
      entityType: "Task",
      entityId: id,
      provinceId: stored.directive.provinceId,
      oldValue: { directive: stored.directive.number, ...taskSnapshot(stored), files: files.map((f) => ({ fileName: f.fileName, sha256: f.sha256 })) },
    });
  });
  for (const file of files) await removeStored(file.storageKey);
}

/**
 * The lead agency reports progress: status, percentage and what was done. Its head may do so for
 * their own agency's tasks only ("task.report"); staff may do it for any agency of the province.
 */
export async function updateTaskProgress(actor: Actor, input: unknown): Promise<{ version: number }> {
  const data = parseInput(taskProgressSchema, input);
  const links = await lineageLinks();
  const stored = await loadTask(data.id);
  authorizeOnDirective(actor, stored.leadAgencyId === null ? "directive.write" : "task.report", stored.directive.provinceId, links, stored.leadAgencyId);
  if (data.status === "CANCELLED" && stored.status !== "CANCELLED" && !mayOnDirective(actor, "directive.write", stored.directive.provinceId, links)) {
    throw new ValidationError([{ field: "status", message: "Chỉ Sở Nội vụ hủy nhiệm vụ: đề nghị Sở Nội vụ nếu nhiệm vụ không còn cần thực hiện." }]);
  }
  // A task marked done is complete; one marked not started has made no progress.
  const percent = data.status === "DONE" ? 100 : data.status === "NOT_STARTED" ? 0 : data.progressPercent;
  if (data.status === "IN_PROGRESS" && percent === 100) {
    throw new ValidationError([{ field: "progressPercent", message: "Tiến độ 100% là đã hoàn thành: chọn tình trạng \"Hoàn thành\", hoặc nhập tiến độ dưới 100%." }]);
  }
  return db.$transaction(async (tx) => {
    const { count } = await tx.task.updateMany({
      where: { id: stored.id, version: data.version },
      data: { status: data.status, progressPercent: percent, progressNote: data.progressNote, version: { increment: 1 } },
    });
    if (count === 0) throw taskConflict(await tx.task.findUnique({ where: { id: stored.id }, include: taskInclude }));
    await writeAudit(tx, actor, {
      action: "task.progress",
      entityType: "Task",
      entityId: stored.id,
      provinceId: stored.directive.provinceId,
      oldValue: { directive: stored.directive.number, status: stored.status, progressPercent: stored.progressPercent, progressNote: stored.progressNote, version: stored.version },
      newValue: { directive: stored.directive.number, status: data.status, progressPercent: percent, progressNote: data.progressNote, version: stored.version + 1 },
    });
    return { version: stored.version + 1 };
  });
}

export async function addTaskFile(actor: Actor, taskId: number, file: Upload) {
  const task = await loadTask(taskId);
  authorizeOnDirective(actor, task.leadAgencyId === null ? "directive.write" : "task.report", task.directive.provinceId, await lineageLinks(), task.leadAgencyId);
  return attach(actor, file, { taskId }, { action: "task.file.add", provinceId: task.directive.provinceId, what: { directive: task.directive.number, task: task.sortOrder } });
}

export async function removeTaskFile(actor: Actor, fileId: number): Promise<void> {
  const file = await db.storedFile.findUnique({ where: { id: fileId } });
  if (!file?.taskId) throw new NotFoundError("Không tìm thấy tệp minh chứng: có thể đã bị xóa.");
  const task = await loadTask(file.taskId);
  authorizeOnDirective(actor, task.leadAgencyId === null ? "directive.write" : "task.report", task.directive.provinceId, await lineageLinks(), task.leadAgencyId);
  await detach(actor, file, "task.file.remove", task.directive.provinceId, { directive: task.directive.number, task: task.sortOrder });
}

// ───────────────────────── Periodic reports ─────────────────────────

/**
 * An agency's report for one period the directive requires: a new one, or (with the version read)
 * a correction of the one it sent. Its head reports for their own agency only.
 */
export async function submitReport(actor: Actor, input: unknown, now = new Date()): Promise<{ id: number; version: number; created: boolean }> {
  const data = parseInput(reportSchema, input);
  const links = await lineageLinks();
  const directive = await loadDirective(data.directiveId);
  authorizeOnDirective(actor, "task.report", directive.provinceId, links, data.agencyId);
  const period = findPeriod(directive.reporting, directive.years, data.period);
  if (!period) {
    throw new ValidationError([{ field: "period", message: `Văn bản ${directive.number} không yêu cầu báo cáo kỳ "${data.period}": chọn một kỳ trong danh sách.` }]);
  }
  if (periodState(period, vietnamToday(now)) === "upcoming") {
    throw new ValidationError([{ field: "period", message: `Kỳ báo cáo ${period.label} bắt đầu từ ${formatCalendarDate(new Date(`${period.start}T00:00:00Z`))}: chưa thể gửi báo cáo kỳ này.` }]);
  }
  const [agency] = await agenciesOf(directive, links, [data.agencyId]);
  if (!agency) throw new ValidationError([{ field: "agencyId", message: "Cơ quan báo cáo không thuộc tỉnh của văn bản." }]);
  const who = `${agency.name}, ${period.label}`;
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.periodicReport.findUnique({ where: { directiveId_agencyId_period: { directiveId: directive.id, agencyId: agency.id, period: period.key } } });
      if (existing && data.version === null) {
        throw new ConflictError(`${who} đã có báo cáo gửi lúc ${formatDateTime(existing.submittedAt)}: tải lại trang để sửa báo cáo đó thay vì gửi báo cáo mới.`, {
          id: existing.id,
          version: existing.version,
          content: existing.content,
        });
      }
      if (!existing) {
        if (data.version !== null) throw new NotFoundError("Báo cáo đang sửa không còn: tải lại trang.");
        const created = await tx.periodicReport.create({ data: { directiveId: directive.id, agencyId: agency.id, period: period.key, content: data.content, submittedById: actor.id, submittedAt: now } });
        await writeAudit(tx, actor, {
          action: "report.submit",
          entityType: "PeriodicReport",
          entityId: created.id,
          provinceId: directive.provinceId,
          newValue: { directive: directive.number, agency: agency.code, period: period.key, content: data.content },
        });
        return { id: created.id, version: created.version, created: true };
      }
      const { count } = await tx.periodicReport.updateMany({
        where: { id: existing.id, version: data.version! },
        data: { content: data.content, submittedById: actor.id, submittedAt: now, version: { increment: 1 } },
      });
      if (count === 0) {
        throw new ConflictError(`Báo cáo ${who} vừa được người khác sửa; nội dung hiện tại: "${existing.content}". Tải lại trang rồi sửa lại nếu vẫn cần.`, {
          id: existing.id,
          version: existing.version,
          content: existing.content,
        });
      }
      await writeAudit(tx, actor, {
        action: "report.update",
        entityType: "PeriodicReport",
        entityId: existing.id,
        provinceId: directive.provinceId,
        oldValue: { directive: directive.number, agency: agency.code, period: period.key, content: existing.content, version: existing.version },
        newValue: { directive: directive.number, agency: agency.code, period: period.key, content: data.content, version: existing.version + 1 },
      });
      return { id: existing.id, version: existing.version + 1, created: false };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`${who} vừa có báo cáo được gửi cùng lúc: tải lại trang để xem.`, null);
    throw error;
  }
}
