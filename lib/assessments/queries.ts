// Reads of the internal scoring workflow, authorized for the unit they belong to.
import "server-only";
import { cents, numberOrNull } from "@/lib/numbers";
import { db } from "@/lib/db/client";
import type { AgencyKind, AssessmentMethod, AssessmentStatus, PeriodStatus } from "@/lib/db/generated/enums";
import { authorize, can, type Actor } from "@/lib/auth/policy";
import { reachWhere } from "@/lib/auth/reach";
import type { Prisma } from "@/lib/db/client";

type Decimal = Prisma.Decimal;
import { NotFoundError } from "@/lib/errors";
import { appraisalRound, appraisedScore, canSelfScore, seesAppraisal, selfTotal } from "./workflow";
import { compareVietnamese } from "@/lib/format";

/** A stored criterion score as plain numbers, as the workflow's rules read it. */
export function scoreValues(score: { selfScore: Decimal | null; round1Score: Decimal | null; round2Score: Decimal | null; finalScore: Decimal | null }) {
  return {
    selfScore: numberOrNull(score.selfScore),
    round1Score: numberOrNull(score.round1Score),
    round2Score: numberOrNull(score.round2Score),
    finalScore: numberOrNull(score.finalScore),
  };
}

export type PeriodSummary = {
  id: number;
  year: number;
  provinceName: string;
  frameworkName: string;
  frameworkIllustrative: boolean;
  deadline: Date;
  status: PeriodStatus;
  isDemo: boolean;
  agencyCount: number;
  finalizedCount: number;
};

/** The periods the actor may see: all (ADMIN), their province's, or those that score their agency. */
export async function listPeriods(actor: Actor): Promise<PeriodSummary[]> {
  const where = reachWhere<Prisma.AssessmentPeriodWhereInput>(actor, "province.read", {
    province: (unitIds) => ({ provinceId: { in: unitIds } }),
    agency: (agencyId) => ({ assessments: { some: { agencyId } } }),
  });
  const periods = await db.assessmentPeriod.findMany({
    where,
    orderBy: [{ year: "desc" }, { id: "desc" }],
    include: { province: true, framework: true, assessments: { select: { status: true, agencyId: true } } },
  });
  return periods.map((p) => ({
    id: p.id,
    year: p.year,
    provinceName: p.province.nameVi,
    frameworkName: p.framework.name,
    frameworkIllustrative: p.framework.isIllustrative,
    deadline: p.selfScoringDeadline,
    status: p.status,
    isDemo: p.isDemo,
    agencyCount: p.assessments.length,
    finalizedCount: p.assessments.filter((a) => a.status === "FINALIZED").length,
  }));
}

export type AssessmentRow = {
  id: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  agencyKind: AgencyKind;
  status: AssessmentStatus;
  selfTotal: number;
  appraisedTotal: number | null;
  finalTotal: number | null;
  rank: number | null;
  classification: string | null;
  version: number;
};

