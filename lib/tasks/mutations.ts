// Writes of a directive's tasks: staff assign them (lead and coordinating agencies, due date, the
// criteria they should improve); the lead agency reports progress with evidence. Each is
// authorized on the directive's province through its lineage (lib/auth/reach.ts) and written with
// its audit row; a task changed since the form read it is refused with what it is now.
import "server-only";
import { taskAssigned, withdrawTaskNotices } from "@/lib/notifications/events/mutations";
import type { Actor } from "@/lib/auth/policy";
import { authorizeOnUnit, mayOnUnit } from "@/lib/auth/reach";
import { writeAudit } from "@/lib/audit/log";
import { db, type Prisma } from "@/lib/db/client";
import { isUniqueViolation, nextVersion, writeVersioned } from "@/lib/db/concurrency";
import { ConflictError, NotFoundError, parseInput, ValidationError, type Issue } from "@/lib/errors";
import { formatCalendarDate } from "@/lib/format";
import { criteriaWithin } from "@/lib/frameworks/queries";
import type { Upload } from "@/lib/io/upload";
import { attachFile, detachFile } from "@/lib/storage/attachments";
import { removeStored } from "@/lib/storage/files";
import { calendarDay } from "@/lib/time";
import type { LineageLink } from "@/lib/units/lineage";
import { agenciesWithin, lineageLinks } from "@/lib/units/queries";
import { versionedIdSchema } from "@/lib/validation/schema";
import { TASK_STATUS_LABELS } from "./labels";
import { taskProgressSchema, taskSchema, taskUpdateSchema } from "./schema";
import { libTranslator } from "@/lib/i18n/lib-translator";

const t = () => libTranslator("errors.tasks");

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
    dueOn: t.dueOn && calendarDay(t.dueOn),
    criteria: t.criteria.map((c) => c.criterion.code).sort(),
    status: t.status,
    progressPercent: t.progressPercent,
    progressNote: t.progressNote,
    version: t.version,
  };
}

async function loadTask(id: number): Promise<TaskRow> {
  const task = await db.task.findUnique({ where: { id }, include: taskInclude });
  if (!task) throw new NotFoundError(t()("notFound"));
  return task;
}

/** Lead, coordinating agencies and criteria, checked against the directive's province. */
async function checkedAssignment(
  directive: { provinceId: number | null },
  links: readonly LineageLink[],
  data: { leadAgencyId: number | null; coAgencyIds: number[]; criterionIds: number[] },
) {
  const agencyIds = [...(data.leadAgencyId !== null ? [data.leadAgencyId] : []), ...data.coAgencyIds];
  const [agencies, criteria] = await Promise.all([
    agenciesWithin(directive.provinceId, links, agencyIds),
    criteriaWithin(directive.provinceId, links, data.criterionIds, { national: true }),
  ]);
  const issues: Issue[] = [];
  if (data.leadAgencyId !== null && !agencies.some((a) => a.id === data.leadAgencyId))
    issues.push({ field: "leadAgencyId", message: t()("leadNotInProvince") });
  if (data.coAgencyIds.some((id) => !agencies.some((a) => a.id === id))) issues.push({ field: "coAgencyIds", message: t()("coNotInProvince") });
  if (data.leadAgencyId !== null && data.coAgencyIds.includes(data.leadAgencyId)) {
    issues.push({
      field: "coAgencyIds",
      message: t()("leadIsCo"),
    });
  }
  if (data.criterionIds.some((id) => !criteria.some((c) => c.id === id))) issues.push({ field: "criterionIds", message: t()("criterionOutside") });
  if (issues.length > 0) throw new ValidationError(issues);
}

export async function createTask(actor: Actor, input: unknown): Promise<{ id: number }> {
  const data = parseInput(taskSchema, input);
  const links = await lineageLinks();
  const directive = await db.directive.findUnique({ where: { id: data.directiveId } });
  if (!directive) throw new NotFoundError(t()("directiveNotFound"));
  authorizeOnUnit(actor, "directive.write", directive.provinceId, links);
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
      await writeAudit(tx, actor, {
        action: "task.create",
        entityType: "Task",
        entityId: created.id,
        provinceId: directive.provinceId,
        newValue: { directive: directive.number, ...taskSnapshot(created) },
      });
      await taskAssigned(tx, actor.id, created);
      return { id: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(t()("addedMeanwhile"), null);
    throw error;
  }
}

/** Refused when someone changed the task since the form read it: says what it is now. */
const taskRefusal = (tx: Prisma.TransactionClient, id: number) => ({
  current: () => tx.task.findUnique({ where: { id }, include: taskInclude }),
  conflict: (current: TaskRow) =>
    new ConflictError(
      t()("conflict", {
        number: current.sortOrder,
        title: current.title,
        lead: current.leadAgency?.name ?? t()("unassigned"),
        due: formatCalendarDate(current.dueOn),
        status: TASK_STATUS_LABELS[current.status],
        percent: current.progressPercent,
        note: current.progressNote ? ` ("${current.progressNote}")` : "",
      }),
      taskSnapshot(current),
    ),
  gone: t()("gone"),
});

