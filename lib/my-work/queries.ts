// "My work" (/viec-cua-toi): what is on the actor's plate across the directives they may read —
// tasks, periodic reports owed and, for an agency, the criteria its tasks should improve, with the
// score that counts (lib/assessments/workflow.ts, as on the agency view).
import "server-only";
import { reachOf, type Actor } from "@/lib/auth/policy";
import { reachWhere } from "@/lib/auth/reach";
import { scoreValues } from "@/lib/assessments/queries";
import { countedScore, scoreBasis, seesAppraisal } from "@/lib/assessments/workflow";
import { db, type Prisma } from "@/lib/db/client";
import { directivesWhere } from "@/lib/directives/queries";
import { directivePeriods, reportingAgencies, reportsOwed } from "@/lib/directives/rules";
import { compareCodes } from "@/lib/format";
import { cents } from "@/lib/numbers";
import { TASK_STATUS_LABELS } from "@/lib/tasks/labels";
import { daysOverdue, isOverdue, OPEN_TASK_STATUSES } from "@/lib/tasks/rules";
import { addDays, calendarDay, vietnamToday } from "@/lib/time";
import type { LineageLink } from "@/lib/units/lineage";
import { lineageLinks } from "@/lib/units/queries";
import { pendingCards, type OpenAssessment } from "./pending";
import type { MyReportDue, MyTask, MyWork, WeakCriterion } from "./types";

/**
 * What is on the actor's plate. An agency head: open tasks their agency leads or coordinates, the
 * periodic reports it owes, and the criteria those tasks are meant to improve with its latest
 * score. Staff and leaders: the open tasks and missing reports of their province's directives.
 */
export async function getMyWork(actor: Actor, now = new Date()): Promise<MyWork> {
  const links = await lineageLinks();
  const today = vietnamToday(now);
  // Whoever reads one agency's data (its head) gets that agency's work; the others their province's.
  const forAgency = reachOf(actor.role, "province.read") === "agency";
  const agencyId = forAgency ? actor.agencyId : null;
  if (forAgency && agencyId === null) return { forAgency, agencyName: null, pending: [], tasks: [], reportsDue: [], weakCriteria: [], today };

  const directives = await db.directive.findMany({
    where: directivesWhere(actor, links),
    include: {
      tasks: {
        include: {
          coAgencies: { include: { agency: true } },
          leadAgency: true,
          criteria: { include: { criterion: { include: { framework: true } } } },
        },
        orderBy: { sortOrder: "asc" },
      },
      targets: { select: { agencyId: true, agency: { select: { id: true, name: true } } } },
      reports: { select: { agencyId: true, period: true } },
    },
    orderBy: [{ issuedOn: { sort: "desc", nulls: "last" } }, { id: "desc" }],
  });

  const tasks: MyTask[] = [];
  const reportsDue: MyReportDue[] = [];
  const aimedAt = new Map<number, { criterion: (typeof directives)[number]["tasks"][number]["criteria"][number]["criterion"]; tasks: string[] }>();
  for (const d of directives) {
    const ref = { id: d.id, number: d.number, title: d.title };
    for (const t of d.tasks) {
      if (!OPEN_TASK_STATUSES.includes(t.status)) continue;
      const part =
        agencyId === null ? "lead" : t.leadAgencyId === agencyId ? "lead" : t.coAgencies.some((c) => c.agencyId === agencyId) ? "coordinating" : null;
      if (!part) continue;
      // Staff see what needs chasing: overdue tasks, and tasks due within 30 days.
      if (agencyId === null && !(isOverdue(t, today) || (t.dueOn && calendarDay(t.dueOn) <= addDays(today, 30)))) continue;
      tasks.push({
        id: t.id,
        directive: ref,
        title: t.title,
        part,
        dueOn: t.dueOn ? calendarDay(t.dueOn) : null,
        status: t.status,
        statusLabel: TASK_STATUS_LABELS[t.status],
        progressPercent: t.progressPercent,
        overdue: isOverdue(t, today),
        daysOverdue: daysOverdue(t, today),
      });
      if (agencyId !== null) {
        for (const link of t.criteria) {
          const entry = aimedAt.get(link.criterion.id) ?? { criterion: link.criterion, tasks: [] };
          entry.tasks.push(`${d.number}: ${t.title}`);
          aimedAt.set(link.criterion.id, entry);
        }
      }
    }
    const periods = directivePeriods(d.reporting, d.years);
    if (periods.length === 0) continue;
    for (const { id, name } of reportingAgencies(d)) {
      if (agencyId !== null && id !== agencyId) continue;
      const sent = new Set(d.reports.filter((r) => r.agencyId === id).map((r) => r.period));
      // Staff chase the missing reports; the agency also sees the period in progress.
      for (const due of reportsOwed(periods, sent, today)) {
        if (agencyId !== null || due.state === "missing") reportsDue.push({ directive: ref, agency: { id, name }, ...due });
      }
    }
  }
  tasks.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999"));
  const agencyName = agencyId === null ? null : actor.agencyName;
  const weakCriteria = agencyId === null ? [] : await latestScores(actor, agencyId, [...aimedAt.values()]);
  const overdue = tasks.filter((task) => task.overdue).length;
  const pending = pendingCards(actor.role, await openAssessments(actor, links, forAgency), overdue, now);
  return { forAgency, agencyName, pending, tasks, reportsDue, weakCriteria, today };
}

