"use server";
// The jobs page's buttons: parse → actor → lib (which authorizes and audits) → revalidate.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/api/server-action";
import { requireActor } from "@/lib/auth/guard";
import { messageLocale } from "@/lib/i18n/message-locale";
import { translator } from "@/lib/i18n/translator";
import { retryFailedJob, runDeadlineScanNow } from "./mutations";

export async function retryJobAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await retryFailedJob(await requireActor(), { queue: formData.get("queue"), id: formData.get("id") });
    revalidatePath("/quan-tri/tac-vu");
    return { message: translator(messageLocale(), "notifications.jobs")("retried") };
  });
}

export async function runDeadlineScanAction(_: ActionResult | null, _formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await runDeadlineScanNow(await requireActor());
    revalidatePath("/quan-tri/tac-vu");
    return { message: translator(messageLocale(), "notifications.jobs")("scanQueued") };
  });
}
