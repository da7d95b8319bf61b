"use server";
// Form entry points of the password pages: set a password through a link (public), forgot my
// password (public, the same answer for every e-mail), change one's own password and profile.
import { headers } from "next/headers";
import { runAction, type ActionResult } from "@/lib/api/server-action";
import { requireActor } from "@/lib/auth/guard";
import { clientIp } from "@/lib/auth/throttle";
import { updateOwnProfile } from "../mutations";
import { changeOwnPassword, forgotPassword, setPasswordWithLink } from "./mutations";
import { forgotAnswer } from "./rules";
import { libTranslator } from "@/lib/i18n/lib-translator";

type State = ActionResult<{ email: string; next: string }> | null;
const text = (form: FormData, name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : "");

export async function setPasswordAction(_: State, form: FormData): Promise<ActionResult<{ email: string; next: string }>> {
  return runAction(async () => {
    const done = await setPasswordWithLink({ token: text(form, "token"), password: text(form, "password") });
    return { message: libTranslator("errors.accounts")("passwordSet"), data: done };
  });
}

export async function forgotPasswordAction(_: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await forgotPassword({ email: text(form, "email") }, clientIp(await headers()));
    return { message: forgotAnswer().message };
  });
}

export async function changePasswordAction(_: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await changeOwnPassword(await requireActor(), { currentPassword: text(form, "currentPassword"), newPassword: text(form, "newPassword") });
    return { message: libTranslator("errors.accounts")("passwordChanged") };
  });
}

export async function updateProfileAction(_: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await updateOwnProfile(await requireActor(), { version: text(form, "version"), name: text(form, "name"), phone: text(form, "phone") });
    return { message: libTranslator("errors.accounts")("profileSaved") };
  });
}
