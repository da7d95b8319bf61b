// Reads of one agency's assessment (its scoring sheet and evidence), authorized for the unit it
// belongs to; the periods they belong to: ./periods.
import "server-only";
import { authorize, can, type Actor } from "@/lib/auth/policy";
import { db, type Prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { numberOrNull } from "@/lib/numbers";
import type { SheetCriterion } from "./types";
import { appraisalReach, sheetUnit } from "./council/queries";
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
  const appraises = await appraisalReach(actor, sheetUnit(assessment));
  const allCriteria = assessment.period.framework.criteria;
  // A council member who does not read the agency otherwise sees only the rows they appraise.
  const councilOnly = !can(actor, "province.read", scope);
  if (councilOnly && !allCriteria.some((c) => c.level === "SUB_CRITERION" && appraises(c.id))) authorize(actor, "province.read", scope);
  // Until staff release the appraisal, the agency sees only its own self-scoring; an appraiser sees the rows they appraise.
  const released = seesAppraisal(actor.role, assessment.appraisalReleasedAt, assessment.period.status);
  const byCriterion = new Map(assessment.scores.map((s) => [s.criterionId, s]));
  const shown = councilOnly ? councilRows(allCriteria, appraises) : allCriteria;
  const visible = released && !councilOnly;
  const criteria: SheetCriterion[] = shown.map((c) => {
    const s = byCriterion.get(c.id);
    const seen = released || appraises(c.id);
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
            round1Score: seen ? numberOrNull(s.round1Score) : null,
            round1Comment: seen ? s.round1Comment : null,
            explanationRequest: seen ? s.explanationRequest : null,
            explanationResponse: s.explanationResponse,
            round2Score: seen ? numberOrNull(s.round2Score) : null,
            round2Comment: seen ? s.round2Comment : null,
            finalScore: seen ? numberOrNull(s.finalScore) : null,
            notApplicable: s.notApplicable,
            notApplicableReason: s.notApplicableReason,
            appraisable: appraises(c.id),
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
      appraiseRound: criteria.some((c) => c.score?.appraisable) ? appraisalRound(assessment.status) : null,
      manage: can(actor, "assessment.manage", scope),
      seesAppraisal: released || councilOnly,
      /** A council member reading only their assigned rows: no totals, no documents of the whole sheet. */
      councilOnly,
    },
  };
}

/** The sub-criteria a council member appraises, with their criteria and fields (the tree around them). */
function councilRows<C extends { id: number; parentId: number | null; level: string }>(criteria: readonly C[], appraises: (id: number) => boolean): C[] {
  const parentOf = new Map(criteria.map((c) => [c.id, c.parentId]));
  const keep = new Set<number>();
  for (const c of criteria) {
    if (c.level !== "SUB_CRITERION" || !appraises(c.id)) continue;
    for (let id: number | null | undefined = c.id; id != null && !keep.has(id); id = parentOf.get(id)) keep.add(id);
  }
  return criteria.filter((c) => keep.has(c.id));
}

/** An evidence file with the right to download it checked. */
export async function getEvidenceFile(actor: Actor, fileId: number) {
  const file = await db.storedFile.findUnique({
    where: { id: fileId },
    include: { criterionScore: { include: { assessment: { include: { period: true } } } } },
  });
  if (!file?.criterionScore) throw new NotFoundError(libTranslator("errors.scoring")("evidenceNotFound"));
  const assessment = file.criterionScore.assessment;
  const scope = { provinceId: assessment.period.provinceId, agencyId: assessment.agencyId };
  // Whoever reads the agency, and a council member the evidence of a row they appraise.
  if (!can(actor, "province.read", scope)) {
    const appraises = await appraisalReach(actor, sheetUnit(assessment));
    if (!appraises(file.criterionScore.criterionId)) authorize(actor, "province.read", scope);
  }
  return { storageKey: file.storageKey, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.sizeBytes };
}
