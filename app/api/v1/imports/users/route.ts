import { importAccounts } from "@/lib/accounts/import/mutations";
import { importOptionsSchema } from "@/lib/agencies/schema";
import { portalOrigin } from "@/lib/api/origin";
import { signedInRoute } from "@/lib/api/route";
import { multipartForm, uploadedFile } from "@/lib/api/upload";
import { parseInput } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/io/table-file";

// POST /api/v1/imports/users — multipart: `file` (the template), optional `dryRun=1` and `province`.
// Each new account's invitation link is in the answer.
export const POST = signedInRoute({}, async ({ request, actor }) => {
  const form = await multipartForm(request, MAX_IMPORT_BYTES, "Gửi tệp dạng multipart/form-data, trường `file`.");
  const file = await uploadedFile(form, MAX_IMPORT_BYTES, "Thiếu tệp: gửi danh sách tài khoản (mẫu XLSX) trong trường `file`.");
  const field = (name: string) => (form.get(name) as string | null) ?? request.nextUrl.searchParams.get(name) ?? "";
  const options = parseInput(importOptionsSchema, { dryRun: field("dryRun"), province: field("province") });
  const outcome = await importAccounts(actor, file, options);
  const origin = portalOrigin(request.url);
  return Response.json({
    ...outcome,
    invitations: outcome.invitations.map((i) => ({ email: i.email, name: i.name, link: `${origin}${i.invitation.path}`, expiresAt: i.invitation.expiresAt })),
  });
});
