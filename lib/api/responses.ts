// How the JSON API reports problems: { error, issues?, current? } with the right status, never a
// 500 for something the caller can fix.
import { databaseUnavailableMessage, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { ConflictError, ValidationError } from "@/lib/errors";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { nameForType } from "@/lib/storage/files";

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
    return Response.json({ error: databaseUnavailableMessage() }, { status: 503, headers: { "Retry-After": "10" } });
  }
  console.error(error);
  return Response.json({ error: libTranslator("errors.generic")("server") }, { status: 500 });
}

/**
 * `attachment` with the file's name: as it is when it is plain ASCII, else an ASCII stand-in for
 * old clients and the UTF-8 name (RFC 6266) that browsers use.
 */
function contentDisposition(fileName: string): string {
  if (/^[\x20-\x7e]*$/.test(fileName) && !/["\\]/.test(fileName)) return `attachment; filename="${fileName}"`;
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

type Download = { body: Uint8Array | string | ReadableStream<Uint8Array>; fileName: string; contentType: string };

/** Never rendered inline, never sniffed into another type, never cached by shared caches. */
function download(file: Download, disposition: string): Response {
  const body = typeof file.body === "string" ? Buffer.from(file.body, "utf8") : file.body;
  // A streamed body's length is known only at its end.
  const length: Record<string, string> = body instanceof ReadableStream ? {} : { "Content-Length": String(body.length) };
  return new Response(body instanceof ReadableStream ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": file.contentType,
      ...length,
      "Content-Disposition": disposition,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/** The one way to answer a download the portal writes (an exported table, a report), whole or streamed. */
export function attachmentResponse(file: Download): Response {
  return download(file, contentDisposition(file.fileName));
}

/**
 * A file a user uploaded (evidence, a directive's file): named with the extension of its real type
 * (files stored before names were fixed too), and only in the UTF-8 form, so that no uploaded
 * name is ever quoted into a header.
 */
export function storedFileResponse(body: Uint8Array, file: { fileName: string; contentType: string }): Response {
  return download({ ...file, body }, `attachment; filename*=UTF-8''${encodeURIComponent(nameForType(file.fileName, file.contentType))}`);
}
