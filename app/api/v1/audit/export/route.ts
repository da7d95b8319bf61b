import type { NextRequest } from "next/server";
import { errorResponse, validationError } from "@/lib/api/responses";
import { auditExport } from "@/lib/audit/queries";
import { auditExportSchema, auditFiltersSchema } from "@/lib/audit/schema";
import { requireActor } from "@/lib/auth/guard";
import { CONTENT_TYPES, streamCsv, streamXlsx } from "@/lib/io/table-file";

// GET /api/v1/audit/export?user=&entity=&entityId=&from=2026-01-01&to=2026-01-31&provinceId=&format=xlsx|csv
// — the audit log as shown on /nhat-ky, for administrators and Home Affairs staff (their province).
export async function GET(request: NextRequest) {
  try {
    const actor = await requireActor();
    const search = Object.fromEntries(request.nextUrl.searchParams);
    const filters = auditFiltersSchema.safeParse(search);
    if (!filters.success) return validationError(filters.error);
    const format = auditExportSchema.safeParse(search);
    if (!format.success) return validationError(format.error);
    const table = await auditExport(actor, filters.data);
    const kind = format.data.format;
    // Streamed: a large log never sits whole in memory, and the server answers others meanwhile.
    const body = kind === "csv" ? streamCsv(table.columns, table.batches()) : streamXlsx(table.sheetName, table.columns, table.batches());
    return new Response(body, {
      headers: {
        "Content-Type": CONTENT_TYPES[kind],
        "Content-Disposition": `attachment; filename="${table.fileName}.${kind}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
