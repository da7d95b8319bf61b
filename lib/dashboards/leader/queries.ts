// The leader's dashboard of a province (/bang-dieu-khien): national results through the old units it
// was formed from, targets, the agencies' internal ranking and the weakest criteria.
import "server-only";
import { cents, numberOrNull } from "@/lib/numbers";
import { authorize, reachOf, type Actor } from "@/lib/auth/policy";
import { db, Prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { compareVietnamese } from "@/lib/format";
import { classify } from "@/lib/frameworks/grades";
import { latestResultYear, listProvinceIndices } from "@/lib/results/queries";
import { rankChange, rankPublished } from "@/lib/results/ranking";
import { cachedPublished } from "@/lib/db/published-cache";
import { getProvinceTargets } from "@/lib/targets/queries";
import { OPEN_TASK_STATUSES, daysOverdue } from "@/lib/tasks/rules";
import { calendarDay, currentYearInVietnam, vietnamToday } from "@/lib/time";
import { unitAndPredecessors, unitLabel } from "@/lib/units/lineage";
import { provinceProfilePath } from "@/lib/units/profile-path";
import { criterionFlags, pointsLost, sortCriteria, type CriterionFlag } from "../flags";
import { lineageLinks, provinceChoices, unitCountForYear } from "@/lib/units/queries";
import { nationalFramework } from "@/lib/frameworks/queries";
import type { ComponentComparison, IndexSection, LeaderDashboard, LostCriterion, OverdueTask, PeriodSection, UnitResult } from "../types";

type Unit = { id: number; code: string; nameVi: string; validFrom: Date; validTo: Date | null };

/**
 * The leader's dashboard of a province for a year. Leaders and Home Affairs staff see their own
 * province; an administrator picks one (none picked: only the choices).
 */
export async function getLeaderDashboard(actor: Actor, params: { provinceId?: number; year?: number }, now = new Date()): Promise<LeaderDashboard> {
  // Whoever reads every province picks one; the others read their own.
  const everywhere = reachOf(actor.role, "province.read") === "all";
  const provinceId = params.provinceId ?? (everywhere ? null : actor.provinceId);
  authorize(actor, "province.read", { provinceId });
  const choices = everywhere ? await provinceChoices(now) : [];
  const currentYear = currentYearInVietnam(now);
  if (provinceId === null)
    return { province: null, choices, year: params.year ?? currentYear, years: [], indices: [], targets: [], periods: [], overdueTasks: [] };

  const province = await db.province.findUnique({ where: { id: provinceId } });
  if (!province) throw new NotFoundError(libTranslator("errors.dashboards")("provinceNotFound"));
  const [periodYears, targetYears] = await Promise.all([
    db.assessmentPeriod.findMany({ where: { provinceId }, select: { year: true, status: true }, orderBy: { year: "desc" } }),
    db.target.findMany({ where: { OR: [{ provinceId }, { agency: { provinceId } }] }, select: { year: true }, distinct: ["year"] }),
  ]);
  // Without a year: the latest year whose internal results are published, else the latest period.
  const year = params.year ?? periodYears.find((p) => p.status === "PUBLISHED")?.year ?? periodYears[0]?.year ?? currentYear;
  const years = [...new Set([year, currentYear, ...periodYears.map((p) => p.year), ...targetYears.map((t) => t.year)])].sort((a, b) => b - a);

  const [national, targets, periods, overdueTasks] = await Promise.all([
    // Published data only: computed once per version of it (lib/db/published-cache.ts).
    cachedPublished(`leader-national|${province.id}`, () => nationalSections(province)),
    getProvinceTargets(actor, provinceId, year, now),
    periodSections(provinceId, year),
    overdueTasksOf(provinceId, now),
  ]);
  return {
    province: {
      id: province.id,
      code: province.code,
      label: unitLabel(province),
      name: province.nameVi,
      profilePath: provinceProfilePath(province),
      firstResultYear: province.validFrom.getUTCFullYear(),
      predecessors: national.units.filter((u) => u.id !== province.id).map(unitLabel),
    },
    choices,
    year,
    years,
    indices: national.sections,
    targets,
    periods,
    overdueTasks,
  };
}

/** The open tasks past their due date under the directives of the province and its former units, most overdue first. */
async function overdueTasksOf(provinceId: number, now: Date): Promise<OverdueTask[]> {
  const today = vietnamToday(now);
  const tasks = await db.task.findMany({
    where: {
      status: { in: [...OPEN_TASK_STATUSES] },
      dueOn: { lt: new Date(`${today}T00:00:00Z`) },
      directive: { provinceId: { in: unitAndPredecessors(provinceId, await lineageLinks()) } },
    },
    include: { leadAgency: { select: { name: true } }, directive: { select: { id: true, number: true } } },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
  });
  return tasks.map((t) => ({
    id: t.id,
    title: t.title,
    directive: t.directive,
    leadAgency: t.leadAgency?.name ?? null,
    dueOn: calendarDay(t.dueOn!),
    daysOverdue: daysOverdue(t, today),
  }));
}

/** Published results of a province and of the old units it was formed from, one line each. */
async function nationalSections(province: Unit): Promise<{ units: Unit[]; sections: IndexSection[] }> {
  const unitIds = unitAndPredecessors(province.id, await lineageLinks());
  const [units, indices, results] = await Promise.all([
    db.province.findMany({ where: { id: { in: unitIds } }, orderBy: [{ validFrom: "desc" }, { nameVi: "asc" }] }),
    listProvinceIndices(),
    db.publishedResult.findMany({ where: { provinceId: { in: unitIds } }, include: { components: true }, orderBy: { year: "asc" } }),
  ]);
  // Every (index, year) of the units' results and the year before it, for ranks and rank changes.
  const pairs = [...new Map(results.flatMap((r) => [r.year, r.year - 1].map((year) => [`${r.indexCode}|${year}`, { indexCode: r.indexCode, year }]))).values()];
  const years = [...new Set(pairs.map((p) => p.year))];
  const frameworkPairs = [...new Map(results.map((r) => [`${r.indexCode}|${r.year}`, { indexCode: r.indexCode, year: r.year }])).values()];
  const [latestYears, peers, counts, aggregates, frameworks] = await Promise.all([
    Promise.all(indices.map((index) => latestResultYear(index.code))),
    pairs.length > 0
      ? db.publishedResult.findMany({
          where: { OR: pairs },
          select: {
            provinceId: true,
            indexCode: true,
            year: true,
            score: true,
            officialRank: true,
            province: true,
            components: { select: { code: true, value: true } },
          },
        })
      : Promise.resolve([]),
    Promise.all(years.map(async (year) => [year, await unitCountForYear(year)] as const)),
    db.publishedAggregate.findMany({
      where: { indexCode: { in: indices.map((i) => i.code) }, kind: { in: ["NATIONAL_AVERAGE", "ELEMENT_AVERAGE"] } },
    }),
    Promise.all(frameworkPairs.map(async (p) => [`${p.indexCode}|${p.year}`, await nationalFramework(p.indexCode, p.year)] as const)),
  ]);
  const unitCount = new Map(counts);
  const frameworkOf = new Map(frameworks);
  const tables = new Map(
    pairs.map((pair) => {
      const rows = peers.filter((p) => p.indexCode === pair.indexCode && p.year === pair.year);
      const ranked = rankPublished(
        rows.map((p) => ({ key: String(p.provinceId), score: p.score === null ? null : Number(p.score), officialRank: p.officialRank })),
        unitCount.get(pair.year)!,
      );
      return [`${pair.indexCode}|${pair.year}`, { rows, ranked }];
    }),
  );
  const unitById = new Map(units.map((u) => [u.id, u]));

  const sections = indices.map((index, i): IndexSection => {
    const resultRow = (result: (typeof results)[number]): UnitResult => {
      const table = tables.get(`${index.code}|${result.year}`)!;
      const row = table.ranked.find((r) => r.key === String(result.provinceId))!;
      const before = tables.get(`${index.code}|${result.year - 1}`)?.ranked.find((r) => r.key === String(result.provinceId));
      const bands = frameworkOf.get(`${index.code}|${result.year}`)?.gradeBands ?? [];
      return {
        year: result.year,
        score: row.score,
        rank: row.rank,
        rankMin: row.rankMin,
        rankMax: row.rankMax,
        unitCount: unitCount.get(result.year)!,
        officialRankDisagrees: row.officialRankDisagrees,
        change: rankChange(before?.rank ?? null, row.rank),
        group: row.score === null ? null : classify(row.score, bands),
        source: result.source,
      };
    };
    const ofIndex = results.filter((r) => r.indexCode === index.code);
    const history = units
      .map((unit) => ({
        unitId: unit.id,
        label: unitLabel(unit),
        profilePath: provinceProfilePath(unit),
        isSelf: unit.id === province.id,
        rows: ofIndex.filter((r) => r.provinceId === unit.id).map(resultRow),
      }))
      .filter((h) => h.rows.length > 0);
    const summary = history.map((h) => {
      const latest = h.rows[h.rows.length - 1];
      return {
        unitId: h.unitId,
        label: h.label,
        profilePath: h.profilePath,
        isSelf: h.isSelf,
        latest,
        previous: h.rows.find((r) => r.year === latest.year - 1) ?? null,
      };
    });
    const components = units.flatMap((unit): ComponentComparison[] => {
      const withComponents = ofIndex.filter((r) => r.provinceId === unit.id && r.components.length > 0);
      const result = withComponents[withComponents.length - 1];
      if (!result) return [];
      const framework = frameworkOf.get(`${index.code}|${result.year}`);
      const table = tables.get(`${index.code}|${result.year}`)!;
      const top = table.ranked[0];
      const topRow = top ? table.rows.find((r) => String(r.provinceId) === top.key) : undefined;
      const defs = framework?.components ?? [];
      const stored = new Map(result.components.map((c) => [c.code, Number(c.value)]));
      const codes = [...defs.map((d) => d.code).filter((code) => stored.has(code)), ...[...stored.keys()].filter((code) => !defs.some((d) => d.code === code))];
      const average = (code: string) =>
        aggregates.find((a) => a.indexCode === index.code && a.year === result.year && a.kind === "ELEMENT_AVERAGE" && a.subject === code);
      return [
        {
          unitLabel: unitLabel(unit),
          year: result.year,
          leader: topRow ? { label: unitLabel(unitById.get(topRow.provinceId) ?? topRow.province), score: Number(topRow.score) } : null,
          items: codes.map((code) => {
            const def = defs.find((d) => d.code === code);
            const leaderValue = topRow?.components.find((c) => c.code === code);
            return {
              code,
              nameVi: def?.nameVi ?? code,
              maxPoints: def?.maxPoints ?? null,
              value: stored.get(code)!,
              nationalAverage: numberOrNull(average(code)?.value),
              leaderValue: numberOrNull(leaderValue?.value),
            };
          }),
        },
      ];
    });
    return {
      code: index.code,
      shortName: index.shortName,
      latestYear: latestYears[i],
      selfHasResult: history.some((h) => h.isSelf),
      summary,
      history,
      nationalAverages: aggregates
        .filter((a) => a.indexCode === index.code && a.kind === "NATIONAL_AVERAGE")
        .map((a) => ({ year: a.year, value: Number(a.value) }))
        .sort((a, b) => a.year - b.year),
      components,
    };
  });
  return { units, sections };
}

/** The province's internal assessment periods of a year: agencies ranked and the weakest criteria. */
async function periodSections(provinceId: number, year: number): Promise<PeriodSection[]> {
  const periods = await db.assessmentPeriod.findMany({
    // The agencies' periods; the province's own PAR INDEX self-assessment has its own page (the nowcast).
    where: { provinceId, year, framework: { index: { subject: "AGENCY" } } },
    include: {
      framework: { include: { gradeBands: true, criteria: { where: { level: "SUB_CRITERION" } } } },
      assessments: { include: { agency: true } },
    },
    orderBy: { id: "asc" },
  });
  // How many finalized agencies got each final score of each criterion: a province of a thousand
  // communes has 90,000 scores a year, but only a few distinct values per criterion. The flags and
  // points lost are then read from those values by the same rules as everywhere (./flags.ts).
  // Filtering on the scores' own assessment_id (not only through the join) lets PostgreSQL use the
  // (assessment_id, criterion_id) index however many agencies the province has
  // (tests/integration/query-plans.test.ts).
  const finalizedIds = periods.flatMap((p) => p.assessments.filter((a) => a.status === "FINALIZED" && a.finalTotal !== null).map((a) => a.id));
  const distribution =
    finalizedIds.length === 0
      ? []
      : await db.$queryRaw<{ period_id: number; criterion_id: number; final_score: Prisma.Decimal | null; agencies: bigint }[]>`
        SELECT a.period_id, cs.criterion_id, cs.final_score, count(*) AS agencies
          FROM criterion_score cs JOIN assessment a ON a.id = cs.assessment_id
         WHERE cs.assessment_id IN (${Prisma.join(finalizedIds)}) AND a.id IN (${Prisma.join(finalizedIds)})
         GROUP BY a.period_id, cs.criterion_id, cs.final_score`;
  const valuesOf = new Map<string, { score: number | null; agencies: number }[]>();
  for (const d of distribution) {
    const key = `${d.period_id}|${d.criterion_id}`;
    valuesOf.set(key, [...(valuesOf.get(key) ?? []), { score: numberOrNull(d.final_score), agencies: Number(d.agencies) }]);
  }
  return periods.map((period) => {
    const finalized = period.assessments.filter((a) => a.status === "FINALIZED" && a.finalTotal !== null);
    const published = period.status === "PUBLISHED";
    const standings = finalized
      .map((a) => ({
        agencyId: a.agencyId,
        code: a.agency.code,
        name: a.agency.name,
        kind: a.agency.kind,
        isDemo: a.agency.isDemo,
        rank: published ? a.rank : null,
        finalTotal: Number(a.finalTotal),
        classification: published ? a.classification : null,
      }))
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.finalTotal - a.finalTotal || compareVietnamese(a.name, b.name));
    const lostCriteria = period.framework.criteria
      .map((criterion): LostCriterion => {
        const max = Number(criterion.maxPoints);
        const values = [...(valuesOf.get(`${period.id}|${criterion.id}`) ?? [])];
        // A finalized assessment without a row for the criterion counts as not scored.
        const withRow = values.reduce((sum, v) => sum + v.agencies, 0);
        if (withRow < finalized.length) values.push({ score: null, agencies: finalized.length - withRow });
        const count = (flag: CriterionFlag) =>
          values.filter((v) => criterionFlags({ maxPoints: max, score: v.score, target: null }).includes(flag)).reduce((sum, v) => sum + v.agencies, 0);
        return {
          code: criterion.code,
          name: criterion.name,
          maxPoints: max,
          assessed: finalized.length,
          belowMax: count("below_max"),
          notScored: count("not_scored"),
          lost: cents(values.reduce((sum, v) => sum + pointsLost(max, v.score) * v.agencies, 0)),
        };
      })
      .filter((c) => c.lost > 0);
    return {
      id: period.id,
      year: period.year,
      status: period.status,
      frameworkName: period.framework.name,
      illustrative: period.framework.isIllustrative || period.isDemo,
      maxScore: Number(period.framework.maxScore),
      gradeBands: period.framework.gradeBands.map((b) => ({ label: b.label, minScore: Number(b.minScore) })).sort((a, b) => b.minScore - a.minScore),
      agencyCount: period.assessments.length,
      finalizedCount: finalized.length,
      standings,
      lostCriteria: sortCriteria(lostCriteria, "lost").slice(0, 10),
    };
  });
}
