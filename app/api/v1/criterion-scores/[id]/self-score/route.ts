import { jsonBody, numberAsText, signedInRoute } from "@/lib/api/route";
import { selfScore } from "@/lib/assessments/mutations";

// PUT /api/v1/criterion-scores/:id/self-score  { "score": "7,5", "comment": "…", "version": 0 }
export const PUT = signedInRoute({}, async ({ request, actor, params }) => {
  const body = await jsonBody(request, "Nội dung phải là JSON: { score, comment, version }.");
  await selfScore(actor, { ...body, score: numberAsText(body.score), criterionScoreId: params.id });
  return Response.json({ ok: true });
});
