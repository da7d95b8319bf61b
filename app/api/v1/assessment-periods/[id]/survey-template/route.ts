import { idParam } from "@/lib/api/params";
import { attachmentResponse } from "@/lib/api/responses";
import { signedInRoute } from "@/lib/api/route";
import { surveyTemplateFile } from "@/lib/assessments/survey/queries";
import { CONTENT_TYPES } from "@/lib/io/table-file";

// GET /api/v1/assessment-periods/:id/survey-template — the XLSX to fill with the survey results
// (its agencies, one column per survey criterion, today's scores); Home Affairs of the province.
export const GET = signedInRoute({}, async ({ actor, params }) => {
  const file = await surveyTemplateFile(actor, idParam(params.id));
  return attachmentResponse({ ...file, contentType: CONTENT_TYPES.xlsx });
});
