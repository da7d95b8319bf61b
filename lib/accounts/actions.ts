"use server";
// Form entry points of account administration: actor → lib (which authorizes and validates) →
// revalidate. Links come back as full addresses to copy.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { formFields } from "@/lib/api/form-fields";
import { portalOriginOf } from "@/lib/api/origin";
import { runAction, type ActionResult } from "@/lib/api/server-action";
import { uploadedFile } from "@/lib/api/upload";
import { requireActor } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/io/table-file";
import { importAccounts, invitationsWorkbook } from "./import/mutations";
import { createAccount, deleteAccount, resetAccountPassword, unlockAccount, updateAccount } from "./mutations";
import { libTranslator } from "@/lib/i18n/lib-translator";

type State = ActionResult<LinkData> | null;
/** A link to hand over: its full address and when it stops working (ISO). */
export type LinkData = { link: string; expiresAt: string; email?: string };

const t = () => libTranslator("errors.accounts");
const origin = async () => portalOriginOf(await headers());
const refresh = () => revalidatePath("/quan-tri/tai-khoan", "layout");

export async function createAccountAction(_: State, form: FormData): Promise<ActionResult<LinkData>> {
  return runAction(async () => {
    const created = await createAccount(await requireActor(), formFields(form));
    refresh();
    return {
      message: t()("created", { email: created.email }),
      data: { link: `${await origin()}${created.invitation.path}`, expiresAt: created.invitation.expiresAt.toISOString(), email: created.email },
    };
  });
}

export async function updateAccountAction(_: State, form: FormData): Promise<ActionResult<LinkData>> {
  return runAction(async () => {
    const fields = formFields(form);
    const id = Number(fields.id);
    delete fields.id;
    const saved = await updateAccount(await requireActor(), Number.isInteger(id) ? id : -1, fields);
    refresh();
    return { message: t()(saved.status === "disabled" ? "savedDisabled" : "saved", { email: saved.email }) };
  });
}

/** The buttons of an account's row: a new link (reset), unlock, delete. */
export async function accountCommandAction(_: State, form: FormData): Promise<ActionResult<LinkData>> {
  return runAction(async () => {
    const actor = await requireActor();
    const id = Number(form.get("id"));
    const account = Number.isInteger(id) ? id : -1;
    switch (form.get("intent")) {
      case "reset": {
        const link = await resetAccountPassword(actor, account);
        refresh();
        return {
          message: t()("linkIssued"),
          data: { link: `${await origin()}${link.path}`, expiresAt: link.expiresAt.toISOString() },
        };
      }
      case "unlock":
        await unlockAccount(actor, account);
        refresh();
        return { message: t()("unlocked") };
      case "delete":
        await deleteAccount(actor, { id: form.get("id"), version: form.get("version") });
        refresh();
        return { message: t()("deleted") };
      default:
        throw new ValidationError([{ field: "intent", message: t()("badIntent") }]);
    }
  });
}

export type AccountImportData = Awaited<ReturnType<typeof importAccounts>> & { linksFile?: string; origin: string };

/** Dry run (intent=preview) or import (intent=commit); the invitations come back with a workbook of them (base64). */
export async function importAccountsAction(_: ActionResult<AccountImportData> | null, form: FormData): Promise<ActionResult<AccountImportData>> {
  return runAction(async () => {
    const file = await uploadedFile(form, MAX_IMPORT_BYTES, t()("chooseImportFile"));
    const dryRun = form.get("intent") !== "commit";
    const outcome = await importAccounts(await requireActor(), file, { dryRun, province: (form.get("province") as string | null) || null });
    const base = await origin();
    if (dryRun)
      return {
        message: t()("previewDone", { added: outcome.summary.new, unchanged: outcome.summary.unchanged }),
        data: { ...outcome, origin: base },
      };
    refresh();
    const linksFile = outcome.invitations.length ? (await invitationsWorkbook(outcome.invitations, base)).toString("base64") : undefined;
    return { message: t()("imported", { added: outcome.summary.new }), data: { ...outcome, linksFile, origin: base } };
  });
}
