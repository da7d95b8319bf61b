// Reads of the province's own PAR INDEX self-assessments (issue 17, item 7): the periods of a
// national framework, each with the province's single assessment, and its self-assessed points.
import "server-only";
import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { cents } from "@/lib/numbers";
import type { SelfAssessmentOptions, SelfAssessmentYear } from "./types";

/** Every self-assessment of the province, newest first (no authorization: callers check). */
export async function selfAssessmentYears(provinceId: number): Promise<SelfAssessmentYear[]> {
  const periods = await db.assessmentPeriod.findMany({
    where: { provinceId, framework: { ownerProvinceId: null, index: { subject: "PROVINCE" } } },
    include: {
      framework: { include: { components: true } },
      assessments: { where: { agency: { kind: "PROVINCE" } }, include: { scores: { include: { criterion: true } } } },
    },
    orderBy: [{ year: "desc" }, { id: "desc" }],
  });
  return periods.flatMap((p) =>
    p.assessments.map((a) => {
      const appraised = a.scores.filter((s) => s.criterion.method === "APPRAISAL");
      const scored = appraised.filter((s) => !s.notApplicable);
      return {
        periodId: p.id,
        assessmentId: a.id,
        year: p.year,
        indexCode: p.framework.indexCode,
        frameworkName: p.framework.name,
        illustrative: p.framework.isIllustrative || p.isDemo,
        status: a.status,
        deadline: p.selfScoringDeadline,
        selfPoints: cents(scored.reduce((sum, s) => sum + Number(s.selfScore ?? 0), 0)),
        maxPoints: cents(scored.reduce((sum, s) => sum + Number(s.criterion.maxPoints), 0)),
        appraisalMax: cents(appraised.reduce((sum, s) => sum + Number(s.criterion.maxPoints), 0)),
        scored: scored.filter((s) => s.selfScore !== null).length,
        toScore: scored.length,
      };
    }),
  );
}

/** The self-assessments of a province, for Home Affairs and its leaders. */
export async function listSelfAssessments(actor: Actor, provinceId: number): Promise<SelfAssessmentYear[]> {
  authorize(actor, "assessment.analyze", { provinceId });
  return selfAssessmentYears(provinceId);
}

/** The national frameworks with self-assessed (appraisal) criteria a year can be opened with. */
export async function selfAssessmentOptions(actor: Actor, provinceId: number): Promise<SelfAssessmentOptions> {
  authorize(actor, "assessment.manage", { provinceId });
  const frameworks = await db.framework.findMany({
    where: { ownerProvinceId: null, status: "ACTIVE", index: { subject: "PROVINCE" }, criteria: { some: { method: "APPRAISAL" } } },
    orderBy: [{ indexCode: "asc" }, { validFromYear: "desc" }],
  });
  return frameworks.map((f) => ({ id: f.id, name: f.name, validFromYear: f.validFromYear, validToYear: f.validToYear }));
}
