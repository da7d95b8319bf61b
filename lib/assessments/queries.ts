// Reads of one agency's assessment (its scoring sheet and evidence), authorized for the unit it
// belongs to; the periods they belong to: ./periods.
import "server-only";
import { authorize, can, type Actor } from "@/lib/auth/policy";
import { db, type Prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { numberOrNull } from "@/lib/numbers";
import type { SheetCriterion } from "./types";
import { appraisalRound, canSelfScore, effectiveDeadline, nextStatus, seesAppraisal } from "./workflow";
import { libTranslator } from "@/lib/i18n/lib-translator";

type Decimal = Prisma.Decimal;

/** A stored criterion score as plain numbers, as the workflow's rules read it. */
export function scoreValues(score: { selfScore: Decimal | null; round1Score: Decimal | null; round2Score: Decimal | null; finalScore: Decimal | null }) {
  return {
    selfScore: numberOrNull(score.selfScore),
    round1Score: numberOrNull(score.round1Score),
    round2Score: numberOrNull(score.round2Score),
    finalScore: numberOrNull(score.finalScore),
  };
}

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
  if (!assessment) throw new NotFoundError(libTranslator("errors.scoring")("assessmentNotFound"));
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
            notApplicable: s.notApplicable,
            notApplicableReason: s.notApplicableReason,
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
      provinceId: assessment.period.provinceId,
      provinceName: assessment.period.province.nameVi,
      deadline: effectiveDeadline(assessment.period.selfScoringDeadline, assessment.deadlineExtendedTo),
      extensionReason: assessment.extensionReason,
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
      selfScore:
        can(actor, "assessment.selfScore", scope) &&
        canSelfScore(assessment.status, effectiveDeadline(assessment.period.selfScoringDeadline, assessment.deadlineExtendedTo), now),
      withdraw: can(actor, "assessment.selfScore", scope) && nextStatus("withdraw", assessment.status) !== null,
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
  if (!file?.criterionScore) throw new NotFoundError(libTranslator("errors.scoring")("evidenceNotFound"));
  const assessment = file.criterionScore.assessment;
  authorize(actor, "province.read", { provinceId: assessment.period.provinceId, agencyId: assessment.agencyId });
  return { storageKey: file.storageKey, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.sizeBytes };
}
