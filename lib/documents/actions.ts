"use server";
// The form of /quan-tri/van-ban: actor → lib (which authorizes and validates) → revalidate.
import { revalidatePath } from "next/cache";
import { formFields } from "@/lib/api/form-fields";
import { type ActionResult, runAction } from "@/lib/api/server-action";
import { requireActor } from "@/lib/auth/guard";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { saveDocumentSettings } from "./mutations";
import { DOCUMENT_KINDS } from "./types";

export async function saveDocumentSettingsAction(_: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const fields: Record<string, unknown> = formFields(form);
    fields.symbols = Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, fields[`symbols.${kind}`]]));
    const { provinceName } = await saveDocumentSettings(await requireActor(), fields);
    revalidatePath("/quan-tri/van-ban");
    return { message: libTranslator("errors.documents.settings")("saved", { province: provinceName }) };
  });
}
