import { attachmentResponse } from "@/lib/api/responses";
import { publicRoute } from "@/lib/api/route";
import { tableFile } from "@/lib/io/table-file";
import { exportRanking } from "@/lib/results/queries";
import { rankingExportQuerySchema } from "@/lib/results/schema";

// GET /api/v1/rankings/export?index=PAR_INDEX&year=2023&region=DBSH&format=csv|xlsx — public:
// the table of /xep-hang as shown (for the import format, see /api/v1/exports/results).
export const GET = publicRoute({ query: rankingExportQuerySchema }, async ({ query }) => {
  return attachmentResponse(await tableFile(await exportRanking(query.index, query.year, query.region), query.format));
});
