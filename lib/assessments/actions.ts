"use server";
// Form entry points of the scoring workflow: parse → actor → lib (which authorizes) → revalidate.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/api/server-action";
import { requireActor } from "@/lib/auth/guard";
import { uploadedFile } from "@/lib/api/upload";
import { MAX_IMPORT_BYTES, tableFormatOf } from "@/lib/io/table-file";
import { EVIDENCE_MAX_BYTES } from "@/lib/storage/files";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { extendDeadline, setNotApplicable } from "./board/mutations";
import { addAgencyToPeriod, importScores, openPeriod, publishPeriod } from "./periods/mutations";
import { acceptSelfScores, saveSheet } from "./sheet/mutations";
import type { SheetSaveResult } from "./types";
import { addEvidence, advance, answerExplanation, appraise, removeEvidence, requestExplanation, selfScore, setAdjustments } from "./mutations";

const fields = (formData: FormData) => Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string"));
const refresh = () => revalidatePath("/danh-gia", "layout");

export async function selfScoreAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await selfScore(await requireActor(), fields(formData));
    refresh();
    return { message: "Đã lưu điểm tự chấm." };
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
    return { message: "Đã lưu điểm thẩm định." };
  });
}

export async function requestExplanationAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await requestExplanation(await requireActor(), fields(formData));
    refresh();
    return { message: "Đã ghi yêu cầu giải trình." };
  });
}

export async function answerExplanationAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await answerExplanation(await requireActor(), fields(formData));
    refresh();
    return { message: "Đã gửi giải trình." };
  });
}

export async function addEvidenceAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const file = await uploadedFile(formData, EVIDENCE_MAX_BYTES, "Chọn tệp minh chứng để tải lên.");
    await addEvidence(await requireActor(), Number(formData.get("criterionScoreId")), file);
    refresh();
    return { message: `Đã tải lên "${file.name}".` };
  });
}

export async function removeEvidenceAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await removeEvidence(await requireActor(), Number(formData.get("fileId")));
    refresh();
    return { message: "Đã xóa tệp minh chứng." };
  });
}

export async function adjustmentsAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await setAdjustments(await requireActor(), fields(formData));
    refresh();
    return { message: "Đã lưu điểm thưởng, điểm trừ." };
  });
}

const STEP_DONE: Record<string, string> = {
  submit: "Đã nộp phiếu tự chấm.",
  requestExplanations: "Đã gửi yêu cầu giải trình cho cơ quan.",
  startRound2: "Đã mở thẩm định vòng 2.",
  finalize: "Đã chốt điểm.",
};

/** The board's steps and writes, worded from the catalogue. */
const doneMessage = (key: "returnForCorrection" | "withdraw" | "notApplicable" | "applicable" | "extended") => libTranslator("errors.scoring.done")(key);

export async function advanceAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await advance(await requireActor(), fields(formData));
    refresh();
    const step = String(formData.get("step"));
    return { message: step === "returnForCorrection" || step === "withdraw" ? doneMessage(step) : STEP_DONE[step] };
  });
}

export async function publishAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await publishPeriod(await requireActor(), fields(formData));
    refresh();
    return { message: "Đã công bố kết quả, xếp hạng và xếp loại các cơ quan." };
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
    const file = await uploadedFile(formData, MAX_IMPORT_BYTES, "Chọn tệp điểm (.xlsx hoặc .csv) để nhập.");
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
        ? `Kiểm tra xong ${result.rows} dòng: ${result.changed} điểm sẽ thay đổi, ${result.unchanged} dòng không đổi. Chưa ghi dữ liệu.`
        : `Đã nhập ${result.rows} dòng: ${result.changed} điểm thay đổi, ${result.unchanged} dòng không đổi.`,
    };
  });
}

export async function notApplicableAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await setNotApplicable(await requireActor(), fields(formData));
    refresh();
    return { message: doneMessage(formData.get("notApplicable") === "1" ? "notApplicable" : "applicable") };
  });
}

export async function extendDeadlineAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await extendDeadline(await requireActor(), fields(formData));
    refresh();
    return { message: doneMessage("extended") };
  });
}
