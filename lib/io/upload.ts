// Files people send (an imported table, an evidence file): the one check of their size, applied
// where a file enters — the upload of a route or a form (lib/api/upload.ts) and the evidence store.
import { ValidationError } from "@/lib/errors";
import { libTranslator } from "@/lib/i18n/lib-translator";

/** A file as a form sends it. */
export type Upload = { name: string; bytes: Uint8Array };

/** Throws a ValidationError on the `file` field when the file is larger than the limit of its kind. */
export function checkFileSize(name: string, size: number, limit: number): void {
  if (size <= limit) return;
  throw new ValidationError([{ field: "file", message: libTranslator("errors.files")("tooLarge", { name, mb: String(Math.round(limit / 1024 / 1024)) }) }]);
}
