// How the JSON API reports problems: { error, issues?, current? } with the right status, never a
// 500 for something the caller can fix.
import type { z } from "zod";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { ConflictError, issuesFromZod, ValidationError } from "@/lib/errors";
import { nameForType } from "@/lib/storage/files";

export function validationError(error: z.ZodError): Response {
  const issues = issuesFromZod(error);
  return Response.json({ error: issues.map((i) => i.message).join(" "), issues }, { status: 400 });
}

/**
 * Maps errors thrown by lib (each carries its HTTP status) to a response; the database being down
 * or restarting is a 503 the client may retry; anything else is a 500.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof ValidationError) {
    return Response.json({ error: error.message, issues: error.issues }, { status: 400 });
  }
  if (error instanceof ConflictError) {
    return Response.json({ error: error.message, current: error.current }, { status: 409 });
  }
  const status = (error as { status?: unknown })?.status;
  if (typeof status === "number" && status >= 400 && status < 500) {
    return Response.json({ error: (error as Error).message }, { status });
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`database unavailable: ${(error as Error)?.message ?? error}`);
    return Response.json({ error: DATABASE_UNAVAILABLE_MESSAGE }, { status: 503, headers: { "Retry-After": "10" } });
  }
  console.error(error);
  return Response.json({ error: "Lỗi máy chủ. Vui lòng thử lại sau." }, { status: 500 });
}

/** A stored file as a download: never rendered inline, never cached by shared caches, named as its type (files stored before names were fixed too). */
export function attachmentResponse(body: Uint8Array, file: { fileName: string; contentType: string }): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(body.length),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(nameForType(file.fileName, file.contentType))}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
