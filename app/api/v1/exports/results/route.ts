import type { NextRequest } from "next/server";
import { errorResponse, validationError } from "@/lib/api/responses";
import { CONTENT_TYPES, writeCsv, writeXlsx } from "@/lib/io/table-file";
import { exportResultsTable } from "@/lib/results/queries";
import { exportQuerySchema } from "@/lib/results/schema";

// GET /api/v1/exports/results?index=PAR_INDEX&year=2023&format=csv|xlsx — public, like the
// rankings; the file has the columns of the import, so it also serves as the template.
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const parsed = exportQuerySchema.safeParse({
    index: params.get("index") ?? undefined,
    year: params.get("year") ?? undefined,
    format: params.get("format") || undefined,
  });
  if (!parsed.success) return validationError(parsed.error);
  try {
    const { index, year, format } = parsed.data;
    const table = await exportResultsTable(index, year, format);
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
