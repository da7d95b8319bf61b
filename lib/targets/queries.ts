// The targets of a year with their evaluation (met / at risk / missed / not yet known): the
// directive's targets for the province's national results, and the targets set for its agencies.
// Facts are read here; the rule is lib/targets/evaluate.ts.
import "server-only";
import { cents } from "@/lib/numbers";
import { authorize, type Actor } from "@/lib/auth/policy";
import { db, type Prisma } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { NotFoundError } from "@/lib/errors";
import { libFormat, libTranslator } from "@/lib/i18n/lib-translator";
import { getRanking } from "@/lib/results/queries";
import { isOverdue } from "@/lib/tasks/rules";
import { currentYearInVietnam, vietnamToday } from "@/lib/time";
import { isValidOn, resultReferenceDate, unitAndPredecessors, unitLabel } from "@/lib/units/lineage";
import { scoreValues } from "@/lib/assessments/queries";
import { countedScore, scoreBasis, seesAppraisal } from "@/lib/assessments/workflow";
import type { EvaluatedTarget } from "./types";
import { evaluateTarget, targetSpec, TARGET_KIND_LABELS, type Measure, type TargetFacts } from "./evaluate";
import { lineageLinks } from "@/lib/units/queries";
import type { Ranking } from "@/lib/results/types";

const targetInclude = {
  directive: { select: { id: true, number: true, title: true, provinceId: true } },
  index: true,
  province: true,
  agency: true,
  criterion: { select: { code: true, maxPoints: true } },
} as const;

type Unit = { id: number; code: string; nameVi: string; validFrom: Date; validTo: Date | null };

/** The targets of a province (and of the old units it was formed from) and of its agencies for a year. */
export async function getProvinceTargets(actor: Actor, provinceId: number, year: number, now = new Date()): Promise<EvaluatedTarget[]> {
  authorize(actor, "province.read", { provinceId });
  const units = unitAndPredecessors(provinceId, await lineageLinks());
  const targets = await db.target.findMany({
    where: {
      year,
      OR: [{ provinceId: { in: units } }, { provinceId: null, directive: { provinceId: { in: units } } }, { agency: { provinceId: { in: units } } }],
    },
    include: targetInclude,
    orderBy: [{ agencyId: { sort: "asc", nulls: "first" } }, { id: "asc" }],
  });
  return evaluateAll(targets, actor.role, now);
}

/** The targets set for one agency for a year (its total, its criteria, its commitments). */
export async function getAgencyTargets(actor: Actor, agencyId: number, year: number, now = new Date()): Promise<EvaluatedTarget[]> {
  const agency = await db.agency.findUnique({ where: { id: agencyId } });
  if (!agency) throw new NotFoundError(libTranslator("errors.generic")("agencyNotFound"));
  authorize(actor, "province.read", { provinceId: agency.provinceId, agencyId });
  const targets = await db.target.findMany({ where: { year, agencyId }, include: targetInclude, orderBy: { id: "asc" } });
  return evaluateAll(targets, actor.role, now);
}

type LoadedTarget = Prisma.TargetGetPayload<{ include: typeof targetInclude }>;

async function evaluateAll(targets: LoadedTarget[], role: Role, now: Date): Promise<EvaluatedTarget[]> {
  const rankings = new Map<string, Promise<Ranking>>();
  const ranking = (indexCode: string, year: number) => {
    const key = `${indexCode}|${year}`;
    if (!rankings.has(key)) rankings.set(key, getRanking(indexCode, year));
    return rankings.get(key)!;
  };
  const unitIds = [...new Set(targets.map((t) => t.provinceId ?? t.directive.provinceId).filter((id): id is number => id !== null))];
  const units = new Map((await db.province.findMany({ where: { id: { in: unitIds } } })).map((u) => [u.id, u]));

  return Promise.all(
    targets.map(async (target) => {
      const unit = units.get(target.provinceId ?? target.directive.provinceId ?? -1) ?? null;
      const facts = await factsFor(target, unit, { ranking, role, now });
      const evaluation = evaluateTarget(targetSpec(target), facts);
      return {
        id: target.id,
        year: target.year,
        kind: target.kind,
        kindLabel: TARGET_KIND_LABELS[target.kind],
        indexCode: target.indexCode,
        directive: { id: target.directive.id, number: target.directive.number, title: target.directive.title },
        unitLabel: target.agency?.name ?? (unit ? unitLabel(unit) : "—"),
        agencyId: target.agencyId,
        criterionCode: target.criterion?.code ?? null,
        value: Number(target.value),
        note: target.note,
        evaluation,
      };
    }),
  );
}

const EMPTY: TargetFacts = { maxScore: null, current: null, previous: null, provisional: null, tasks: null };

type Context = { ranking: (indexCode: string, year: number) => Promise<Ranking>; role: Role; now: Date };

async function factsFor(target: LoadedTarget, unit: Unit | null, context: Context): Promise<TargetFacts> {
  if (target.kind === "COMMITMENT_COMPLETION") return commitmentFacts(target, context.now);
  if (target.agencyId !== null) return agencyFacts(target, context.role);
  if (target.index?.subject === "PROVINCE" && unit) return publishedFacts(target.index, target.year, unit, context);
  return EMPTY;
}

