"use server";
// Form entry point of the province's own PAR INDEX self-assessment: actor → lib (which authorizes) →
// revalidate → the self-assessment's sheet.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/api/server-action";
import { requireActor } from "@/lib/auth/guard";
import { openSelfAssessment } from "./mutations";

const fields = (formData: FormData) => Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string"));

export async function openSelfAssessmentAction(_: ActionResult | null, formData: FormData): Promise<ActionResult> {
  let assessmentId = 0;
  const result = await runAction(async () => {
    ({ assessmentId } = await openSelfAssessment(await requireActor(), fields(formData)));
    revalidatePath("/danh-gia", "layout");
  });
  if (result.ok) redirect(`/danh-gia/phieu/${assessmentId}`);
  return result;
}
