import { idParam, optionalIdParam } from "@/lib/api/params";
import { attachmentResponse } from "@/lib/api/responses";
import { signedInRoute } from "@/lib/api/route";
import { multipartForm, uploadedFile } from "@/lib/api/upload";
import { importScores } from "@/lib/assessments/periods/mutations";
import { exportScores } from "@/lib/assessments/periods/queries";
import { scoresFileQuerySchema } from "@/lib/assessments/schema";
import { CONTENT_TYPES, MAX_IMPORT_BYTES, tableFormatOf } from "@/lib/io/table-file";

// GET /api/v1/assessment-periods/:id/scores?format=xlsx|csv[&assessmentId=] — the scores as a file.
export const GET = signedInRoute({ query: scoresFileQuerySchema }, async ({ actor, params, query }) => {
  const { body, fileName } = await exportScores(actor, {
    periodId: idParam(params.id),
    assessmentId: optionalIdParam(query.assessmentId),
    format: query.format,
  });
  return attachmentResponse({ body, fileName, contentType: CONTENT_TYPES[query.format] });
});

// POST /api/v1/assessment-periods/:id/scores (multipart: file, optional dryRun=1, assessmentId)
export const POST = signedInRoute({}, async ({ request, actor, params }) => {
  const form = await multipartForm(request, MAX_IMPORT_BYTES, "Gửi tệp dạng multipart/form-data với trường file.");
  const file = await uploadedFile(form, MAX_IMPORT_BYTES, "Thiếu tệp (trường file): chọn tệp .xlsx hoặc .csv.");
  const assessmentId = form.get("assessmentId");
  const result = await importScores(actor, {
    periodId: idParam(params.id),
    assessmentId: optionalIdParam(typeof assessmentId === "string" ? assessmentId : null),
    data: file.bytes,
    format: tableFormatOf(file.name),
    dryRun: form.get("dryRun") === "1" || request.nextUrl.searchParams.get("dryRun") === "1",
  });
  return Response.json(result);
});
