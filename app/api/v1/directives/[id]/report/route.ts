import { idParam } from "@/lib/api/params";
import { attachmentResponse } from "@/lib/api/responses";
import { signedInRoute } from "@/lib/api/route";
import { compiledReportTable } from "@/lib/directives/reports/queries";
import { reportQuerySchema } from "@/lib/directives/schema";
import { tableFile } from "@/lib/io/table-file";

// GET /api/v1/directives/:id/report?period=2019-Q1&format=xlsx|csv — the compiled periodic
// reports of a directive (who reported what, who has not), for staff and leaders of its province.
export const GET = signedInRoute({ query: reportQuerySchema }, async ({ actor, params, query }) => {
  const table = await compiledReportTable(actor, idParam(params.id), query.period ?? null);
  return attachmentResponse(await tableFile(table, query.format));
});
