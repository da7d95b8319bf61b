import { jsonBody, numberAsText, signedInRoute } from "@/lib/api/route";
import { appraise } from "@/lib/assessments/mutations";

// PUT /api/v1/criterion-scores/:id/appraisal  { "score": 6, "comment": "…", "version": 1 } — the current round.
export const PUT = signedInRoute({}, async ({ request, actor, params }) => {
  const body = await jsonBody(request, "Nội dung phải là JSON: { score, comment, version }.");
  await appraise(actor, { ...body, score: numberAsText(body.score), criterionScoreId: params.id });
  return Response.json({ ok: true });
});
