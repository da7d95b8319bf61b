"use server";
// Form entry points of agency administration: actor → lib (which authorizes and validates) → revalidate.
import { revalidatePath } from "next/cache";
import { formFields } from "@/lib/api/form-fields";
import { runAction, type ActionResult } from "@/lib/api/server-action";
import { uploadedFile } from "@/lib/api/upload";
import { requireActor } from "@/lib/auth/guard";
import { MAX_IMPORT_BYTES } from "@/lib/io/table-file";
import { importAgencies } from "./import/mutations";
import { createAgency, deleteAgency, mergeAgencies, splitAgency, updateAgency } from "./mutations";
import type { AgencyImportOutcome } from "./types";
import { libTranslator } from "@/lib/i18n/lib-translator";

const t = () => libTranslator("errors.agencies");

type State = ActionResult | null;
const refresh = () => revalidatePath("/quan-tri/co-quan", "layout");
/** Optional fields left empty in a form mean "none" (the API leaves out what does not change). */
const EDITABLE = ["shortName", "peerGroup", "contactEmail", "contactPhone", "validTo"];

export async function createAgencyAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const created = await createAgency(await requireActor(), formFields(form));
    refresh();
    return { message: t()("added", { name: created.name }) };
  });
}

export async function updateAgencyAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const fields = formFields(form);
    for (const name of EDITABLE) fields[name] ??= "";
    const id = Number(fields.id);
    delete fields.id;
    const saved = await updateAgency(await requireActor(), Number.isInteger(id) ? id : -1, fields);
    refresh();
    return { message: t()("saved", { name: saved.name }) };
  });
}

export async function deleteAgencyAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await deleteAgency(await requireActor(), formFields(form));
    refresh();
    return { message: t()("deleted") };
  });
}

/** Several into one (into an existing agency when `intoId` is chosen, else a new one from `into.*`). */
export async function mergeAgenciesAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const fields = formFields(form, ["sourceIds"]);
    const into = Object.fromEntries(
      Object.entries(fields)
        .filter(([k]) => k.startsWith("into."))
        .map(([k, v]) => [k.slice(5), v]),
    );
    const input = { ...fields, into: fields.intoId ? undefined : into };
    const successor = await mergeAgencies(await requireActor(), input);
    refresh();
    return { message: t()("merged", { name: successor.name }) };
  });
}

export async function splitAgencyAction(_: State, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const fields = formFields(form);
    // A form offers more parts than a split may need: the ones left empty are no part.
    const parts = Array.isArray(fields.parts) ? (fields.parts as Record<string, string>[]).filter((part) => part.code || part.name) : fields.parts;
    const created = await splitAgency(await requireActor(), { ...fields, parts });
    refresh();
    return { message: t()("split", { names: created.map((p) => p.name).join(", ") }) };
  });
}

export async function importAgenciesAction(_: ActionResult<AgencyImportOutcome> | null, form: FormData): Promise<ActionResult<AgencyImportOutcome>> {
  return runAction(async () => {
    const file = await uploadedFile(form, MAX_IMPORT_BYTES, t()("chooseImportFile"));
    const dryRun = form.get("intent") !== "commit";
    const outcome = await importAgencies(await requireActor(), file, { dryRun, province: (form.get("province") as string | null) || null });
    if (!dryRun) refresh();
    const { new: added, updated, unchanged } = outcome.summary;
    return {
      message: t()(dryRun ? "previewDone" : "imported", { added, updated, unchanged }),
      data: outcome,
    };
  });
}
