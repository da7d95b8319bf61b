import type { NextRequest } from "next/server";
import { errorResponse, validationError } from "@/lib/api/responses";
import { CONTENT_TYPES, writeCsv, writeXlsx } from "@/lib/io/table-file";
import { exportRanking } from "@/lib/results/queries";
import { rankingExportQuerySchema } from "@/lib/results/schema";

// GET /api/v1/rankings/export?index=PAR_INDEX&year=2023&region=DBSH&format=csv|xlsx — public:
// the table of /xep-hang as shown (for the import format, see /api/v1/exports/results).
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const parsed = rankingExportQuerySchema.safeParse({
    index: params.get("index") ?? undefined,
    year: params.get("year") ?? undefined,
    region: params.get("region") ?? undefined,
    format: params.get("format") || undefined,
  });
  if (!parsed.success) return validationError(parsed.error);
  try {
    const { index, year, region, format } = parsed.data;
    const table = await exportRanking(index, year, region, format);
    const body = format === "csv" ? writeCsv(table.columns, table.rows) : new Uint8Array(await writeXlsx(table.sheetName, table.columns, table.rows));
    return new Response(body, {
      headers: {
        "Content-Type": CONTENT_TYPES[format],
        "Content-Disposition": `attachment; filename="${table.fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
