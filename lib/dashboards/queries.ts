// Reads of the signed-in dashboards: the leader's view of a province (national results through
// the old units it was formed from, targets, agencies and weak criteria) and the view of one
// agency's criteria with flags, year-over-year change, "what to fix" and linked tasks.
import "server-only";
import { cents, numberOrNull } from "@/lib/numbers";
import { authorize, can, reachOf, type Actor } from "@/lib/auth/policy";
import { db, Prisma } from "@/lib/db/client";
import type { AgencyKind, AssessmentMethod, AssessmentStatus, PeriodStatus, TaskStatus } from "@/lib/db/generated/enums";
import { NotFoundError } from "@/lib/errors";
import { compareVietnamese } from "@/lib/format";
import { classify, type GradeBand } from "@/lib/frameworks/grades";
import { latestResultYear, listProvinceIndices } from "@/lib/results/queries";
import { rankChange, rankTable } from "@/lib/results/ranking";
import { cachedPublished } from "@/lib/db/published-cache";
import { getAgencyTargets, getProvinceTargets, type EvaluatedTarget } from "@/lib/targets/queries";
import { isOverdue } from "@/lib/tasks/rules";
import { currentYearInVietnam, vietnamToday } from "@/lib/time";
import { unitAndPredecessors, unitLabel } from "@/lib/units/lineage";
import { provinceProfilePath } from "@/lib/units/profile-path";
import { criterionFlags, pointsLost, sortCriteria, type CriterionFlag, type SortOrder } from "./flags";
import { scoreValues } from "@/lib/assessments/queries";
import { appraisedScore, countedScore, scoreBasis, seesAppraisal, type ScoreBasis } from "@/lib/assessments/workflow";
import { defaultTarget, planFixes, rankAmongPeers, type DefaultTarget, type FixPlan } from "./what-to-fix";
import { yearOverYear, type YearChange } from "./yoy";
import { lineageLinks, provinceChoices, unitCountForYear } from "@/lib/units/queries";
import { nationalFramework } from "@/lib/frameworks/queries";

type Unit = { id: number; code: string; nameVi: string; validFrom: Date; validTo: Date | null };

// ───────────────────────── Leader dashboard ─────────────────────────

export type UnitResult = {
  year: number;
  score: number;
  rank: number | null;
  rankMin: number;
  rankMax: number;
  unitCount: number;
  officialRankDisagrees: boolean;
  /** Places gained since the year before (same unit), when both ranks are known. */
  change: number | null;
  group: string | null;
  source: string;
};

/** profilePath: the unit's public profile page. */
export type UnitHistory = { unitId: number; label: string; profilePath: string; isSelf: boolean; rows: UnitResult[] };

export type ComponentComparison = {
  unitLabel: string;
  year: number;
  /** The province ranked first that year, with its components when known. */
  leader: { label: string; score: number } | null;
  items: { code: string; nameVi: string; maxPoints: number | null; value: number; nationalAverage: number | null; leaderValue: number | null }[];
};

export type IndexSection = {
  code: string;
  shortName: string;
  /** The latest year of this index published for any province. */
  latestYear: number | null;
  /** The province itself (not only the old units it was formed from) has a published result. */
  selfHasResult: boolean;
  /** Per unit: its latest result and the one of the year before. */
  summary: { unitId: number; label: string; profilePath: string; isSelf: boolean; latest: UnitResult; previous: UnitResult | null }[];
  history: UnitHistory[];
  nationalAverages: { year: number; value: number }[];
  components: ComponentComparison[];
};

export type AgencyStanding = {
  agencyId: number;
  code: string;
  name: string;
  kind: AgencyKind;
  isDemo: boolean;
  rank: number | null;
  finalTotal: number;
  classification: string | null;
};

export type LostCriterion = { code: string; name: string; maxPoints: number; assessed: number; belowMax: number; notScored: number; lost: number };

export type PeriodSection = {
  id: number;
  year: number;
  status: PeriodStatus;
  frameworkName: string;
  illustrative: boolean;
  maxScore: number;
  gradeBands: GradeBand[];
  agencyCount: number;
  finalizedCount: number;
  /** Ranked agencies once the period is published (finalized ones before that, unranked). */
  standings: AgencyStanding[];
  /** The ten criteria that lost the most points over the finalized agencies. */
  lostCriteria: LostCriterion[];
};

