// Consistency analytics (issue 17, item 6): self-scores against the appraisal over a province's
// finished appraisals, every year, in one statement; the rules that turn the rows into the page's
// numbers are pure (./rules.ts). Home Affairs and the leaders of the province ("assessment.analyze":
// a leader can see who over-reports); read only.
import "server-only";
import { authorize, ForbiddenError, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { consistencyReport } from "./rules";
import type { ConsistencyReport, ConsistencyScore } from "./types";

type Row = Omit<ConsistencyScore, "self" | "round1" | "round2" | "final"> & {
  self: string | null;
  round1: string | null;
  round2: string | null;
  final: string | null;
};

const num = (value: string | null) => (value === null ? null : Number(value));

/** The scores of the province's finished appraisals (appraisal criteria, applicable ones). */
export async function consistencyScores(provinceId: number): Promise<ConsistencyScore[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT p.year, ag.id AS "agencyId", ag.code AS "agencyCode", ag.name AS "agencyName",
           c.id AS "criterionId", c.code AS "criterionCode", c.name AS "criterionName",
           cs.self_score::text AS self, cs.round1_score::text AS round1,
           cs.round2_score::text AS round2, cs.final_score::text AS final,
           (cs.explanation_request IS NOT NULL) AS "explanationRequested"
      FROM criterion_score cs
      JOIN assessment a ON a.id = cs.assessment_id
      JOIN assessment_period p ON p.id = a.period_id
      JOIN agency ag ON ag.id = a.agency_id
      JOIN criterion c ON c.id = cs.criterion_id
     WHERE p.province_id = ${provinceId}
       AND a.status = 'FINALIZED'
       AND c.method = 'APPRAISAL'
       AND NOT cs.not_applicable
     ORDER BY p.year, ag.id, c.sort_order`;
  return rows.map((r) => ({ ...r, self: num(r.self), round1: num(r.round1), round2: num(r.round2), final: num(r.final) }));
}

/** The consistency report of the actor's province for a year (the latest when not given). */
export async function consistency(actor: Actor, year: number | null): Promise<ConsistencyReport> {
  if (actor.provinceId === null) throw new ForbiddenError();
  authorize(actor, "assessment.analyze", { provinceId: actor.provinceId });
  return consistencyReport(actor.provinceId, await consistencyScores(actor.provinceId), year);
}
