// The view of one agency's criteria (/co-quan/[id]): flags, year-over-year change, "what to fix"
// and the tasks meant to improve them, read from the score that counts (lib/assessments/workflow.ts).
import "server-only";
import { cents, numberOrNull } from "@/lib/numbers";
import { authorize, can, reachOf, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { classify } from "@/lib/frameworks/grades";
import { getAgencyTargets } from "@/lib/targets/queries";
import { isOverdue } from "@/lib/tasks/rules";
import { vietnamToday } from "@/lib/time";
import { unitAndPredecessors } from "@/lib/units/lineage";
import { criterionFlags, pointsLost, sortCriteria, type SortOrder } from "../flags";
import { scoreValues } from "@/lib/assessments/queries";
import { appraisedScore, countedScore, scoreBasis, seesAppraisal } from "@/lib/assessments/workflow";
import { defaultTarget, planFixes, rankAmongPeers } from "../what-to-fix";
import { yearOverYear } from "../yoy";
import { lineageLinks } from "@/lib/units/queries";
import type { AgencyView, LinkedTask } from "../types";

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
  if (!agency) throw new NotFoundError(libTranslator("errors.generic")("agencyNotFound"));
  authorize(actor, "province.read", { provinceId: agency.provinceId, agencyId });

  const [assessments, agencies] = await Promise.all([
    db.assessment.findMany({
      where: { agencyId },
      include: { period: { include: { framework: { include: { gradeBands: true } } } } },
      orderBy: [{ period: { year: "desc" } }, { id: "desc" }],
    }),
    can(actor, "province.read", { provinceId: agency.provinceId })
      ? db.agency.findMany({
          where: { provinceId: agency.provinceId },
          orderBy: [{ kind: "asc" }, { name: "asc" }],
          select: { id: true, name: true },
        })
      : Promise.resolve([]),
  ]);
  const chosen =
    params.year !== undefined
      ? assessments.find((a) => a.period.year === params.year)
      : (assessments.find((a) => a.status === "FINALIZED" && a.period.status === "PUBLISHED") ??
        assessments.find((a) => a.status === "FINALIZED") ??
        assessments[0]);
  const base: AgencyView = {
    agency: {
      id: agency.id,
      code: agency.code,
      name: agency.name,
      isDemo: agency.isDemo,
      provinceId: agency.provinceId,
      provinceName: agency.province.nameVi,
    },
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
    db.criterion.findMany({
      where: { frameworkId: chosen.period.frameworkId },
      select: { id: true, parentId: true, level: true, code: true, name: true, maxPoints: true, method: true },
    }),
    db.criterionScore.findMany({ where: { assessmentId: chosen.id } }),
    previous
      ? db.criterionScore.findMany({
          where: { assessmentId: previous.id },
          include: { criterion: { select: { code: true, maxPoints: true } } },
        })
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
  const targetSource =
    params.target !== undefined ? { source: "entered" as const, label: libTranslator("errors.dashboards")("targetEntered"), value: params.target } : suggested;
  // Only what the agency can act on: a survey or statistics criterion is not recovered by its work.
  const losing = rows.filter((r) => r.lost > 0);
  const candidates = losing.filter((r) => r.method === "APPRAISAL").map(({ code, name, maxPoints, score }) => ({ code, name, maxPoints, score }));
  const notActionable = losing.filter((r) => r.method !== "APPRAISAL").map((r) => r.code);
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
        notActionable,
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
      OR: [
        { leadAgencyId: agency.id },
        { coAgencies: { some: { agencyId: agency.id } } },
        { leadAgencyId: null, directive: { provinceId: { in: provinceUnits } } },
      ],
    },
    include: {
      directive: { select: { number: true } },
      leadAgency: { select: { name: true } },
      criteria: { include: { criterion: { select: { code: true, framework: { select: { key: true } } } } } },
    },
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
    return db.agency.findMany({
      where: { id: actor.agencyId ?? -1 },
      select: { id: true, code: true, name: true, kind: true, isDemo: true },
    });
  }
  authorize(actor, "province.read", { provinceId });
  return db.agency.findMany({
    where: { provinceId: provinceId ?? -1 },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, code: true, name: true, kind: true, isDemo: true },
  });
}
