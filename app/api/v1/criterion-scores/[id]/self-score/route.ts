import { requireActor } from "@/lib/auth/guard";
import { errorResponse } from "@/lib/api/responses";
import { selfScore } from "@/lib/assessments/mutations";
import { ValidationError } from "@/lib/errors";

// PUT /api/v1/criterion-scores/:id/self-score  { "score": "7,5", "comment": "…", "version": 0 }
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor();
    const body = await request.json().catch(() => {
      throw new ValidationError([{ field: "(body)", message: "Nội dung phải là JSON: { score, comment, version }." }]);
    });
    await selfScore(actor, { ...(typeof body === "object" && body ? body : {}), score: stringOr(body?.score), criterionScoreId: (await params).id });
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}

/** JSON numbers are accepted as well as the text a form sends. */
function stringOr(value: unknown): unknown {
  return typeof value === "number" ? String(value) : value;
}
