"use server";
// Server-action entry points of the results forms: the entry form and the import (preview, commit).
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/api/server-action";
import { requireActor } from "@/lib/auth/guard";
import { uploadedFile } from "@/lib/api/upload";
import { MAX_IMPORT_BYTES } from "@/lib/io/table-file";
import { importResults, saveResult } from "./mutations";
import type { ImportOutcome } from "./types";
import { libTranslator } from "@/lib/i18n/lib-translator";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** Inputs named "components.CODE" and "fieldScores.ID" become records. */
function record(formData: FormData, prefix: string): Record<string, string> {
  const entries: [string, string][] = [];
  for (const [name, value] of formData.entries()) {
    if (name.startsWith(prefix) && typeof value === "string") entries.push([name.slice(prefix.length), value]);
  }
  return Object.fromEntries(entries);
}

export type SaveResultData = { id: number; version: number };

export async function saveResultAction(_previous: ActionResult<SaveResultData> | null, formData: FormData): Promise<ActionResult<SaveResultData>> {
  return runAction(async () => {
    const actor = await requireActor();
    const saved = await saveResult(actor, {
      id: text(formData, "id"),
      version: text(formData, "version"),
      indexCode: text(formData, "indexCode"),
      year: text(formData, "year"),
      provinceId: text(formData, "provinceId"),
      score: text(formData, "score"),
      officialRank: text(formData, "officialRank"),
      source: text(formData, "source"),
      note: text(formData, "note"),
      components: record(formData, "components."),
      fieldScores: record(formData, "fieldScores."),
    });
    revalidatePath("/ket-qua");
    revalidatePath("/xep-hang");
    return { message: libTranslator("errors.results")(saved.created ? "savedNew" : "savedChange"), data: { id: saved.id, version: saved.version } };
  });
}

/** Preview (intent=preview, writes nothing) or commit (intent=commit) of an uploaded national table. */
export async function importResultsAction(_previous: ActionResult<ImportOutcome> | null, formData: FormData): Promise<ActionResult<ImportOutcome>> {
  return runAction(async () => {
    const actor = await requireActor();
    const file = await uploadedFile(formData, MAX_IMPORT_BYTES, libTranslator("errors.results")("chooseFile"));
    const dryRun = text(formData, "intent") !== "commit";
    const outcome = await importResults(actor, file, { dryRun });
    if (!dryRun) {
      revalidatePath("/ket-qua");
      revalidatePath("/xep-hang");
    }
    const { new: added, updated, unchanged } = outcome.summary;
    return {
      message: dryRun
        ? libTranslator("errors.results")("importPreview", { year: outcome.year, added, updated, unchanged })
        : libTranslator("errors.results")("imported", { year: outcome.year, added, updated, unchanged }),
      data: outcome,
    };
  });
}