export async function getPeriod(actor: Actor, periodId: number) {
  const period = await db.assessmentPeriod.findUnique({
    where: { id: periodId },
    include: {
      province: true,
      framework: { include: { gradeBands: { orderBy: { minScore: "desc" } } } },
      assessments: {
        include: { agency: true, scores: { select: { selfScore: true, round1Score: true, round2Score: true } } },
        orderBy: { agency: { name: "asc" } },
      },
    },
  });
  if (!period) throw new NotFoundError("Không tìm thấy kỳ đánh giá.");
  // An agency head sees the period through their own agency's row only.
  const visible = period.assessments.filter((a) => can(actor, "province.read", { provinceId: period.provinceId, agencyId: a.agencyId }));
  if (visible.length === 0) authorize(actor, "province.read", { provinceId: period.provinceId, agencyId: -1 });
  const sees = (a: (typeof period.assessments)[number]) => seesAppraisal(actor.role, a.appraisalReleasedAt, period.status);
  const rows: AssessmentRow[] = visible.map((a) => {
    const scores = a.scores.map((s) => ({ selfScore: numberOrNull(s.selfScore), round1Score: numberOrNull(s.round1Score), round2Score: numberOrNull(s.round2Score) }));
    const appraised = scores.map(appraisedScore);
    return {
      id: a.id,
      agencyId: a.agencyId,
      agencyCode: a.agency.code,
      agencyName: a.agency.name,
      agencyKind: a.agency.kind,
      status: a.status,
      selfTotal: selfTotal(scores.map((s) => ({ ...s, maxPoints: 0, method: "APPRAISAL" as const }))),
      appraisedTotal: sees(a) && appraised.some((v) => v !== null) ? cents(appraised.reduce<number>((s, v) => s + (v ?? 0), 0)) : null,
      finalTotal: sees(a) ? numberOrNull(a.finalTotal) : null,
      rank: sees(a) ? a.rank : null,
      classification: sees(a) ? a.classification : null,
      version: a.version,
    };
  });
  if (period.status === "PUBLISHED") rows.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || compareVietnamese(a.agencyName, b.agencyName));
  return {
    id: period.id,
    year: period.year,
    provinceId: period.provinceId,
    provinceName: period.province.nameVi,
    framework: {
      id: period.framework.id,
      name: period.framework.name,
      isIllustrative: period.framework.isIllustrative,
      maxScore: Number(period.framework.maxScore),
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

export type SheetCriterion = {
  id: number;
  parentId: number | null;
  level: "FIELD" | "CRITERION" | "SUB_CRITERION";
  code: string;
  name: string;
  maxPoints: number;
  method: AssessmentMethod;
  guidance: string | null;
  requiredEvidence: string | null;
  score: null | {
    id: number;
    version: number;
    selfScore: number | null;
    selfComment: string | null;
    round1Score: number | null;
    round1Comment: string | null;
    explanationRequest: string | null;
    explanationResponse: string | null;
    round2Score: number | null;
    round2Comment: string | null;
    finalScore: number | null;
    evidence: { id: number; fileName: string; sizeBytes: number; uploadedAt: Date }[];
  };
};

/** One agency's scoring sheet: the framework's tree with the scores the actor may see. */
export async function getAssessmentSheet(actor: Actor, assessmentId: number, now = new Date()) {
  const assessment = await db.assessment.findUnique({
    where: { id: assessmentId },
    include: {
      agency: true,
      period: { include: { province: true, framework: { include: { criteria: { orderBy: { sortOrder: "asc" } } } } } },
      scores: { include: { evidence: { orderBy: { uploadedAt: "asc" } } } },
    },
  });
  if (!assessment) throw new NotFoundError("Không tìm thấy phiếu đánh giá.");
  const scope = { provinceId: assessment.period.provinceId, agencyId: assessment.agencyId };
  authorize(actor, "province.read", scope);
  // Until staff release the appraisal, the agency sees only its own self-scoring.
  const visible = seesAppraisal(actor.role, assessment.appraisalReleasedAt, assessment.period.status);
  const byCriterion = new Map(assessment.scores.map((s) => [s.criterionId, s]));
  const criteria: SheetCriterion[] = assessment.period.framework.criteria.map((c) => {
    const s = byCriterion.get(c.id);
    return {
      id: c.id,
      parentId: c.parentId,
      level: c.level,
      code: c.code,
      name: c.name,
      maxPoints: Number(c.maxPoints),
      method: c.method,
      guidance: c.guidance,
      requiredEvidence: c.requiredEvidence,
      score: s
        ? {
            id: s.id,
            version: s.version,
            selfScore: numberOrNull(s.selfScore),
            selfComment: s.selfComment,
            round1Score: visible ? numberOrNull(s.round1Score) : null,
            round1Comment: visible ? s.round1Comment : null,
            explanationRequest: visible ? s.explanationRequest : null,
            explanationResponse: s.explanationResponse,
            round2Score: visible ? numberOrNull(s.round2Score) : null,
            round2Comment: visible ? s.round2Comment : null,
            finalScore: visible ? numberOrNull(s.finalScore) : null,
            evidence: s.evidence.map((e) => ({ id: e.id, fileName: e.fileName, sizeBytes: e.sizeBytes, uploadedAt: e.uploadedAt })),
          }
        : null,
    };
  });
  const framework = assessment.period.framework;
  return {
    id: assessment.id,
    version: assessment.version,
    status: assessment.status,
    agency: { id: assessment.agency.id, code: assessment.agency.code, name: assessment.agency.name, isDemo: assessment.agency.isDemo },
    period: {
      id: assessment.period.id,
      year: assessment.period.year,
      provinceName: assessment.period.province.nameVi,
      deadline: assessment.period.selfScoringDeadline,
      status: assessment.period.status,
    },
    framework: {
      name: framework.name,
      isIllustrative: framework.isIllustrative,
      maxScore: Number(framework.maxScore),
      bonusCap: Number(framework.bonusCap),
      penaltyCap: Number(framework.penaltyCap),
    },
    bonusPoints: visible ? Number(assessment.bonusPoints) : null,
    bonusReason: visible ? assessment.bonusReason : null,
    penaltyPoints: visible ? Number(assessment.penaltyPoints) : null,
    penaltyReason: visible ? assessment.penaltyReason : null,
    finalTotal: visible ? numberOrNull(assessment.finalTotal) : null,
    rank: visible ? assessment.rank : null,
    classification: visible ? assessment.classification : null,
    submittedAt: assessment.submittedAt,
    criteria,
    /** What the actor may do now, for the form controls (lib re-checks on every write). */
    abilities: {
      selfScore: can(actor, "assessment.selfScore", scope) && canSelfScore(assessment.status, assessment.period.selfScoringDeadline, now),
      explain: can(actor, "assessment.selfScore", scope) && assessment.status === "EXPLANATION_REQUESTED",
      appraiseRound: can(actor, "assessment.manage", scope) ? appraisalRound(assessment.status) : null,
      manage: can(actor, "assessment.manage", scope),
      seesAppraisal: visible,
    },
  };
}

/** An evidence file with the right to download it checked. */
export async function getEvidenceFile(actor: Actor, fileId: number) {
  const file = await db.storedFile.findUnique({
    where: { id: fileId },
    include: { criterionScore: { include: { assessment: { include: { period: true } } } } },
  });
  if (!file?.criterionScore) throw new NotFoundError("Không tìm thấy tệp minh chứng.");
  const assessment = file.criterionScore.assessment;
  authorize(actor, "province.read", { provinceId: assessment.period.provinceId, agencyId: assessment.agencyId });
  return { storageKey: file.storageKey, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.sizeBytes };
}

/** Internal frameworks and agencies a period can be opened with, for the actor's province. */
export async function openingOptions(actor: Actor, provinceId: number) {
  authorize(actor, "assessment.manage", { provinceId });
  const [frameworks, agencies] = await Promise.all([
    db.framework.findMany({
      where: { ownerProvinceId: provinceId, index: { subject: "AGENCY" }, status: "ACTIVE" },
      orderBy: [{ key: "asc" }, { version: "desc" }],
    }),
    db.agency.findMany({ where: { provinceId, validTo: null }, orderBy: [{ kind: "asc" }, { name: "asc" }] }),
  ]);
  return {
    frameworks: frameworks.map((f) => ({ id: f.id, name: f.name, version: f.version, validFromYear: f.validFromYear, validToYear: f.validToYear, agencyKind: f.agencyKind })),
    agencies: agencies.map((a) => ({ id: a.id, code: a.code, name: a.name, kind: a.kind })),
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
