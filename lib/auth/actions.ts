"use server";
// Sign-in and sign-out entry points for the forms.
import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { databaseUnavailableMessage, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/config";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { inLocale } from "@/lib/i18n/message-locale";
import { pathAfterSignIn } from "./redirect";
import { loginSchema } from "./schema";
import { signIn, signOut, TooManyAttempts } from "./auth";

export type LoginState = {
  error?: string;
  fieldErrors?: Partial<Record<"email" | "password", string>>;
  email?: string;
};

/** Signs in; its messages are in the visitor's language (the cookie: nobody is signed in yet). */
export async function login(previous: LoginState, formData: FormData): Promise<LoginState> {
  const locale = resolveLocale(null, (await cookies()).get(LOCALE_COOKIE)?.value);
  return inLocale(locale, () => attemptLogin(previous, formData));
}

async function attemptLogin(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const t = libTranslator("errors.signIn");
  const raw = { email: formData.get("email") ?? "", password: formData.get("password") ?? "" };
  const parsed = loginSchema.safeParse(raw);
  const email = String(raw.email);
  if (!parsed.success) {
    const fieldErrors: LoginState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as "email" | "password";
      fieldErrors[field] ??= issue.message;
    }
    return { fieldErrors, email };
  }
  const next = String(formData.get("next") ?? "");
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      // Only the portal's own pages: never redirect a user to another site after sign-in.
      redirectTo: pathAfterSignIn(next),
    });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      const cause = (error as AuthError & { cause?: { err?: unknown } }).cause?.err;
      const throttled = error instanceof TooManyAttempts || cause instanceof TooManyAttempts || (error as { code?: string }).code === "throttled";
      if (throttled) {
        const minutes = error instanceof TooManyAttempts ? error.retryAfterMinutes : cause instanceof TooManyAttempts ? cause.retryAfterMinutes : 15;
        return {
          error: t("tooManyAttempts", { minutes }),
          email,
        };
      }
      // Not the user's fault: say so rather than "wrong password".
      if (isDatabaseUnavailable(cause)) return { error: databaseUnavailableMessage(), email };
      return { error: t("wrongCredentials"), email };
    }
    throw error; // the redirect after a successful sign-in
  }
}

export async function logout(): Promise<void> {
  await signOut({ redirectTo: "/dang-nhap" });
}
