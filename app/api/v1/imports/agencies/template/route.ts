import { agencyTemplateFile } from "@/lib/agencies/import/mutations";
import { templateQuerySchema } from "@/lib/agencies/schema";
import { attachmentResponse } from "@/lib/api/responses";
import { signedInRoute } from "@/lib/api/route";
import { CONTENT_TYPES } from "@/lib/io/table-file";

// GET /api/v1/imports/agencies/template?province=01 — the XLSX template to fill (sheet, instructions, drop-down lists).
export const GET = signedInRoute({ query: templateQuerySchema }, async ({ actor, query }) => {
  const file = await agencyTemplateFile(actor, query.province);
  return attachmentResponse({ ...file, contentType: CONTENT_TYPES.xlsx });
});
