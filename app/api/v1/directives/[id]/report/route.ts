import type { NextRequest } from "next/server";
import { z } from "@/lib/validation/zod";
import { idParam } from "@/lib/api/params";
import { errorResponse, validationError } from "@/lib/api/responses";
import { requireActor } from "@/lib/auth/guard";
import { compiledReportTable } from "@/lib/directives/reports/queries";
import { CONTENT_TYPES, writeCsv, writeXlsx } from "@/lib/io/table-file";

const querySchema = z.object({
  period: z
    .string()
    .trim()
    .regex(/^\d{4}(-(Q[1-4]|H[12]))?$/, "Tham số period là một kỳ báo cáo như 2019-Q1, 2019-H1 hoặc 2019; bỏ trống để lấy mọi kỳ.")
    .optional(),
  format: z.enum(["xlsx", "csv"], { error: "Tham số format phải là xlsx hoặc csv." }).default("xlsx"),
});

// GET /api/v1/directives/:id/report?period=2019-Q1&format=xlsx|csv — the compiled periodic
// reports of a directive (who reported what, who has not), for staff and leaders of its province.
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const search = request.nextUrl.searchParams;
  const parsed = querySchema.safeParse({ period: search.get("period") || undefined, format: search.get("format") || undefined });
  if (!parsed.success) return validationError(parsed.error);
  try {
    const actor = await requireActor();
    const table = await compiledReportTable(actor, idParam((await params).id), parsed.data.period ?? null);
    const { format } = parsed.data;
    const body = format === "csv" ? writeCsv(table.columns, table.rows) : new Uint8Array(await writeXlsx(table.sheetName, table.columns, table.rows));
    return new Response(body, {
      headers: {
        "Content-Type": CONTENT_TYPES[format],
        "Content-Disposition": `attachment; filename="${table.fileName}.${format}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
