// The PAR INDEX nowcast of a province (issue 17, item 7), read from the database: the province's
// latest self-assessment, its last published components, the last self-vs-appraised gap and the
// last published table of totals; the arithmetic is ./rules.ts. Home Affairs and the leaders of the
// province ("assessment.analyze").
import "server-only";
import { authorize, ForbiddenError, type Actor } from "@/lib/auth/policy";
import { selfAssessmentYears } from "@/lib/assessments/self-assessment/queries";
import { db } from "@/lib/db/client";
import { nationalFramework } from "@/lib/frameworks/queries";
import { cents } from "@/lib/numbers";
import { resultReferenceDate, unitAndPredecessors } from "@/lib/units/lineage";
import { inForceOn, lineageLinks, unitCountForYear } from "@/lib/units/queries";
import { appraisalGap, expectedTotal, rankBand, totalRange } from "./rules";
import type { Nowcast, NowcastComponent } from "./types";

export async function getNowcast(actor: Actor): Promise<Nowcast> {
  if (actor.provinceId === null) throw new ForbiddenError();
  authorize(actor, "assessment.analyze", { provinceId: actor.provinceId });
  return nowcastOf(actor.provinceId);
}

/** The nowcast of a province (no authorization: getNowcast checks). */
export async function nowcastOf(provinceId: number): Promise<Nowcast> {
  const [province, years] = await Promise.all([db.province.findUniqueOrThrow({ where: { id: provinceId } }), selfAssessmentYears(provinceId)]);
  const latest = years[0];
  const empty: Nowcast = {
    provinceName: province.nameVi,
    selfAssessment: null,
    appraisalComponentFound: false,
    components: [],
    expected: null,
    missing: [],
    gap: null,
    range: null,
    distribution: null,
    band: null,
  };
  if (!latest) return empty;
  const selfAssessment = {
    year: latest.year,
    indexCode: latest.indexCode,
    frameworkName: latest.frameworkName,
    illustrative: latest.illustrative,
    status: latest.status,
    assessmentId: latest.assessmentId,
    scored: latest.scored,
    toScore: latest.toScore,
  };
  const framework = await nationalFramework(latest.indexCode, latest.year);
  // The self-assessed part is the component whose maximum is the appraisal criteria's (61.5 of PAR INDEX).
  const appraisal = framework?.components.find((c) => cents(c.maxPoints) === latest.appraisalMax);
  if (!framework || !appraisal) return { ...empty, selfAssessment };

  // The province's own published results, and those of the one unit it continues when it was formed
  // from exactly one (same territory, a new code decision); a province formed from several has none
  // before 2025: its former units' components are never combined into one.
  const links = await lineageLinks();
  const formedFrom = links.filter((l) => l.successorId === provinceId).map((l) => l.predecessorId);
  const results = await db.publishedResult.findMany({
    where: { provinceId: { in: formedFrom.length === 1 ? [provinceId, formedFrom[0]] : [provinceId] }, indexCode: latest.indexCode },
    include: { components: true },
    orderBy: { year: "desc" },
  });
  const components: NowcastComponent[] = framework.components.map((c) => {
    if (c.code === appraisal.code) return { ...c, value: latest.selfPoints, source: { kind: "self", year: latest.year } };
    const published = results.find((r) => r.year < latest.year && r.components.some((p) => p.code === c.code));
    const value = published?.components.find((p) => p.code === c.code)?.value;
    return published && value !== undefined
      ? { ...c, value: Number(value), source: { kind: "published", year: published.year } }
      : { ...c, value: null, source: { kind: "none" } };
  });
  const { total, missing } = expectedTotal(components);

  // Last year's gap: the newest earlier self-assessment whose year has the appraisal component published.
  const gap =
    years
      .slice(1)
      .map((y) => {
        const appraised = results.find((r) => r.year === y.year)?.components.find((p) => p.code === appraisal.code)?.value;
        const points = appraisalGap(y.selfPoints, appraised === undefined ? null : Number(appraised));
        return points === null ? null : { year: y.year, self: y.selfPoints, appraised: Number(appraised), gap: points };
      })
      .find((g) => g !== null) ?? null;

  const distribution = await lastDistribution(latest.indexCode, unitAndPredecessors(provinceId, links));
  const range = total === null ? null : totalRange(total, gap?.gap ?? null);
  return {
    ...empty,
    selfAssessment,
    appraisalComponentFound: true,
    components,
    expected: total,
    missing,
    gap,
    range,
    distribution: distribution && { year: distribution.year, published: distribution.others.length, unitCount: distribution.unitCount },
    band: range && distribution ? rankBand(range, distribution.others, distribution.unitCount) : null,
  };
}

/**
 * The last published year's totals of the other units: the province's own row and those of the
 * units it was formed from are left out (the estimate takes their place, counted once).
 */
async function lastDistribution(indexCode: string, own: number[]) {
  const latest = await db.publishedResult.findFirst({ where: { indexCode, score: { not: null } }, orderBy: { year: "desc" }, select: { year: true } });
  if (!latest) return null;
  const [rows, units] = await Promise.all([
    db.publishedResult.findMany({ where: { indexCode, year: latest.year }, select: { provinceId: true, score: true } }),
    unitCountForYear(latest.year),
  ]);
  const ownThen = await db.province.count({ where: { id: { in: own }, ...inForceOn(resultReferenceDate(latest.year)) } });
  const others = rows.filter((r) => !own.includes(r.provinceId) && r.score !== null).map((r) => Number(r.score));
  // The province's own units of that year (published or not) leave the table; the estimate comes in once.
  return { year: latest.year, others, unitCount: units - ownThen + 1 };
}
