// Reads of the appraisal council (issue 17): which rows of a sheet the actor appraises (the reach
// rule is lib/auth/reach.ts `mayAppraise`, fed here with the actor's assignments), and the council
// page: Home Affairs sees every member with their progress; a member their own part and sheets.
import "server-only";
import { can, ForbiddenError, reachOf, type Actor } from "@/lib/auth/policy";
import { councilRoles, mayAppraise } from "@/lib/auth/reach";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { compareVietnamese } from "@/lib/format";
import { libTranslator } from "@/lib/i18n/lib-translator";
import type { CouncilMember, PeriodCouncil } from "../types";
import { criterionPath, memberProgress, type CriterionNode, type SheetRows } from "./rules";

type SheetUnit = { periodId: number; provinceId: number; agencyId: number; frameworkId: number };

/** An assessment as the council's reach reads it. */
export const sheetUnit = (assessment: { periodId: number; agencyId: number; period: { provinceId: number; frameworkId: number } }): SheetUnit => ({
  periodId: assessment.periodId,
  provinceId: assessment.period.provinceId,
  agencyId: assessment.agencyId,
  frameworkId: assessment.period.frameworkId,
});

/** The roles whose appraisal comes from an assignment (the table's "council" reach). */
export const appraisesByAssignment = (actor: Pick<Actor, "role">) => reachOf(actor.role, "assessment.appraise") === "council";

async function frameworkNodes(frameworkId: number): Promise<Map<number, CriterionNode>> {
  const nodes = await db.criterion.findMany({ where: { frameworkId }, select: { id: true, parentId: true } });
  return new Map(nodes.map((node) => [node.id, node]));
}

/**
 * Which sub-criteria of one sheet the actor may appraise (and read with their evidence): every one
 * or none by the table for Home Affairs and administrators, those their assignments cover for a
 * council member (`mayAppraise`).
 */
export async function appraisalReach(actor: Actor, sheet: SheetUnit): Promise<(criterionId: number) => boolean> {
  const scope = { provinceId: sheet.provinceId, agencyId: sheet.agencyId };
  if (!appraisesByAssignment(actor)) {
    const allowed = can(actor, "assessment.appraise", scope);
    return () => allowed;
  }
  const assignments = await db.councilAssignment.findMany({
    where: { periodId: sheet.periodId, userId: actor.id },
    select: { periodId: true, criterionId: true },
  });
  if (assignments.length === 0) return () => false;
  const nodes = await frameworkNodes(sheet.frameworkId);
  return (criterionId) => mayAppraise(actor, { ...scope, periodId: sheet.periodId, criterionPath: criterionPath(criterionId, nodes) }, assignments);
}

/** 403 unless the actor may appraise every one of these sub-criteria of the sheet. */
export async function authorizeAppraisal(actor: Actor, sheet: SheetUnit, criterionIds: readonly number[]): Promise<void> {
  const may = await appraisalReach(actor, sheet);
  if (criterionIds.length === 0 || !criterionIds.every(may)) throw new ForbiddenError();
}

/** The periods whose council names the actor (for the periods list). */
export async function councilPeriods(actor: Actor) {
  if (!appraisesByAssignment(actor)) return [];
  const periods = await db.assessmentPeriod.findMany({
    where: { provinceId: actor.provinceId ?? -1, council: { some: { userId: actor.id } } },
    orderBy: { year: "desc" },
    select: { id: true, year: true, status: true, framework: { select: { name: true } } },
  });
  return periods.map((p) => ({ id: p.id, year: p.year, status: p.status, frameworkName: p.framework.name }));
}

/** The council of a period: Home Affairs (assessment.manage) every member; a member their own part. */
export async function periodCouncil(actor: Actor, periodId: number): Promise<PeriodCouncil> {
  const period = await db.assessmentPeriod.findUnique({
    where: { id: periodId },
    include: {
      framework: { include: { criteria: { orderBy: { sortOrder: "asc" } } } },
      council: { include: { user: { include: { agency: true } }, criterion: true }, orderBy: { id: "asc" } },
      assessments: {
        include: {
          agency: true,
          scores: { select: { criterionId: true, notApplicable: true, round1Score: true, round2Score: true, explanationRequest: true } },
        },
      },
    },
  });
  if (!period) throw new NotFoundError(libTranslator("errors.scoring")("periodNotFound"));
  const canManage = can(actor, "assessment.manage", { provinceId: period.provinceId });
  const own = period.council.filter((a) => a.userId === actor.id);
  // A member reads their own part of their own province's period, nothing else.
  if (!canManage && (own.length === 0 || !appraisesByAssignment(actor) || actor.provinceId !== period.provinceId)) throw new ForbiddenError();

  const nodes = new Map(period.framework.criteria.map((c) => [c.id, { id: c.id, parentId: c.parentId }]));
  const sheets: (SheetRows & { assessmentId: number; agencyName: string; status: (typeof period.assessments)[number]["status"] })[] = period.assessments
    .map((a) => ({
      assessmentId: a.id,
      agencyId: a.agencyId,
      agencyName: a.agency.name,
      status: a.status,
      rows: a.scores.map((s) => ({
        criterionId: s.criterionId,
        notApplicable: s.notApplicable,
        round1: s.round1Score !== null,
        round2: s.round2Score !== null,
        requested: s.explanationRequest !== null,
      })),
    }))
    .sort((a, b) => compareVietnamese(a.agencyName, b.agencyName));
  const byUser = new Map<number, typeof period.council>();
  for (const a of canManage ? period.council : own) byUser.set(a.userId, [...(byUser.get(a.userId) ?? []), a]);
  const members: CouncilMember[] = [...byUser.values()].map((assignments) => {
    const user = assignments[0].user;
    const assigned = new Set(assignments.map((a) => a.criterionId));
    return {
      userId: user.id,
      name: user.name,
      email: user.email,
      agencyName: user.agency?.name ?? null,
      assignments: assignments.map((a) => ({ id: a.id, criterionId: a.criterionId, code: a.criterion.code, name: a.criterion.name, level: a.criterion.level })),
      progress: memberProgress({ agencyId: user.agencyId, assigned }, nodes, sheets),
    };
  });
  const mine = members.find((m) => m.userId === actor.id);
  const ownAssigned = new Set(own.map((a) => a.criterionId));
  return {
    periodId: period.id,
    year: period.year,
    status: period.status,
    frameworkName: period.framework.name,
    canManage,
    members,
    nodes: period.framework.criteria.map((c) => ({ id: c.id, code: c.code, name: c.name, level: c.level })),
    candidates: canManage ? await candidates(period.provinceId) : [],
    sheets:
      !canManage && mine
        ? sheets
            .filter((s) => s.agencyId !== actor.agencyId)
            .map((s) => {
              const p = memberProgress({ agencyId: null, assigned: ownAssigned }, nodes, [s]);
              return { assessmentId: s.assessmentId, agencyName: s.agencyName, status: s.status, total: p.total, round1: p.round1, round2: p.round2 };
            })
        : [],
  };
}

/** Active accounts of the province whose role appraises by assignment: agency heads (of the province's agencies) and leaders. */
async function candidates(provinceId: number) {
  const users = await db.user.findMany({
    where: { active: true, role: { in: councilRoles() }, OR: [{ provinceId }, { agency: { provinceId } }] },
    include: { agency: true },
  });
  return users.map((u) => ({ id: u.id, name: u.name, email: u.email, agencyName: u.agency?.name ?? null })).sort((a, b) => compareVietnamese(a.name, b.name));
}
