"use server";
// Sign-in and sign-out entry points for the forms.
import { AuthError } from "next-auth";
import { databaseUnavailableMessage, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { pathAfterSignIn } from "./redirect";
import { loginSchema } from "./schema";
import { signIn, signOut, TooManyAttempts } from "./auth";

export type LoginState = {
  error?: string;
  fieldErrors?: Partial<Record<"email" | "password", string>>;
  email?: string;
};

export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
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
          error: `Đăng nhập sai quá nhiều lần. Tài khoản tạm khóa, vui lòng thử lại sau ${minutes} phút.`,
          email,
        };
      }
      // Not the user's fault: say so rather than "wrong password".
      if (isDatabaseUnavailable(cause)) return { error: databaseUnavailableMessage(), email };
      return { error: "Email hoặc mật khẩu không đúng. Vui lòng kiểm tra lại.", email };
    }
    throw error; // the redirect after a successful sign-in
  }
}

export async function logout(): Promise<void> {
  await signOut({ redirectTo: "/dang-nhap" });
}
