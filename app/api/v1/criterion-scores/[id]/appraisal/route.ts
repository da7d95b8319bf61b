import { requireActor } from "@/lib/auth/guard";
import { errorResponse } from "@/lib/api/responses";
import { appraise } from "@/lib/assessments/mutations";
import { ValidationError } from "@/lib/errors";

// PUT /api/v1/criterion-scores/:id/appraisal  { "score": 6, "comment": "…", "version": 1 } — the current round.
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor();
    const body = await request.json().catch(() => {
      throw new ValidationError([{ field: "(body)", message: "Nội dung phải là JSON: { score, comment, version }." }]);
    });
    const score = typeof body?.score === "number" ? String(body.score) : body?.score;
    await appraise(actor, { ...(typeof body === "object" && body ? body : {}), score, criterionScoreId: (await params).id });
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
