import { errorResponse, validationError } from "@/lib/api/responses";
import { requireActor } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/io/table-file";
import { importResults } from "@/lib/results/mutations";
import { dryRunSchema } from "@/lib/results/schema";

// POST /api/v1/imports/results — multipart form: `file` (CSV or XLSX), optional `dryRun=1` (also
// accepted in the query string). Signed in as HOME_AFFAIRS or ADMIN.
export async function POST(request: Request) {
  try {
    const actor = await requireActor();
    // Refuse an oversized body before reading it (the multipart envelope adds a little).
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > MAX_IMPORT_BYTES + 64 * 1024) {
      return Response.json(
        { error: `Tệp lớn hơn giới hạn ${Math.round(MAX_IMPORT_BYTES / 1024 / 1024)} MB.`, issues: [{ field: "file", message: "Tệp quá lớn." }] },
        { status: 413 },
      );
    }
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new ValidationError([{ field: "file", message: "Gửi tệp dạng multipart/form-data, trường `file`." }]);
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      throw new ValidationError([{ field: "file", message: "Thiếu tệp: gửi bảng kết quả CSV hoặc XLSX trong trường `file`." }]);
    }
    const flag = form.get("dryRun");
    const dryRun = dryRunSchema.safeParse(typeof flag === "string" ? flag : new URL(request.url).searchParams.get("dryRun"));
    if (!dryRun.success) return validationError(dryRun.error);
    const outcome = await importResults(actor, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, { dryRun: dryRun.data });
    return Response.json(outcome);
  } catch (error) {
    return errorResponse(error);
  }
}
