import { signedInRoute } from "@/lib/api/route";
import { multipartForm, uploadedFile } from "@/lib/api/upload";
import { parseInput } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/io/table-file";
import { importResults } from "@/lib/results/mutations";
import { dryRunSchema } from "@/lib/results/schema";

// POST /api/v1/imports/results — multipart form: `file` (CSV or XLSX), optional `dryRun=1` (also
// accepted in the query string). Signed in as HOME_AFFAIRS or ADMIN.
export const POST = signedInRoute({}, async ({ request, actor }) => {
  const form = await multipartForm(request, MAX_IMPORT_BYTES, "Gửi tệp dạng multipart/form-data, trường `file`.");
  const file = await uploadedFile(form, MAX_IMPORT_BYTES, "Thiếu tệp: gửi bảng kết quả CSV hoặc XLSX trong trường `file`.");
  const flag = form.get("dryRun");
  const dryRun = parseInput(dryRunSchema, typeof flag === "string" ? flag : request.nextUrl.searchParams.get("dryRun"));
  return Response.json(await importResults(actor, file, { dryRun }));
});
