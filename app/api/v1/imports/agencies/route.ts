import { importAgencies } from "@/lib/agencies/import/mutations";
import { importOptionsSchema } from "@/lib/agencies/schema";
import { signedInRoute } from "@/lib/api/route";
import { multipartForm, uploadedFile } from "@/lib/api/upload";
import { parseInput } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/io/table-file";

// POST /api/v1/imports/agencies — multipart: `file` (the template, XLSX or CSV), optional `dryRun=1`
// and `province` (an administrator's choice; Home Affairs staff import into their own).
export const POST = signedInRoute({}, async ({ request, actor }) => {
  const form = await multipartForm(request, MAX_IMPORT_BYTES, "Gửi tệp dạng multipart/form-data, trường `file`.");
  const file = await uploadedFile(form, MAX_IMPORT_BYTES, "Thiếu tệp: gửi danh sách cơ quan (mẫu XLSX) trong trường `file`.");
  const field = (name: string) => (form.get(name) as string | null) ?? request.nextUrl.searchParams.get(name) ?? "";
  const options = parseInput(importOptionsSchema, { dryRun: field("dryRun"), province: field("province") });
  return Response.json(await importAgencies(actor, file, options));
});
