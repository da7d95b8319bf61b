import { idParam } from "@/lib/api/params";
import { signedInRoute } from "@/lib/api/route";
import { periodProgress } from "@/lib/assessments/board/queries";

// GET /api/v1/assessment-periods/:id/progress — per agency: status, scored, total, evidenceCount, deadline
// (the control board's rows; an agency head gets their own row).
export const GET = signedInRoute({}, async ({ actor, params }) => {
  const progress = await periodProgress(actor, idParam(params.id));
  return Response.json({
    periodId: progress.periodId,
    year: progress.year,
    status: progress.status,
    deadline: progress.deadline,
    agencies: progress.agencies.map((a) => ({
      assessmentId: a.assessmentId,
      agencyCode: a.agencyCode,
      agencyName: a.agencyName,
      peerGroup: a.peerGroup,
      status: a.status,
      scored: a.scored,
      total: a.total,
      evidenceCount: a.evidenceCount,
      deadline: a.deadline,
      extended: a.extended,
      late: a.late,
    })),
  });
});