/**
 * The assessments of periods not yet published that the actor reads (the permission table's reach),
 * not finalized, with their explanation requests; for the agency's own sheet also its progress.
 */
async function openAssessments(actor: Actor, links: readonly LineageLink[], ownSheet: boolean): Promise<OpenAssessment[]> {
  const reach = reachWhere<Prisma.AssessmentWhereInput>(
    actor,
    "province.read",
    { province: (unitIds) => ({ period: { provinceId: { in: unitIds } } }), agency: (agencyId) => ({ agencyId }) },
    links,
  );
  const selfScorable = { criterion: { method: "APPRAISAL" as const } };
  const rows = await db.assessment.findMany({
    where: { AND: [reach, { status: { not: "FINALIZED" }, period: { status: { not: "PUBLISHED" } } }] },
    select: {
      id: true,
      periodId: true,
      status: true,
      period: { select: { year: true, selfScoringDeadline: true } },
      scores: {
        where: ownSheet ? { OR: [selfScorable, { explanationRequest: { not: null } }] } : { explanationRequest: { not: null } },
        select: { selfScore: true, explanationRequest: true, explanationResponse: true, criterion: { select: { method: true } } },
      },
    },
    orderBy: [{ period: { year: "desc" } }, { id: "asc" }],
  });
  return rows.map((a) => {
    const scorable = a.scores.filter((s) => s.criterion.method === "APPRAISAL");
    const requests = a.scores.filter((s) => s.explanationRequest !== null);
    return {
      id: a.id,
      periodId: a.periodId,
      year: a.period.year,
      status: a.status,
      deadline: a.period.selfScoringDeadline,
      selfScorable: ownSheet ? scorable.length : 0,
      selfScored: ownSheet ? scorable.filter((s) => s.selfScore !== null).length : 0,
      requests: requests.length,
      answered: requests.filter((s) => s.explanationResponse !== null).length,
    };
  });
}

type AimedCriterion = {
  criterion: {
    id: number;
    code: string;
    name: string;
    maxPoints: Prisma.Decimal;
    frameworkId: number;
    framework: { name: string; key: string };
  };
  tasks: string[];
};

/**
 * The agency's latest score on each criterion its tasks aim at. Frameworks get new versions, so a
 * criterion is matched by code within the same framework family; a criterion above the
 * sub-criteria scores the sum of its sub-criteria.
 */
async function latestScores(actor: Actor, agencyId: number, aimed: AimedCriterion[]): Promise<WeakCriterion[]> {
  if (aimed.length === 0) return [];
  const keys = [...new Set(aimed.map((a) => a.criterion.framework.key))];
  const assessments = await db.assessment.findMany({
    where: { agencyId, period: { framework: { key: { in: keys } } } },
    include: {
      period: { include: { framework: { include: { criteria: { select: { id: true, parentId: true, code: true } } } } } },
      scores: true,
    },
    orderBy: { period: { year: "desc" } },
  });
  const rows = aimed.map(({ criterion, tasks }): WeakCriterion => {
    const maxPoints = Number(criterion.maxPoints);
    const base = { id: criterion.id, code: criterion.code, name: criterion.name, framework: criterion.framework.name, maxPoints, tasks };
    const assessment = assessments.find((a) => a.period.framework.key === criterion.framework.key);
    if (!assessment) return { ...base, score: null, year: null, basis: null, pointsLost: null };
    const nodes = assessment.period.framework.criteria;
    const node = nodes.find((c) => c.code === criterion.code);
    if (!node) return { ...base, score: null, year: assessment.period.year, basis: null, pointsLost: null };
    const leaves = new Set<number>();
    const walk = (id: number) => {
      const children = nodes.filter((c) => c.parentId === id);
      if (children.length === 0) leaves.add(id);
      for (const child of children) walk(child.id);
    };
    walk(node.id);
    const scores = assessment.scores.filter((s) => leaves.has(s.criterionId));
    const basis = scoreBasis(
      assessment.status,
      seesAppraisal(actor.role, assessment.appraisalReleasedAt, assessment.period.status),
      assessment.scores.map(scoreValues),
    );
    const counted = scores.map((s) => countedScore(scoreValues(s), basis));
    // A criterion above the sub-criteria scores the sum of theirs; none scored is no score, as on the agency view.
    const score = counted.some((value) => value !== null) ? cents(counted.reduce<number>((sum, value) => sum + (value ?? 0), 0)) : null;
    return {
      ...base,
      score,
      year: assessment.period.year,
      basis: score === null ? null : basis,
      pointsLost: score === null ? null : Math.max(0, cents(maxPoints - score)),
    };
  });
  return rows.sort((a, b) => (b.pointsLost ?? -1) - (a.pointsLost ?? -1) || compareCodes(a.code, b.code));
}
