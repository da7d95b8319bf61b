import { accountTemplateFile } from "@/lib/accounts/import/mutations";
import { templateQuerySchema } from "@/lib/agencies/schema";
import { attachmentResponse } from "@/lib/api/responses";
import { signedInRoute } from "@/lib/api/route";
import { CONTENT_TYPES } from "@/lib/io/table-file";

// GET /api/v1/imports/users/template?province=01 — the XLSX template of accounts, the province's agency codes in its list.
export const GET = signedInRoute({ query: templateQuerySchema }, async ({ actor, query }) => {
  const file = await accountTemplateFile(actor, query.province);
  return attachmentResponse({ ...file, contentType: CONTENT_TYPES.xlsx });
});
