"use server";
// Form entry points of directives, targets, tasks and reports: parse → actor → lib (which
// authorizes and validates) → revalidate the pages that show the change.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/api/server-action";
import { requireActor } from "@/lib/auth/guard";
import { uploadedFile } from "@/lib/api/upload";
import { ACCEPTED_EVIDENCE, EVIDENCE_MAX_BYTES } from "@/lib/storage/files";
import { createBulkTargets, createTarget, deleteTarget, updateTarget } from "@/lib/targets/mutations";
import { addTaskFile, createTask, deleteTask, removeTaskFile, updateTask, updateTaskProgress } from "@/lib/tasks/mutations";
import { addDirectiveFile, createDirective, linkDirectives, removeDirectiveFile, unlinkDirectives, updateDirective } from "./mutations";
import { submitReport } from "./reports/mutations";
import { libTranslator } from "@/lib/i18n/lib-translator";

type State = ActionResult | null;

// What a form shows once saved, in the language of the request (errors.directives.saved).
const saved = () => libTranslator("errors.directives.saved");

/** Single-valued fields as strings; the listed multi-valued ones (checkboxes, multi-selects) as arrays. */
function fields(form: FormData, lists: string[] = []): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of form.entries()) if (typeof value === "string" && !lists.includes(name)) out[name] = value;
  for (const name of lists) out[name] = form.getAll(name).filter((v): v is string => typeof v === "string" && v !== "");
  return out;
}

const upload = (form: FormData) => uploadedFile(form, EVIDENCE_MAX_BYTES, saved()("chooseFile", { accepted: ACCEPTED_EVIDENCE }));

function refresh() {
  revalidatePath("/van-ban", "layout");
  revalidatePath("/viec-cua-toi");
}

const DIRECTIVE_LISTS = ["reporting"];

export async function createDirectiveAction(_: State, form: FormData): Promise<ActionResult> {
  let id = 0;
  const result = await runAction(async () => {
    ({ id } = await createDirective(await requireActor(), fields(form, DIRECTIVE_LISTS)));
    refresh();
  });
  if (result.ok) redirect(`/van-ban/${id}`);
  return result;
}

export async function updateDirectiveAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await updateDirective(await requireActor(), fields(form, DIRECTIVE_LISTS));
    refresh();
    return { message: saved()("directive") };
  });
}

export async function linkAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await linkDirectives(await requireActor(), fields(form));
    refresh();
    return { message: saved()("linkAdded") };
  });
}

export async function unlinkAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await unlinkDirectives(await requireActor(), fields(form));
    refresh();
    return { message: saved()("linkRemoved") };
  });
}

export async function addDirectiveFileAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const file = await upload(form);
    await addDirectiveFile(await requireActor(), Number(form.get("directiveId")), file);
    refresh();
    return { message: saved()("fileAttached", { name: file.name }) };
  });
}

export async function removeDirectiveFileAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await removeDirectiveFile(await requireActor(), Number(form.get("fileId")));
    refresh();
    return { message: saved()("fileRemoved") };
  });
}

export async function createTargetAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await createTarget(await requireActor(), fields(form));
    refresh();
    return { message: saved()("targetAdded") };
  });
}

export async function updateTargetAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await updateTarget(await requireActor(), fields(form));
    refresh();
    return { message: saved()("targetSaved") };
  });
}

export async function deleteTargetAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await deleteTarget(await requireActor(), fields(form));
    refresh();
    return { message: saved()("targetDeleted") };
  });
}

export async function bulkTargetsAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { count } = await createBulkTargets(await requireActor(), fields(form, ["agencyIds"]));
    refresh();
    return { message: saved()("targetsAssigned", { count }) };
  });
}

const TASK_LISTS = ["coAgencyIds", "criterionIds"];

export async function createTaskAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await createTask(await requireActor(), fields(form, TASK_LISTS));
    refresh();
    return { message: saved()("taskAdded") };
  });
}

export async function updateTaskAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await updateTask(await requireActor(), fields(form, TASK_LISTS));
    refresh();
    return { message: saved()("taskSaved") };
  });
}

export async function deleteTaskAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await deleteTask(await requireActor(), fields(form));
    refresh();
    return { message: saved()("taskDeleted") };
  });
}

export async function taskProgressAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await updateTaskProgress(await requireActor(), fields(form));
    refresh();
    return { message: saved()("taskProgress") };
  });
}

export async function addTaskFileAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const file = await upload(form);
    await addTaskFile(await requireActor(), Number(form.get("taskId")), file);
    refresh();
    return { message: saved()("evidenceUploaded", { name: file.name }) };
  });
}

export async function removeTaskFileAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await removeTaskFile(await requireActor(), Number(form.get("fileId")));
    refresh();
    return { message: saved()("evidenceRemoved") };
  });
}

export async function submitReportAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { created } = await submitReport(await requireActor(), fields(form));
    refresh();
    return { message: saved()(created ? "reportSent" : "reportUpdated") };
  });
}
