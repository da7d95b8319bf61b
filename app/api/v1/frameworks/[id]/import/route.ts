import { signedInRoute } from "@/lib/api/route";
import { multipartForm, uploadedFile } from "@/lib/api/upload";
import { importTree } from "@/lib/frameworks/criteria/mutations";
import { MAX_IMPORT_BYTES } from "@/lib/io/table-file";

// POST /api/v1/frameworks/:id/import (multipart: file, revision) — replaces the criteria tree, all or nothing.
// A framework in use gets a new version instead: the answer names it.
export const POST = signedInRoute({}, async ({ request, actor, params }) => {
  const form = await multipartForm(request, MAX_IMPORT_BYTES, "Gửi tệp dạng multipart/form-data với trường file và revision.");
  const file = await uploadedFile(form, MAX_IMPORT_BYTES, "Thiếu tệp (trường file): chọn tệp .csv hoặc .xlsx.");
  return Response.json(await importTree(actor, { frameworkId: params.id, revision: form.get("revision"), fileName: file.name, data: file.bytes }));
});
