"use server";
// Form entry points of the scoring workflow: parse → actor → lib (which authorizes) → revalidate.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/api/server-action";
import { requireActor } from "@/lib/auth/guard";
import { idParam } from "@/lib/api/params";
import { uploadedFile } from "@/lib/api/upload";
import { MAX_IMPORT_BYTES, tableFormatOf } from "@/lib/io/table-file";
import { EVIDENCE_MAX_BYTES } from "@/lib/storage/files";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { extendDeadline, setNotApplicable } from "./board/mutations";
import { assignCouncil, removeCouncilAssignment } from "./council/mutations";
import { addAgencyToPeriod, importScores, openPeriod, publishPeriod } from "./periods/mutations";
import { acceptSelfScores, saveSheet } from "./sheet/mutations";
import { importSurvey } from "./survey/mutations";
import type { SurveyImportOutcome } from "./survey/types";
import type { SheetSaveResult } from "./types";
import { addEvidence, advance, answerExplanation, appraise, removeEvidence, requestExplanation, selfScore, setAdjustments } from "./mutations";

const fields = (formData: FormData) => Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string"));
const refresh = () => revalidatePath("/danh-gia", "layout");

export async function selfScoreAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await selfScore(await requireActor(), fields(formData));
    refresh();
    return { message: done("selfScore") };
  });
}

/** Every changed row of the sheet at once; rows refused for a concurrent edit come back in `data`. */
export async function saveSheetAction(_: ActionResult<SheetSaveResult> | null, formData: FormData): Promise<ActionResult<SheetSaveResult>> {
  return runAction(async () => {
    const result = await saveSheet(await requireActor(), fields(formData));
    refresh();
    const t = libTranslator("errors.sheet");
    const { saved, conflicts } = result;
    return {
      message: conflicts.length > 0 ? t("savedWithConflicts", { count: saved, conflicts: conflicts.length }) : t("saved", { count: saved }),
      data: result,
    };
  });
}

export async function acceptSelfScoresAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const count = await acceptSelfScores(await requireActor(), fields(formData));
    refresh();
    const t = libTranslator("errors.sheet");
    return { message: count > 0 ? t("accepted", { count }) : t("acceptedNone") };
  });
}

export async function appraiseAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await appraise(await requireActor(), fields(formData));
    refresh();
    return { message: done("appraise") };
  });
}

export async function requestExplanationAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await requestExplanation(await requireActor(), fields(formData));
    refresh();
    return { message: done("requested") };
  });
}

export async function answerExplanationAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await answerExplanation(await requireActor(), fields(formData));
    refresh();
    return { message: done("responded") };
  });
}

export async function addEvidenceAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const file = await uploadedFile(formData, EVIDENCE_MAX_BYTES, libTranslator("errors.scoring")("chooseEvidence"));
    await addEvidence(await requireActor(), Number(formData.get("criterionScoreId")), file);
    refresh();
    return { message: libTranslator("errors.scoring.done")("uploaded", { name: file.name }) };
  });
}

export async function removeEvidenceAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await removeEvidence(await requireActor(), Number(formData.get("fileId")));
    refresh();
    return { message: done("evidenceDeleted") };
  });
}

export async function adjustmentsAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await setAdjustments(await requireActor(), fields(formData));
    refresh();
    return { message: done("adjusted") };
  });
}

/** The board's steps and writes, worded from the catalogue. */
type Done = Exclude<Parameters<ReturnType<typeof libTranslator<"errors.scoring.done">>>[0], "uploaded">;
const done = (key: Done) => libTranslator("errors.scoring.done")(key);
const STEPS = ["submit", "requestExplanations", "startRound2", "finalize", "returnForCorrection", "withdraw"] as const;

export async function advanceAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await advance(await requireActor(), fields(formData));
    refresh();
    const step = String(formData.get("step"));
    return { message: (STEPS as readonly string[]).includes(step) ? done(step as (typeof STEPS)[number]) : "" };
  });
}

export async function publishAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await publishPeriod(await requireActor(), fields(formData));
    refresh();
    return { message: done("published") };
  });
}

export async function openPeriodAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  let periodId = 0;
  const result = await runAction(async () => {
    ({ periodId } = await openPeriod(await requireActor(), { ...fields(formData), agencyIds: formData.getAll("agencyIds").map(String) }));
    refresh();
  });
  if (result.ok) redirect(`/danh-gia/${periodId}`);
  return result;
}

export async function addAgencyAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { agencyName } = await addAgencyToPeriod(await requireActor(), fields(formData));
    refresh();
    return { message: libTranslator("errors.sheet")("agencyAdded", { agency: agencyName }) };
  });
}

export async function importScoresAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const file = await uploadedFile(formData, MAX_IMPORT_BYTES, libTranslator("errors.scoring")("chooseScoresFile"));
    const format = tableFormatOf(file.name);
    const dryRun = formData.get("dryRun") === "1";
    const result = await importScores(await requireActor(), {
      periodId: Number(formData.get("periodId")),
      assessmentId: formData.get("assessmentId") ? Number(formData.get("assessmentId")) : undefined,
      data: file.bytes,
      format,
      dryRun,
    });
    if (!dryRun) refresh();
    return {
      message: dryRun
        ? libTranslator("errors.scoring")("importPreview", { rows: result.rows, changed: result.changed, unchanged: result.unchanged })
        : libTranslator("errors.scoring")("imported", { rows: result.rows, changed: result.changed, unchanged: result.unchanged }),
    };
  });
}

/** The survey results of a period (the import form: a check first, then the import of the same file). */
export async function importSurveyAction(_: ActionResult<SurveyImportOutcome> | null, formData: FormData): Promise<ActionResult<SurveyImportOutcome>> {
  return runAction(async () => {
    const file = await uploadedFile(formData, MAX_IMPORT_BYTES, libTranslator("errors.survey")("chooseFile"));
    const dryRun = formData.get("intent") !== "commit";
    const outcome = await importSurvey(await requireActor(), idParam(formData.get("periodId") as string | null), file, { dryRun });
    if (!dryRun) refresh();
    const { updated, unchanged } = outcome.summary;
    return { message: libTranslator("errors.survey")(dryRun ? "previewDone" : "imported", { changed: outcome.changed, updated, unchanged }), data: outcome };
  });
}

export async function notApplicableAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await setNotApplicable(await requireActor(), fields(formData));
    refresh();
    return { message: done(formData.get("notApplicable") === "1" ? "notApplicable" : "applicable") };
  });
}

export async function extendDeadlineAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await extendDeadline(await requireActor(), fields(formData));
    refresh();
    return { message: done("extended") };
  });
}

/** Home Affairs names a council member and assigns them the checked fields or criteria. */
export async function assignCouncilAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const added = await assignCouncil(await requireActor(), { ...fields(formData), criterionIds: formData.getAll("criterionIds").map(String) });
    refresh();
    return { message: libTranslator("errors.council")("assigned", { count: added }) };
  });
}

export async function removeCouncilAssignmentAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await removeCouncilAssignment(await requireActor(), fields(formData));
    refresh();
    return { message: libTranslator("errors.council")("removed") };
  });
}
