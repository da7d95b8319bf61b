import type { NextRequest } from "next/server";
import { idParam, optionalIdParam } from "@/lib/api/params";
import { requireActor } from "@/lib/auth/guard";
import { errorResponse } from "@/lib/api/responses";
import { exportScores } from "@/lib/assessments/periods/queries";
import { importScores } from "@/lib/assessments/periods/mutations";
import { ValidationError } from "@/lib/errors";
import { CONTENT_TYPES, formatOf, MAX_IMPORT_BYTES } from "@/lib/io/table-file";

type Params = { params: Promise<{ id: string }> };

// GET /api/v1/assessment-periods/:id/scores?format=xlsx|csv[&assessmentId=] — the scores as a file.
export async function GET(request: NextRequest, { params }: Params) {
  try {
    const actor = await requireActor();
    const format = request.nextUrl.searchParams.get("format") ?? "xlsx";
    if (format !== "xlsx" && format !== "csv") throw new ValidationError([{ field: "format", message: "format phải là xlsx hoặc csv." }]);
    const { body, fileName } = await exportScores(actor, {
      periodId: idParam((await params).id),
      assessmentId: optionalIdParam(request.nextUrl.searchParams.get("assessmentId")),
      format,
    });
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": CONTENT_TYPES[format],
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

// POST /api/v1/assessment-periods/:id/scores (multipart: file, optional dryRun=1, assessmentId)
export async function POST(request: NextRequest, { params }: Params) {
  try {
    const actor = await requireActor();
    const form = await request.formData().catch(() => {
      throw new ValidationError([{ field: "file", message: "Gửi tệp dạng multipart/form-data với trường file." }]);
    });
    const file = form.get("file");
    if (!(file instanceof File)) throw new ValidationError([{ field: "file", message: "Thiếu tệp (trường file): chọn tệp .xlsx hoặc .csv." }]);
    const format = formatOf(file.name);
    if (!format) throw new ValidationError([{ field: "file", message: "Tệp phải có đuôi .xlsx hoặc .csv." }]);
    if (file.size > MAX_IMPORT_BYTES) throw new ValidationError([{ field: "file", message: `Tệp lớn hơn ${MAX_IMPORT_BYTES / 1024 / 1024} MB: tách thành nhiều tệp.` }]);
    const result = await importScores(actor, {
      periodId: idParam((await params).id),
      assessmentId: optionalIdParam(typeof form.get("assessmentId") === "string" ? (form.get("assessmentId") as string) : null),
      data: new Uint8Array(await file.arrayBuffer()),
      format,
      dryRun: form.get("dryRun") === "1" || request.nextUrl.searchParams.get("dryRun") === "1",
    });
    return Response.json(result);
  } catch (error) {
    return errorResponse(error);
  }
}