export type LeaderDashboard = {
  /** firstResultYear: results of earlier years belong to the old units it was formed from. */
  province: { id: number; label: string; name: string; profilePath: string; firstResultYear: number; predecessors: string[] } | null;
  choices: { id: number; label: string }[];
  year: number;
  years: number[];
  indices: IndexSection[];
  targets: EvaluatedTarget[];
  periods: PeriodSection[];
};

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
  if (provinceId === null) return { province: null, choices, year: params.year ?? currentYear, years: [], indices: [], targets: [], periods: [] };

  const province = await db.province.findUnique({ where: { id: provinceId } });
  if (!province) throw new NotFoundError("Không tìm thấy tỉnh, thành phố đã chọn.");
  const [periodYears, targetYears] = await Promise.all([
    db.assessmentPeriod.findMany({ where: { provinceId }, select: { year: true, status: true }, orderBy: { year: "desc" } }),
    db.target.findMany({ where: { OR: [{ provinceId }, { agency: { provinceId } }] }, select: { year: true }, distinct: ["year"] }),
  ]);
  // Without a year: the latest year whose internal results are published, else the latest period.
  const year = params.year ?? periodYears.find((p) => p.status === "PUBLISHED")?.year ?? periodYears[0]?.year ?? currentYear;
  const years = [...new Set([year, currentYear, ...periodYears.map((p) => p.year), ...targetYears.map((t) => t.year)])].sort((a, b) => b - a);

  const [national, targets, periods] = await Promise.all([
    // Published data only: computed once per version of it (lib/db/published-cache.ts).
    cachedPublished(`leader-national|${province.id}`, () => nationalSections(province)),
    getProvinceTargets(actor, provinceId, year, now),
    periodSections(provinceId, year),
  ]);
  return {
    province: {
      id: province.id,
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
  };
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
  const pairs = [
    ...new Map(results.flatMap((r) => [r.year, r.year - 1].map((year) => [`${r.indexCode}|${year}`, { indexCode: r.indexCode, year }]))).values(),
  ];
  const years = [...new Set(pairs.map((p) => p.year))];
  const frameworkPairs = [...new Map(results.map((r) => [`${r.indexCode}|${r.year}`, { indexCode: r.indexCode, year: r.year }])).values()];
  const [latestYears, peers, counts, aggregates, frameworks] = await Promise.all([
    Promise.all(indices.map((index) => latestResultYear(index.code))),
    pairs.length > 0
      ? db.publishedResult.findMany({
          where: { OR: pairs },
          select: { provinceId: true, indexCode: true, year: true, score: true, officialRank: true, province: true, components: { select: { code: true, value: true } } },
        })
      : Promise.resolve([]),
    Promise.all(years.map(async (year) => [year, await unitCountForYear(year)] as const)),
    db.publishedAggregate.findMany({ where: { indexCode: { in: indices.map((i) => i.code) }, kind: { in: ["NATIONAL_AVERAGE", "ELEMENT_AVERAGE"] } } }),
    Promise.all(frameworkPairs.map(async (p) => [`${p.indexCode}|${p.year}`, await nationalFramework(p.indexCode, p.year)] as const)),
  ]);
  const unitCount = new Map(counts);
  const frameworkOf = new Map(frameworks);
  const tables = new Map(
    pairs.map((pair) => {
      const rows = peers.filter((p) => p.indexCode === pair.indexCode && p.year === pair.year);
      const ranked = rankTable(
        rows.map((p) => ({ key: String(p.provinceId), score: Number(p.score), officialRank: p.officialRank })),
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
        group: classify(row.score, bands),
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
      return { unitId: h.unitId, label: h.label, profilePath: h.profilePath, isSelf: h.isSelf, latest, previous: h.rows.find((r) => r.year === latest.year - 1) ?? null };
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
      const average = (code: string) => aggregates.find((a) => a.indexCode === index.code && a.year === result.year && a.kind === "ELEMENT_AVERAGE" && a.subject === code);
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
    where: { provinceId, year },
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
  const distribution = finalizedIds.length === 0
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

// ───────────────────────── Agency view ─────────────────────────

export type LinkedTask = {
  id: number;
  title: string;
  directiveNumber: string;
  leadAgency: string | null;
  dueOn: Date | null;
  status: TaskStatus;
  progressPercent: number;
  overdue: boolean;
};

export type AgencyCriterionRow = {
  criterionId: number;
  code: string;
  name: string;
  field: string | null;
  maxPoints: number;
  method: AssessmentMethod;
  selfScore: number | null;
  appraisedScore: number | null;
  finalScore: number | null;
  /** The score the flags and points lost are read from (see basis). */
  score: number | null;
  lost: number;
  target: number | null;
  flags: CriterionFlag[];
  yoy: YearChange;
  tasks: LinkedTask[];
};

export type AgencyView = {
  agency: { id: number; code: string; name: string; isDemo: boolean; provinceId: number; provinceName: string };
  /** Other agencies of the province the actor may open (none for an agency head). */
  agencies: { id: number; name: string }[];
  /** The agency's assessments, newest first, for the year switch. */
  assessments: { year: number; periodStatus: PeriodStatus; status: AssessmentStatus }[];
  requestedYear: number | null;
  assessment: null | {
    id: number;
    year: number;
    status: AssessmentStatus;
    periodId: number;
    periodStatus: PeriodStatus;
    framework: { name: string; illustrative: boolean; maxScore: number; gradeBands: GradeBand[] };
    basis: ScoreBasis;
    total: number;
    bonus: number | null;
    penalty: number | null;
    rank: { value: number; of: number } | null;
    classification: string | null;
    previousYear: number | null;
    sort: SortOrder;
    rows: AgencyCriterionRow[];
    whatToFix: {
      target: number | null;
      targetSource: DefaultTarget | { source: "entered"; label: string; value: number } | null;
      plan: FixPlan | null;
      currentRank: { rank: number; of: number } | null;
      newRank: { rank: number; of: number } | null;
      newClassification: string | null;
    };
  };
  targets: EvaluatedTarget[];
};

/**
 * One agency's criteria. Without a year: its latest assessment of a published period, else its
 * latest finalized one, else its latest one. An agency head sees only their own agency.
 */
export async function getAgencyView(
  actor: Actor,
  agencyId: number,
  params: { year?: number; sort: SortOrder; target?: number },
  now = new Date(),
): Promise<AgencyView> {
  const agency = await db.agency.findUnique({ where: { id: agencyId }, include: { province: true } });
  if (!agency) throw new NotFoundError("Không tìm thấy cơ quan, đơn vị.");
  authorize(actor, "province.read", { provinceId: agency.provinceId, agencyId });

  const [assessments, agencies] = await Promise.all([
    db.assessment.findMany({
      where: { agencyId },
      include: { period: { include: { framework: { include: { gradeBands: true } } } } },
      orderBy: [{ period: { year: "desc" } }, { id: "desc" }],
    }),
    can(actor, "province.read", { provinceId: agency.provinceId })
      ? db.agency.findMany({ where: { provinceId: agency.provinceId }, orderBy: [{ kind: "asc" }, { name: "asc" }], select: { id: true, name: true } })
      : Promise.resolve([]),
  ]);
  const chosen =
    params.year !== undefined
      ? assessments.find((a) => a.period.year === params.year)
      : (assessments.find((a) => a.status === "FINALIZED" && a.period.status === "PUBLISHED") ?? assessments.find((a) => a.status === "FINALIZED") ?? assessments[0]);
  const base: AgencyView = {
    agency: { id: agency.id, code: agency.code, name: agency.name, isDemo: agency.isDemo, provinceId: agency.provinceId, provinceName: agency.province.nameVi },
    agencies,
    assessments: assessments.map((a) => ({ year: a.period.year, periodStatus: a.period.status, status: a.status })),
    requestedYear: params.year ?? null,
    assessment: null,
    targets: [],
  };
  if (!chosen) return base;

  const year = chosen.period.year;
  const previous = assessments.find((a) => a.period.year === year - 1) ?? null;
  const [criteria, scores, previousScores, peers, targets] = await Promise.all([
    db.criterion.findMany({ where: { frameworkId: chosen.period.frameworkId }, select: { id: true, parentId: true, level: true, code: true, name: true, maxPoints: true, method: true } }),
    db.criterionScore.findMany({ where: { assessmentId: chosen.id } }),
    previous
      ? db.criterionScore.findMany({ where: { assessmentId: previous.id }, include: { criterion: { select: { code: true, maxPoints: true } } } })
      : Promise.resolve(null),
    db.assessment.findMany({ where: { periodId: chosen.periodId }, select: { agencyId: true, finalTotal: true } }),
    getAgencyTargets(actor, agencyId, year, now),
  ]);

  const sees = seesAppraisal(actor.role, chosen.appraisalReleasedAt, chosen.period.status);
  const valuesOf = new Map(scores.map((s) => [s.criterionId, scoreValues(s)]));
  const basis = scoreBasis(chosen.status, sees, [...valuesOf.values()]);
  const criterionById = new Map(criteria.map((c) => [c.id, c]));
  const fieldOf = (id: number | null): string | null => {
    let node = id === null ? undefined : criterionById.get(id);
    while (node && node.level !== "FIELD") node = node.parentId === null ? undefined : criterionById.get(node.parentId);
    return node ? `${node.code}. ${node.name}` : null;
  };
  const targetByCode = new Map(targets.filter((t) => t.kind === "CRITERION_SCORE" && t.criterionCode).map((t) => [t.criterionCode!, t.value]));
  const leaves = criteria.filter((c) => c.level === "SUB_CRITERION");
  const rowsUnsorted = leaves.map((criterion) => {
    const values = valuesOf.get(criterion.id);
    const maxPoints = Number(criterion.maxPoints);
    const selfScore = values?.selfScore ?? null;
    const appraised = sees && values ? appraisedScore(values) : null;
    const finalScore = sees ? (values?.finalScore ?? null) : null;
    const score = values ? countedScore(values, basis) : null;
    // Survey criteria are never self-scored: on self scores alone they say nothing.
    const judged = basis !== "self" || criterion.method === "APPRAISAL";
    const target = targetByCode.get(criterion.code) ?? null;
    return {
      criterionId: criterion.id,
      code: criterion.code,
      name: criterion.name,
      field: fieldOf(criterion.parentId),
      maxPoints,
      method: criterion.method,
      selfScore,
      appraisedScore: appraised,
      finalScore,
      score,
      lost: judged ? pointsLost(maxPoints, score) : 0,
      target,
      flags: judged ? criterionFlags({ maxPoints, score, target }) : [],
    };
  });
  const yoy = yearOverYear(
    rowsUnsorted.map((r) => ({ code: r.code, maxPoints: r.maxPoints, score: r.score })),
    previousScores && previous?.status === "FINALIZED" && seesAppraisal(actor.role, previous.appraisalReleasedAt, previous.period.status)
      ? previousScores.map((s) => ({ code: s.criterion.code, maxPoints: Number(s.criterion.maxPoints), score: numberOrNull(s.finalScore) }))
      : null,
  );
  const tasks = await linkedTasks(
    agency,
    chosen.period.framework.key,
    rowsUnsorted.filter((r) => r.flags.length > 0).map((r) => r.code),
    now,
  );
  const rows = sortCriteria(
    rowsUnsorted.map((r) => ({ ...r, yoy: yoy.get(r.code)!, tasks: tasks.get(r.code) ?? [] })),
    params.sort,
  );

  const framework = chosen.period.framework;
  const maxScore = Number(framework.maxScore);
  const gradeBands = framework.gradeBands.map((b) => ({ label: b.label, minScore: Number(b.minScore) })).sort((a, b) => b.minScore - a.minScore);
  const total = basis === "final" && chosen.finalTotal !== null ? Number(chosen.finalTotal) : cents(rows.reduce((sum, r) => sum + (r.score ?? 0), 0));
  const published = chosen.period.status === "PUBLISHED" && sees;
  const peerTotals = published ? peers.filter((p) => p.finalTotal !== null).map((p) => ({ key: String(p.agencyId), total: Number(p.finalTotal) })) : [];

  // The agency's own target of the year: a minimum total, or a percentage of the maximum.
  const own = targets.find((t) => t.kind === "MIN_SCORE" && t.criterionCode === null) ?? targets.find((t) => t.kind === "MIN_PERCENT_OF_MAX");
  const ownTotal = own ? (own.kind === "MIN_PERCENT_OF_MAX" ? cents((own.value * maxScore) / 100) : own.value) : null;
  const suggested = defaultTarget(total, ownTotal, gradeBands, maxScore);
  const targetSource = params.target !== undefined ? { source: "entered" as const, label: "tổng điểm mục tiêu đã nhập", value: params.target } : suggested;
  const candidates = rows.filter((r) => r.lost > 0).map(({ code, name, maxPoints, score }) => ({ code, name, maxPoints, score }));
  const plan = targetSource ? planFixes({ criteria: candidates, currentTotal: total, targetTotal: targetSource.value, maxTotal: maxScore }) : null;

  return {
    ...base,
    targets,
    assessment: {
      id: chosen.id,
      year,
      status: chosen.status,
      periodId: chosen.periodId,
      periodStatus: chosen.period.status,
      framework: { name: framework.name, illustrative: framework.isIllustrative || chosen.period.isDemo, maxScore, gradeBands },
      basis,
      total,
      bonus: sees ? Number(chosen.bonusPoints) : null,
      penalty: sees ? Number(chosen.penaltyPoints) : null,
      rank: published && chosen.rank !== null ? { value: chosen.rank, of: peers.length } : null,
      classification: published ? chosen.classification : null,
      previousYear: previous && previousScores && yoy.size > 0 && [...yoy.values()].some((c) => c.previous !== null) ? previous.period.year : null,
      sort: params.sort,
      rows,
      whatToFix: {
        target: targetSource?.value ?? null,
        targetSource,
        plan,
        currentRank: peerTotals.length > 0 ? rankAmongPeers(total, peerTotals, String(agencyId)) : null,
        newRank: peerTotals.length > 0 && plan ? rankAmongPeers(plan.newTotal, peerTotals, String(agencyId)) : null,
        newClassification: plan ? classify(plan.newTotal, gradeBands) : null,
      },
    },
  };
}

/**
 * Tasks meant to improve the given criteria (same framework family, matched by code): those the
 * agency leads or takes part in, and the province's tasks without a lead agency.
 */
async function linkedTasks(agency: { id: number; provinceId: number }, frameworkKey: string, codes: string[], now: Date): Promise<Map<string, LinkedTask[]>> {
  if (codes.length === 0) return new Map();
  const provinceUnits = unitAndPredecessors(agency.provinceId, await lineageLinks());
  const tasks = await db.task.findMany({
    where: {
      criteria: { some: { criterion: { code: { in: codes }, framework: { key: frameworkKey } } } },
      OR: [{ leadAgencyId: agency.id }, { coAgencies: { some: { agencyId: agency.id } } }, { leadAgencyId: null, directive: { provinceId: { in: provinceUnits } } }],
    },
    include: { directive: { select: { number: true } }, leadAgency: { select: { name: true } }, criteria: { include: { criterion: { select: { code: true, framework: { select: { key: true } } } } } } },
    orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  });
  const today = vietnamToday(now);
  const byCode = new Map<string, LinkedTask[]>();
  for (const task of tasks) {
    const dto: LinkedTask = {
      id: task.id,
      title: task.title,
      directiveNumber: task.directive.number,
      leadAgency: task.leadAgency?.name ?? null,
      dueOn: task.dueOn,
      status: task.status,
      progressPercent: task.progressPercent,
      overdue: isOverdue(task, today),
    };
    for (const link of task.criteria) {
      if (link.criterion.framework.key !== frameworkKey || !codes.includes(link.criterion.code)) continue;
      byCode.set(link.criterion.code, [...(byCode.get(link.criterion.code) ?? []), dto]);
    }
  }
  return byCode;
}

/** The agencies of a province the actor may open; an agency head gets only their own. */
export async function listAgencies(actor: Actor, provinceId: number | null) {
  if (reachOf(actor.role, "province.read") === "agency") {
    authorize(actor, "province.read", { provinceId: actor.provinceId, agencyId: actor.agencyId });
    return db.agency.findMany({ where: { id: actor.agencyId ?? -1 }, select: { id: true, code: true, name: true, kind: true, isDemo: true } });
  }
  authorize(actor, "province.read", { provinceId });
  return db.agency.findMany({ where: { provinceId: provinceId ?? -1 }, orderBy: [{ kind: "asc" }, { name: "asc" }], select: { id: true, code: true, name: true, kind: true, isDemo: true } });
}