/** Staff re-assign a task: wording, lead and coordinating agencies, due date, criteria. */
export async function updateTask(actor: Actor, input: unknown): Promise<{ version: number }> {
  const data = parseInput(taskUpdateSchema, input);
  const links = await lineageLinks();
  const stored = await loadTask(data.id);
  authorizeOnUnit(actor, "directive.write", stored.directive.provinceId, links);
  await checkedAssignment(stored.directive, links, data);
  return db.$transaction(async (tx) => {
    const assignment = { title: data.title, leadAgencyId: data.leadAgencyId, dueOn: data.dueOn };
    await writeVersioned(
      { id: stored.id, version: data.version },
      (where) => tx.task.updateMany({ where, data: nextVersion(assignment) }),
      taskRefusal(tx, stored.id),
    );
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
    await taskAssigned(tx, actor.id, updated);
    return { version: updated.version };
  });
}

export async function deleteTask(actor: Actor, input: unknown): Promise<void> {
  const { id, version } = parseInput(versionedIdSchema, input);
  const links = await lineageLinks();
  const stored = await loadTask(id);
  authorizeOnUnit(actor, "directive.write", stored.directive.provinceId, links);
  const files = await db.storedFile.findMany({ where: { taskId: id } });
  await db.$transaction(async (tx) => {
    // Its evidence goes with it; a task changed since the form was read is kept (the transaction rolls back).
    await tx.storedFile.deleteMany({ where: { taskId: id } });
    await writeVersioned({ id, version }, (where) => tx.task.deleteMany({ where }), taskRefusal(tx, id));
    await withdrawTaskNotices(tx, id);
    await writeAudit(tx, actor, {
      action: "task.delete",
      entityType: "Task",
      entityId: id,
      provinceId: stored.directive.provinceId,
      oldValue: {
        directive: stored.directive.number,
        ...taskSnapshot(stored),
        files: files.map((f) => ({ fileName: f.fileName, sha256: f.sha256 })),
      },
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
  authorizeOnUnit(actor, stored.leadAgencyId === null ? "directive.write" : "task.report", stored.directive.provinceId, links, stored.leadAgencyId);
  if (data.status === "CANCELLED" && stored.status !== "CANCELLED" && !mayOnUnit(actor, "directive.write", stored.directive.provinceId, links)) {
    throw new ValidationError([{ field: "status", message: t()("onlyHomeAffairsCancels") }]);
  }
  // A task marked done is complete; one marked not started has made no progress.
  const percent = data.status === "DONE" ? 100 : data.status === "NOT_STARTED" ? 0 : data.progressPercent;
  if (data.status === "IN_PROGRESS" && percent === 100) {
    throw new ValidationError([{ field: "progressPercent", message: t()("hundredIsDone") }]);
  }
  return db.$transaction(async (tx) => {
    const progress = { status: data.status, progressPercent: percent, progressNote: data.progressNote };
    await writeVersioned(
      { id: stored.id, version: data.version },
      (where) => tx.task.updateMany({ where, data: nextVersion(progress) }),
      taskRefusal(tx, stored.id),
    );
    await writeAudit(tx, actor, {
      action: "task.progress",
      entityType: "Task",
      entityId: stored.id,
      provinceId: stored.directive.provinceId,
      oldValue: {
        directive: stored.directive.number,
        status: stored.status,
        progressPercent: stored.progressPercent,
        progressNote: stored.progressNote,
        version: stored.version,
      },
      newValue: {
        directive: stored.directive.number,
        status: data.status,
        progressPercent: percent,
        progressNote: data.progressNote,
        version: stored.version + 1,
      },
    });
    return { version: stored.version + 1 };
  });
}

export async function addTaskFile(actor: Actor, taskId: number, file: Upload) {
  const task = await loadTask(taskId);
  authorizeOnUnit(actor, task.leadAgencyId === null ? "directive.write" : "task.report", task.directive.provinceId, await lineageLinks(), task.leadAgencyId);
  return attachFile(
    actor,
    file,
    { taskId },
    { action: "task.file.add", provinceId: task.directive.provinceId, what: { directive: task.directive.number, task: task.sortOrder } },
  );
}

export async function removeTaskFile(actor: Actor, fileId: number): Promise<void> {
  const file = await db.storedFile.findUnique({ where: { id: fileId } });
  if (!file?.taskId) throw new NotFoundError(t()("evidenceNotFound"));
  const task = await loadTask(file.taskId);
  authorizeOnUnit(actor, task.leadAgencyId === null ? "directive.write" : "task.report", task.directive.provinceId, await lineageLinks(), task.leadAgencyId);
  await detachFile(actor, file, {
    action: "task.file.remove",
    provinceId: task.directive.provinceId,
    what: { directive: task.directive.number, task: task.sortOrder },
  });
}
