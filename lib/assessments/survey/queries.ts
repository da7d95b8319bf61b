// Reads of a period's survey results: the survey-based sub-criteria of its framework, its agencies
// and their current survey scores (what the import compares with, and the template is filled with).
import "server-only";
import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { templateWorkbook } from "@/lib/io/template";
import { numberOrNull } from "@/lib/numbers";
import type { SurveyOverview } from "./types";
import { type SurveyAgency, type SurveyCriterion, type SurveyScore, surveyTemplate } from "./plan";

/** Everything an import of the period's survey results needs, for someone who may import them. */
export async function surveyContext(actor: Actor, periodId: number) {
  const period = await db.assessmentPeriod.findUnique({
    where: { id: periodId },
    include: {
      framework: true,
      assessments: { include: { agency: true }, orderBy: { agency: { name: "asc" } } },
    },
  });
  if (!period) throw new NotFoundError(libTranslator("errors.scoring")("periodNotFound"));
  authorize(actor, "assessment.importSurvey", { provinceId: period.provinceId });
  // The sub-criteria the period's sheets score (the framework's leaves), survey-based or not.
  const leaves = await db.criterion.findMany({
    where: { frameworkId: period.frameworkId, scores: { some: { assessment: { periodId } } } },
    orderBy: { sortOrder: "asc" },
  });
  const surveyLeaves = leaves.filter((c) => c.method === "SURVEY");
  const survey: SurveyCriterion[] = surveyLeaves.map((c) => ({ code: c.code, maxPoints: Number(c.maxPoints) }));
  const agencies: SurveyAgency[] = period.assessments.map((a) => ({
    assessmentId: a.id,
    code: a.agency.code,
    name: a.agency.name,
    shortName: a.agency.shortName,
    status: a.status,
  }));
  const codeOf = new Map(surveyLeaves.map((c) => [c.id, c.code]));
  const scores = await db.criterionScore.findMany({
    where: { assessmentId: { in: agencies.map((a) => a.assessmentId) }, criterionId: { in: [...codeOf.keys()] } },
    select: { id: true, assessmentId: true, criterionId: true, version: true, notApplicable: true, round1Score: true, round2Score: true },
  });
  const byKey = new Map<string, SurveyScore>(
    scores.map((s) => [
      `${s.assessmentId}\u0000${codeOf.get(s.criterionId)}`,
      {
        criterionScoreId: s.id,
        assessmentId: s.assessmentId,
        version: s.version,
        notApplicable: s.notApplicable,
        round1Score: numberOrNull(s.round1Score),
        round2Score: numberOrNull(s.round2Score),
      },
    ]),
  );
  return {
    period,
    surveyLeaves,
    survey,
    agencies,
    otherCodes: leaves.filter((c) => c.method !== "SURVEY").map((c) => c.code),
    scoreOf: (assessmentId: number, code: string) => byKey.get(`${assessmentId}\u0000${code}`),
  };
}

/** The survey import page: the period, its survey criteria and how many agencies have each scored. */
export async function surveyOverview(actor: Actor, periodId: number): Promise<SurveyOverview> {
  const { period, surveyLeaves, survey, agencies, scoreOf } = await surveyContext(actor, periodId);
  return {
    periodId: period.id,
    year: period.year,
    frameworkName: period.framework.name,
    published: period.status === "PUBLISHED",
    agencyCount: agencies.length,
    criteria: survey.map((c) => ({
      code: c.code,
      name: surveyLeaves.find((k) => k.code === c.code)?.name ?? c.code,
      maxPoints: c.maxPoints,
      scored: agencies.filter((a) => {
        const score = scoreOf(a.assessmentId, c.code);
        return score !== undefined && (score.round2Score ?? score.round1Score) !== null;
      }).length,
    })),
  };
}

/** The XLSX template of the period's survey results, filled with its agencies and today's scores. */
export async function surveyTemplateFile(actor: Actor, periodId: number) {
  const { period, survey, agencies, scoreOf } = await surveyContext(actor, periodId);
  const body = await templateWorkbook(surveyTemplate(period.year, survey, agencies, scoreOf));
  return { body, fileName: `ket-qua-dieu-tra-${period.year}-${period.id}.xlsx` };
}
