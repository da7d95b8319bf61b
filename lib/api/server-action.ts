// What every server action returns to its form, and the one wrapper that turns lib's errors
// into that shape (so no action can forget to catch them or leak a stack trace).
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { ConflictError, type Issue, ValidationError } from "@/lib/errors";

export type ActionResult<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; error: string; issues?: Issue[]; fieldErrors?: Record<string, string>; current?: unknown };

export async function runAction<T>(work: () => Promise<{ message?: string; data?: T } | void>): Promise<ActionResult<T>> {
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
    if (isDatabaseUnavailable(error)) return { ok: false, error: DATABASE_UNAVAILABLE_MESSAGE };
    console.error(error);
    return { ok: false, error: "Lỗi máy chủ. Vui lòng thử lại sau." };
  }
}
