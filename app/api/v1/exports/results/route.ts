import { attachmentResponse } from "@/lib/api/responses";
import { publicRoute } from "@/lib/api/route";
import { tableFile } from "@/lib/io/table-file";
import { exportResultsTable } from "@/lib/results/queries";
import { exportQuerySchema } from "@/lib/results/schema";

// GET /api/v1/exports/results?index=PAR_INDEX&year=2023&format=csv|xlsx — public, like the
// rankings; the file has the columns of the import, so it also serves as the template.
export const GET = publicRoute({ query: exportQuerySchema }, async ({ query }) => {
  return attachmentResponse(await tableFile(await exportResultsTable(query.index, query.year, query.format), query.format));
});
