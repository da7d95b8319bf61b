import { attachmentResponse } from "@/lib/api/responses";
import { signedInRoute } from "@/lib/api/route";
import { auditExport } from "@/lib/audit/queries";
import { auditExportQuerySchema } from "@/lib/audit/schema";
import { tableStream } from "@/lib/io/table-file";

// GET /api/v1/audit/export?user=&entity=&entityId=&from=2026-01-01&to=2026-01-31&provinceId=&format=xlsx|csv
// — the audit log as shown on /nhat-ky, for administrators and Home Affairs staff (their province).
export const GET = signedInRoute({ query: auditExportQuerySchema }, async ({ actor, query }) => {
  return attachmentResponse(tableStream(await auditExport(actor, query), query.format));
});
