// Reads of the internal assessment periods: the periods an actor may see, one period with its
// agencies' totals, what a period can be opened with, and a period's scores as a file (the layout
// staff exchange, ../scores-file.ts). Authorized for the unit they belong to.
import "server-only";
import { authorize, can, ForbiddenError, type Actor } from "@/lib/auth/policy";
import { reachWhere } from "@/lib/auth/reach";
import { db, type Prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { compareVietnamese } from "@/lib/format";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { messageLocale } from "@/lib/i18n/message-locale";
import { tableFile, type Cell, type TableFormat } from "@/lib/io/table-file";
import { cents, numberOrNull } from "@/lib/numbers";
import { exportedAppraised, exportedComment, SCORE_COLUMNS, type ScoreTarget, scoreHeadings } from "../scores-file";
import { applicableMaximum, percentOfApplicable } from "../applicable";
import type { AssessmentRow, PeriodSummary } from "../types";
import { appraisedScore, canSelfScore, effectiveDeadline, seesAppraisal, selfTotal } from "../workflow";

/** The periods the actor may see: all (ADMIN), their province's, or those that score their agency. */
export async function listPeriods(actor: Actor): Promise<PeriodSummary[]> {
  const where = reachWhere<Prisma.AssessmentPeriodWhereInput>(actor, "province.read", {
    province: (unitIds) => ({ provinceId: { in: unitIds } }),
    agency: (agencyId) => ({ assessments: { some: { agencyId } } }),
  });
  const periods = await db.assessmentPeriod.findMany({
    where,
    orderBy: [{ year: "desc" }, { id: "desc" }],
    include: { province: true, framework: true, peerGroup: true, assessments: { select: { status: true, agencyId: true } } },
  });
  return periods.map((p) => ({
    id: p.id,
    year: p.year,
    provinceName: p.province.nameVi,
    frameworkName: p.framework.name,
    peerGroupName: p.peerGroup?.name ?? null,
    frameworkIllustrative: p.framework.isIllustrative,
    deadline: p.selfScoringDeadline,
    status: p.status,
    isDemo: p.isDemo,
    agencyCount: p.assessments.length,
    finalizedCount: p.assessments.filter((a) => a.status === "FINALIZED").length,
  }));
}

export async function getPeriod(actor: Actor, periodId: number) {
  const period = await db.assessmentPeriod.findUnique({
    where: { id: periodId },
    include: {
      province: true,
      peerGroup: true,
      framework: { include: { gradeBands: { orderBy: { minScore: "desc" } } } },
      assessments: {
        include: {
          agency: { include: { peerGroup: true } },
          scores: {
            select: {
              selfScore: true,
              round1Score: true,
              round2Score: true,
              notApplicable: true,
              explanationRequest: true,
              explanationResponse: true,
              criterion: { select: { maxPoints: true, method: true } },
            },
          },
        },
        orderBy: { agency: { name: "asc" } },
      },
    },
  });
  if (!period) throw new NotFoundError(libTranslator("errors.scoring")("periodNotFound"));
  // An agency head sees the period through their own agency's row only.
  const visible = period.assessments.filter((a) => can(actor, "province.read", { provinceId: period.provinceId, agencyId: a.agencyId }));
  if (visible.length === 0) authorize(actor, "province.read", { provinceId: period.provinceId, agencyId: -1 });
  const sees = (a: (typeof period.assessments)[number]) => seesAppraisal(actor.role, a.appraisalReleasedAt, period.status);
  const rows: AssessmentRow[] = visible.map((a) => {
    const scores = a.scores.map((s) => ({
      selfScore: numberOrNull(s.selfScore),
      round1Score: numberOrNull(s.round1Score),
      round2Score: numberOrNull(s.round2Score),
    }));
    const appraised = scores.map(appraisedScore);
    const applicableMax = applicableMaximum(a.scores.map((s) => ({ maxPoints: Number(s.criterion.maxPoints), notApplicable: s.notApplicable })));
    const finalShown = sees(a) ? numberOrNull(a.finalTotal) : null;
    return {
      id: a.id,
      agencyId: a.agencyId,
      agencyCode: a.agency.code,
      agencyName: a.agency.name,
      agencyKind: a.agency.kind,
      status: a.status,
      explained: a.status === "EXPLANATION_REQUESTED" && a.scores.every((s) => !s.explanationRequest || Boolean(s.explanationResponse)),
      selfScored: a.scores.filter((s) => s.criterion.method === "APPRAISAL" && !s.notApplicable && s.selfScore !== null).length,
      selfScorable: a.scores.filter((s) => s.criterion.method === "APPRAISAL" && !s.notApplicable).length,
      selfTotal: selfTotal(scores.map((s) => ({ ...s, maxPoints: 0, method: "APPRAISAL" as const }))),
      appraisedTotal: sees(a) && appraised.some((v) => v !== null) ? cents(appraised.reduce<number>((s, v) => s + (v ?? 0), 0)) : null,
      finalTotal: finalShown,
      applicableMax,
      notApplicableCount: a.scores.filter((s) => s.notApplicable).length,
      finalPercent: percentOfApplicable(finalShown, applicableMax),
      peerGroup: a.agency.peerGroup?.name ?? null,
      rank: sees(a) ? a.rank : null,
      peerRank: sees(a) ? a.peerRank : null,
      classification: sees(a) ? a.classification : null,
      version: a.version,
    };
  });
  if (period.status === "PUBLISHED") rows.sort(byRank);
  return {
    id: period.id,
    year: period.year,
    provinceId: period.provinceId,
    provinceName: period.province.nameVi,
    peerGroupName: period.peerGroup?.name ?? null,
    framework: {
      id: period.framework.id,
      name: period.framework.name,
      isIllustrative: period.framework.isIllustrative,
      maxScore: Number(period.framework.maxScore),
      gradesOnPercentage: period.framework.gradesOnPercentage,
      agencyKind: period.framework.agencyKind,
      gradeBands: period.framework.gradeBands.map((b) => ({ label: b.label, minScore: Number(b.minScore) })),
    },
    deadline: period.selfScoringDeadline,
    status: period.status,
    publishedAt: period.publishedAt,
    isDemo: period.isDemo,
    version: period.version,
    assessments: rows,
    canManage: can(actor, "assessment.manage", { provinceId: period.provinceId }),
  };
}

/** A published period's order: by rank (those without one last), then by name. */
const byRank = (a: { rank: number | null; agencyName: string }, b: { rank: number | null; agencyName: string }) =>
  (a.rank ?? 1e9) - (b.rank ?? 1e9) || compareVietnamese(a.agencyName, b.agencyName);

/**
 * The ranking annex's rows: getPeriod's agencies, order and permission (what each reader may see),
 * with each agency's appraised points per field summed by the database in one grouped query rather
 * than every score of the period read twice (13,500 rows for 150 agencies).
 */
export async function getPeriodRanking(actor: Actor, periodId: number) {
  const period = await db.assessmentPeriod.findUnique({
    where: { id: periodId },
    include: {
      province: true,
      framework: true,
      assessments: { include: { agency: { include: { peerGroup: true } } }, orderBy: { agency: { name: "asc" } } },
    },
  });
  if (!period) throw new NotFoundError(libTranslator("errors.scoring")("periodNotFound"));
  const visible = period.assessments.filter((a) => can(actor, "province.read", { provinceId: period.provinceId, agencyId: a.agencyId }));
  if (visible.length === 0) authorize(actor, "province.read", { provinceId: period.provinceId, agencyId: -1 });
  const shown = visible.filter((a) => seesAppraisal(actor.role, a.appraisalReleasedAt, period.status));
  const [fields, sums] = await Promise.all([
    db.criterion.findMany({
      where: { frameworkId: period.frameworkId, level: "FIELD" },
      select: { id: true, code: true, name: true },
      orderBy: { sortOrder: "asc" },
    }),
    fieldSums(
      period.frameworkId,
      shown.map((a) => a.id),
    ),
  ]);
  const rows = visible.map((a) => {
    const sees = shown.includes(a);
    const finalTotal = sees ? numberOrNull(a.finalTotal) : null;
    const points = sums.get(a.id) ?? {};
    // As getPeriod: the points of an agency with neither an appraised score nor a final total are not shown.
    const appraised = Object.values(points).some((v) => v !== null);
    return {
      id: a.id,
      agencyId: a.agencyId,
      agencyName: a.agency.name,
      peerGroup: a.agency.peerGroup?.name ?? null,
      fieldPoints: sees && (appraised || finalTotal !== null) ? points : {},
      finalTotal,
      rank: sees ? a.rank : null,
      classification: sees ? a.classification : null,
    };
  });
  if (period.status === "PUBLISHED") rows.sort(byRank);
  return {
    year: period.year,
    provinceId: period.provinceId,
    provinceName: period.province.nameVi,
    status: period.status,
    maxScore: Number(period.framework.maxScore),
    fields,
    assessments: rows,
  };
}

/** Appraised points (round 2, else round 1) per assessment and field: null where a field has scores but none appraised. */
async function fieldSums(frameworkId: number, assessmentIds: number[]): Promise<Map<number, Record<number, number | null>>> {
  const rows = await db.$queryRaw<{ assessmentId: number; fieldId: number; points: Prisma.Decimal | null }[]>`
    WITH RECURSIVE field_of AS (
      SELECT id, id AS field_id FROM criterion WHERE framework_id = ${frameworkId} AND parent_id IS NULL
      UNION ALL
      SELECT c.id, f.field_id FROM criterion c JOIN field_of f ON c.parent_id = f.id
    )
    SELECT cs.assessment_id AS "assessmentId", f.field_id AS "fieldId", sum(coalesce(cs.round2_score, cs.round1_score)) AS points
      FROM criterion_score cs JOIN field_of f ON f.id = cs.criterion_id
     WHERE cs.assessment_id = ANY(${assessmentIds}::int[])
     GROUP BY cs.assessment_id, f.field_id`;
  const sums = new Map<number, Record<number, number | null>>();
  for (const r of rows) {
    const row = sums.get(r.assessmentId) ?? {};
    row[r.fieldId] = r.points === null ? null : cents(Number(r.points));
    sums.set(r.assessmentId, row);
  }
  return sums;
}

/** Internal frameworks and agencies a period can be opened with, for the actor's province. */
export async function openingOptions(actor: Actor, provinceId: number) {
  authorize(actor, "assessment.manage", { provinceId });
  const [frameworks, agencies, peerGroups] = await Promise.all([
    db.framework.findMany({
      where: { ownerProvinceId: provinceId, index: { subject: "AGENCY" }, status: "ACTIVE" },
      orderBy: [{ key: "asc" }, { version: "desc" }],
    }),
    // The province itself (kind PROVINCE) is assessed against the national framework only (./self-assessment).
    db.agency.findMany({ where: { provinceId, validTo: null, kind: { not: "PROVINCE" } }, orderBy: [{ kind: "asc" }, { name: "asc" }] }),
    db.peerGroup.findMany({ where: { provinceId }, orderBy: { name: "asc" } }),
  ]);
  return {
    frameworks: frameworks.map((f) => ({
      id: f.id,
      name: f.name,
      version: f.version,
      validFromYear: f.validFromYear,
      validToYear: f.validToYear,
      agencyKind: f.agencyKind,
    })),
    agencies: agencies.map((a) => ({ id: a.id, code: a.code, name: a.name, kind: a.kind, peerGroupId: a.peerGroupId })),
    peerGroups: peerGroups.map((g) => ({ id: g.id, name: g.name })),
  };
}

/** Provinces that have an internal framework, for an administrator choosing where to open a year. */
export async function provincesWithInternalFrameworks(actor: Actor) {
  authorize(actor, "assessment.manage", { provinceId: null });
  const provinces = await db.province.findMany({
    where: { frameworks: { some: { index: { subject: "AGENCY" } } } },
    orderBy: { nameVi: "asc" },
  });
  return provinces.map((p) => ({ id: p.id, name: p.nameVi }));
}

// ───────────────────────── The period's scores as a file ─────────────────────────

/** Every sub-criterion score of a period (or of one assessment), with what the rules need. */
export async function loadTargets(actor: Actor, periodId: number, assessmentId?: number, now = new Date()) {
  const period = await db.assessmentPeriod.findUnique({ where: { id: periodId }, include: { framework: true } });
  if (!period) throw new NotFoundError(libTranslator("errors.scoring")("periodNotFound"));
  const assessments = await db.assessment.findMany({
    where: { periodId, ...(assessmentId ? { id: assessmentId } : {}) },
    include: { agency: true },
  });
  if (assessmentId && assessments.length === 0) throw new NotFoundError(libTranslator("errors.scoring")("assessmentNotInPeriod"));
  const visible = assessments.filter((a) => can(actor, "province.read", { provinceId: period.provinceId, agencyId: a.agencyId }));
  if (visible.length === 0) throw new ForbiddenError();
  const criteria = await db.criterion.findMany({ where: { frameworkId: period.frameworkId }, orderBy: { sortOrder: "asc" } });
  const criterionById = new Map(criteria.map((c) => [c.id, c]));
  const scores = await db.criterionScore.findMany({
    where: { assessmentId: { in: visible.map((a) => a.id) } },
    select: {
      id: true,
      assessmentId: true,
      criterionId: true,
      version: true,
      selfScore: true,
      selfComment: true,
      round1Score: true,
      round1Comment: true,
      round2Score: true,
      round2Comment: true,
      notApplicable: true,
    },
  });
  const assessmentById = new Map(visible.map((a) => [a.id, a]));
  const targets = new Map<string, ScoreTarget & { agencyName: string; name: string; sortOrder: number }>();
  for (const s of scores) {
    const assessment = assessmentById.get(s.assessmentId)!;
    const criterion = criterionById.get(s.criterionId)!;
    // An agency does not see its appraisal before staff release it: not in the file, and not in
    // what the import compares with (its answers would tell a guess that matches from one that does not).
    const appraisal = seesAppraisal(actor.role, assessment.appraisalReleasedAt, period.status)
      ? {
          round1Score: numberOrNull(s.round1Score),
          round1Comment: s.round1Comment,
          round2Score: numberOrNull(s.round2Score),
          round2Comment: s.round2Comment,
        }
      : { round1Score: null, round1Comment: null, round2Score: null, round2Comment: null };
    targets.set(`${assessment.agency.code}\u0000${criterion.code}`, {
      criterionScoreId: s.id,
      assessmentId: s.assessmentId,
      version: s.version,
      code: criterion.code,
      name: criterion.name,
      sortOrder: criterion.sortOrder,
      agencyCode: assessment.agency.code,
      agencyName: assessment.agency.name,
      maxPoints: Number(criterion.maxPoints),
      selfScorable: criterion.method === "APPRAISAL",
      notApplicable: s.notApplicable,
      status: assessment.status,
      selfScoringOpen: canSelfScore(assessment.status, effectiveDeadline(period.selfScoringDeadline, assessment.deadlineExtendedTo), now),
      selfScore: numberOrNull(s.selfScore),
      selfComment: s.selfComment,
      ...appraisal,
    });
  }
  return { period, visible, targets };
}

export async function exportScores(actor: Actor, options: { periodId: number; assessmentId?: number; format: TableFormat }) {
  const { period, targets } = await loadTargets(actor, options.periodId, options.assessmentId);
  const rows: Cell[][] = [...targets.values()]
    .sort((a, b) => compareVietnamese(a.agencyName, b.agencyName) || a.sortOrder - b.sortOrder)
    .map((t) => [t.agencyCode, t.agencyName, t.code, t.name, t.maxPoints, t.selfScore, exportedAppraised(t), exportedComment(t)]);
  const fileName = `diem-cchc-${period.year}${options.assessmentId ? `-${rows[0]?.[0] ?? ""}` : ""}`;
  // For the people who fill it in: headings and decimal mark in their language (it reads back in either).
  const locale = messageLocale();
  const headings = scoreHeadings(locale);
  const sheetName = libTranslator("errors.scoresFile", locale)("sheet", { year: String(period.year) });
  return tableFile({ columns: SCORE_COLUMNS.map((column) => headings[column]), rows, fileName, sheetName, locale }, options.format);
}
