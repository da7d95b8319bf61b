// How the JSON API reports problems: { error, issues? } with the right status, never a 500
// for something the caller can fix.
import type { z } from "zod";

export type ApiIssue = { field: string; message: string };

export function validationError(error: z.ZodError): Response {
  const issues: ApiIssue[] = error.issues.map((issue) => ({ field: issue.path.join(".") || "(body)", message: issue.message }));
  return Response.json({ error: issues.map((i) => i.message).join(" "), issues }, { status: 400 });
}

/** Maps errors thrown by lib (each carries its HTTP status) to a response; anything else is a 500. */
export function errorResponse(error: unknown): Response {
  const status = (error as { status?: unknown })?.status;
  if (typeof status === "number" && status >= 400 && status < 500) {
    return Response.json({ error: (error as Error).message }, { status });
  }
  console.error(error);
  return Response.json({ error: "Lỗi máy chủ. Vui lòng thử lại sau." }, { status: 500 });
}