/** The unit's published result of the year and of the year before, ranked by the national rule. */
async function publishedFacts(index: { code: string; maxScore: unknown }, year: number, unit: Unit, context: Context): Promise<TargetFacts> {
  const measureIn = async (y: number): Promise<Measure | null> => {
    if (!isValidOn(unit, resultReferenceDate(y))) return null;
    const table = await context.ranking(index.code, y);
    const item = table.items.find((i) => i.unitCode === unit.code);
    if (!item) return null;
    // A published (or definite) rank is exact; otherwise only the bounds of the partial table are known.
    const rank = item.rank !== null ? { value: item.rank, min: item.rank, max: item.rank } : { value: null, min: item.rankMin, max: item.rankMax };
    return { year: y, score: item.score, rank: { ...rank, of: table.unitCount } };
  };
  const [current, previous] = await Promise.all([measureIn(year), measureIn(year - 1)]);
  const formedLater = !isValidOn(unit, resultReferenceDate(year - 1));
  return {
    maxScore: Number(index.maxScore),
    current,
    previous,
    noPreviousReason: formedLater
      ? libTranslator("errors.targets.facts")("formedLater", { unit: unit.nameVi, day: libFormat().calendarDate(unit.validFrom), year: String(year - 1) })
      : undefined,
    provisional: null,
    tasks: null,
  };
}

/** An agency's internal result: the final total (or a criterion's final score), else a provisional one. */
async function agencyFacts(target: LoadedTarget, role: Role): Promise<TargetFacts> {
  const assessments = await db.assessment.findMany({
    where: { agencyId: target.agencyId!, period: { year: { in: [target.year, target.year - 1] } } },
    include: {
      period: { include: { framework: true, _count: { select: { assessments: true } } } },
      scores: { include: { criterion: { select: { code: true, maxPoints: true } } } },
    },
  });
  const pick = (year: number) => {
    const ofYear = assessments.filter((a) => a.period.year === year);
    return ofYear.find((a) => a.period.framework.indexCode === target.indexCode) ?? ofYear[0] ?? null;
  };
  const now = pick(target.year);
  const before = pick(target.year - 1);
  if (target.kind === "CRITERION_SCORE") {
    const code = target.criterion?.code;
    const scoreIn = (a: typeof now) => a?.scores.find((s) => s.criterion.code === code) ?? null;
    const row = scoreIn(now);
    // The score that counts, by the rule the agency view uses (lib/assessments/workflow.ts).
    const visible = now !== null && seesAppraisal(role, now.appraisalReleasedAt, now.period.status);
    const basis = now ? scoreBasis(now.status, visible, now.scores.map(scoreValues)) : "self";
    const value = row ? countedScore(scoreValues(row), basis) : null;
    const final = basis === "final" ? value : null;
    const previousRow = scoreIn(before);
    const previousFinal = before?.status === "FINALIZED" && previousRow?.finalScore != null ? Number(previousRow.finalScore) : null;
    return {
      maxScore: row ? Number(row.criterion.maxPoints) : target.criterion ? Number(target.criterion.maxPoints) : null,
      current: final !== null ? { year: target.year, score: final, rank: null } : null,
      previous: previousFinal !== null ? { year: target.year - 1, score: previousFinal, rank: null } : null,
      provisional:
        basis === "final" || value === null
          ? null
          : { score: value, label: libTranslator("errors.targets.facts")(basis === "appraised" ? "appraisedScore" : "selfScore") },
      tasks: null,
    };
  }
  const measure = (a: typeof now, year: number): Measure | null => {
    if (a?.status !== "FINALIZED" || a.finalTotal === null || !seesAppraisal(role, a.appraisalReleasedAt, a.period.status)) return null;
    const of = a.period._count.assessments;
    const rank = a.period.status === "PUBLISHED" && a.rank !== null ? { value: a.rank, min: a.rank, max: a.rank, of } : null;
    return { year, score: Number(a.finalTotal), rank };
  };
  const current = measure(now, target.year);
  let provisional: TargetFacts["provisional"] = null;
  if (!current && now) {
    const values = now.scores.map(scoreValues);
    const basis = scoreBasis(now.status, seesAppraisal(role, now.appraisalReleasedAt, now.period.status), values);
    const total = cents(values.reduce((sum, v) => sum + (countedScore(v, basis) ?? 0), 0));
    provisional = { score: total, label: libTranslator("errors.targets.facts")(basis === "self" ? "selfTotal" : "appraisedTotal") };
  }
  return {
    maxScore: now ? Number(now.period.framework.maxScore) : before ? Number(before.period.framework.maxScore) : null,
    current,
    previous: measure(before, target.year - 1),
    provisional,
    tasks: null,
  };
}

/** Completion of the directive's tasks (those the agency leads, when the target names one). */
async function commitmentFacts(target: LoadedTarget, now: Date): Promise<TargetFacts> {
  const tasks = await db.task.findMany({
    where: {
      directiveId: target.directiveId,
      ...(target.agencyId !== null ? { leadAgencyId: target.agencyId } : {}),
      status: { not: "CANCELLED" },
    },
    select: { status: true, dueOn: true },
  });
  const today = vietnamToday(now);
  return {
    ...EMPTY,
    tasks: {
      done: tasks.filter((t) => t.status === "DONE").length,
      total: tasks.length,
      overdue: tasks.filter((t) => isOverdue(t, today)).length,
      yearEnded: currentYearInVietnam(now) > target.year,
    },
  };
}
