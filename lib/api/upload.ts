// The one way an upload is accepted, by route handlers and server actions alike: the multipart
// body (a body larger than any allowed file is refused with 413 before it is read), and the file
// of its field — refused when missing or empty, and checked against the size limit of its kind
// (lib/io/upload.ts) before it is read into memory. Lib then checks what is inside.
import { ValidationError } from "@/lib/errors";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { checkFileSize, type Upload } from "@/lib/io/upload";

/** What a multipart envelope adds to the file it carries. */
const ENVELOPE_BYTES = 64 * 1024;

/** A body too large to read: answered 413. */
class PayloadTooLargeError extends Error {
  readonly status = 413;
}

/** The multipart form of a request to a route handler. */
export async function multipartForm(request: Request, limit: number, missing: string): Promise<FormData> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit + ENVELOPE_BYTES) {
    throw new PayloadTooLargeError(libTranslator("errors.files")("bodyTooLarge", { mb: String(Math.round(limit / 1024 / 1024)) }));
  }
  try {
    return await request.formData();
  } catch {
    throw new ValidationError([{ field: "file", message: missing }]);
  }
}

/** The file of a form's field, within the size limit of its kind; `missing` says what to choose. */
export async function uploadedFile(form: FormData, limit: number, missing: string, field = "file"): Promise<Upload> {
  const file = form.get(field);
  if (!(file instanceof File) || file.size === 0) throw new ValidationError([{ field, message: missing }]);
  checkFileSize(file.name, file.size, limit);
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
