// What every server action returns to its form, and the one wrapper that turns lib's errors
// into that shape (so no action can forget to catch them or leak a stack trace).
import { databaseUnavailableMessage, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { ConflictError, type Issue, ValidationError } from "@/lib/errors";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { inLocale } from "@/lib/i18n/message-locale";

export type ActionResult<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; error: string; issues?: Issue[]; fieldErrors?: Record<string, string>; current?: unknown };

/** Runs an action's work with lib's messages in the user's language (lib/i18n/message-locale.ts). */
// biome-ignore lint/suspicious/noConfusingVoidType: an action's work may return nothing (Promise<void>) or a message.
export async function runAction<T>(work: () => Promise<{ message?: string; data?: T } | void>): Promise<ActionResult<T>> {
  // Loaded here, not at the top: reading the account's language loads Auth.js, which this module
  // (imported for its types by client components and by tests) must not.
  const locale = await import("@/lib/preferences/queries").then(({ localeOfRequest }) => localeOfRequest()).catch(() => DEFAULT_LOCALE);
  return inLocale(locale, () => attempt(work));
}

// biome-ignore lint/suspicious/noConfusingVoidType: as runAction.
async function attempt<T>(work: () => Promise<{ message?: string; data?: T } | void>): Promise<ActionResult<T>> {
  try {
    const done = (await work()) ?? {};
    return { ok: true, ...done };
  } catch (error) {
    if (error instanceof ValidationError) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of error.issues) if (issue.field && !fieldErrors[issue.field]) fieldErrors[issue.field] = issue.message;
      return { ok: false, error: error.message, issues: error.issues, fieldErrors };
    }
    if (error instanceof ConflictError) return { ok: false, error: error.message, current: error.current };
    const status = (error as { status?: unknown })?.status;
    if (typeof status === "number" && status >= 400 && status < 500) return { ok: false, error: (error as Error).message };
    // Next's redirect() and notFound() are control flow, not failures.
    if ((error as { digest?: unknown })?.digest) throw error;
    if (isDatabaseUnavailable(error)) return { ok: false, error: databaseUnavailableMessage() };
    console.error(error);
    return { ok: false, error: libTranslator("errors.generic")("server") };
  }
}
