// Writes of one agency's assessment in the internal scoring workflow (opening and publishing a
// year: ./periods). Each one: validate (zod, then the workflow rules),
// authorize in the permission table for the unit the data belongs to, then one transaction with
// the change and its audit row. Scores use optimistic concurrency: the form sends the version it
// read, and a stale save is refused with the current value.
import "server-only";
import { numberOrNull } from "@/lib/numbers";
import { db } from "@/lib/db/client";
import { nextVersion, writeVersioned } from "@/lib/db/concurrency";
import type { Prisma } from "@/lib/db/generated/client";
import type { AssessmentStatus } from "@/lib/db/generated/enums";
import { authorize, type Actor, type Permission } from "@/lib/auth/policy";
import { writeAudit, type AuditAction } from "@/lib/audit/log";
import { ConflictError, NotFoundError, parseInput, ValidationError } from "@/lib/errors";
import { formatScore } from "@/lib/format";
import { libTranslator } from "@/lib/i18n/lib-translator";
import type { Upload } from "@/lib/io/upload";
import { attachFile, detachFile } from "@/lib/storage/attachments";
import * as events from "@/lib/notifications/events/mutations";
import { authorizeAppraisal, sheetUnit } from "./council/queries";
import { adjustmentsSchema, appraiseSchema, explanationRequestSchema, explanationResponseSchema, selfScoreSchema, stepSchema } from "./schema";
import {
  appraisalRound,
  appraisedScore,
  ASSESSMENT_STATUS_LABELS,
  canSelfScore,
  effectiveDeadline,
  finalTotal,
  nextStatus,
  scoreProblem,
  unappraisedCount,
  type WorkflowStep,
} from "./workflow";

const t = () => libTranslator("errors.scoring");

/** A criterion score with everything the rules need, and the unit it belongs to. */
async function loadScore(criterionScoreId: number) {
  const score = await db.criterionScore.findUnique({
    where: { id: criterionScoreId },
    include: { criterion: true, assessment: { include: { period: true, agency: true } } },
  });
  if (!score) throw new NotFoundError(t()("scoreNotFound"));
  const scope = { provinceId: score.assessment.period.provinceId, agencyId: score.assessment.agencyId };
  return { score, scope };
}

async function loadAssessment(assessmentId: number) {
  const assessment = await db.assessment.findUnique({
    where: { id: assessmentId },
    include: { period: { include: { framework: true } }, agency: true, scores: { include: { criterion: true } } },
  });
  if (!assessment) throw new NotFoundError(t()("assessmentNotFound"));
  const scope = { provinceId: assessment.period.provinceId, agencyId: assessment.agencyId };
  return { assessment, scope };
}

type ScoreFields = Partial<
  Pick<
    Prisma.CriterionScoreUncheckedUpdateInput,
    "selfScore" | "selfComment" | "round1Score" | "round1Comment" | "round2Score" | "round2Comment" | "explanationRequest" | "explanationResponse"
  >
>;

/** Updates one criterion score if nobody saved it since `version`, with its audit row. */
async function saveScore(
  actor: Actor,
  loaded: Awaited<ReturnType<typeof loadScore>>,
  version: number,
  action: AuditAction,
  fields: ScoreFields,
  extra?: (tx: Prisma.TransactionClient) => Promise<void>,
) {
  const { score, scope } = loaded;
  await db.$transaction(async (tx) => {
    await writeVersioned({ id: score.id, version }, (where) => tx.criterionScore.updateMany({ where, data: nextVersion(fields) }), {
      current: () => tx.criterionScore.findUnique({ where: { id: score.id } }),
      conflict: (current) =>
        new ConflictError(
          t()("savedConflict", {
            code: score.criterion.code,
            self: formatScore(numberOrNull(current.selfScore)),
            appraised: formatScore(appraisedScore({ round1Score: numberOrNull(current.round1Score), round2Score: numberOrNull(current.round2Score) })),
          }),
          {
            version: current.version,
            selfScore: numberOrNull(current.selfScore),
            selfComment: current.selfComment,
            round1Score: numberOrNull(current.round1Score),
            round2Score: numberOrNull(current.round2Score),
            explanationRequest: current.explanationRequest,
            explanationResponse: current.explanationResponse,
          },
        ),
    });
    const oldValue = Object.fromEntries(Object.keys(fields).map((key) => [key, score[key as keyof typeof score]]));
    await writeAudit(tx, actor, {
      action,
      entityType: "CriterionScore",
      entityId: score.id,
      provinceId: scope.provinceId,
      oldValue: { ...oldValue, criterion: score.criterion.code, agency: score.assessment.agency.code },
      newValue: { ...fields, criterion: score.criterion.code, agency: score.assessment.agency.code },
    });
    await extra?.(tx);
  });
}

// ───────────────────────── The agency: self-scoring, evidence, explanations ─────────────────────────

export async function selfScore(actor: Actor, input: unknown, now = new Date()): Promise<void> {
  const data = parseInput(selfScoreSchema, input);
  const loaded = await loadScore(data.criterionScoreId);
  authorize(actor, "assessment.selfScore", loaded.scope);
  const { score } = loaded;
  if (score.criterion.method !== "APPRAISAL") {
    throw new ValidationError([{ field: "score", message: t()("surveyNoSelf", { code: score.criterion.code }) }]);
  }
  assertApplicable(score);
  assertSelfScoringOpen(score.assessment.status, deadlineOf(score.assessment), now);
  const problem = scoreProblem(data.score, Number(score.criterion.maxPoints), score.criterion.code);
  if (problem) throw new ValidationError([{ field: "score", message: problem }]);
  await saveScore(actor, loaded, data.version, "criterionScore.selfScore", { selfScore: data.score, selfComment: data.comment });
}

/** The agency's own deadline: its extension, else the period's. */
function deadlineOf(assessment: { deadlineExtendedTo: Date | null; period: { selfScoringDeadline: Date } }): Date {
  return effectiveDeadline(assessment.period.selfScoringDeadline, assessment.deadlineExtendedTo);
}

/** A sub-criterion marked not applicable to the agency is never scored. */
function assertApplicable(score: { notApplicable: boolean; criterion: { code: string } }) {
  if (score.notApplicable) {
    throw new ValidationError([{ field: "score", message: libTranslator("errors.scoring")("notApplicableNoScore", { code: score.criterion.code }) }]);
  }
}

function assertSelfScoringOpen(status: AssessmentStatus, deadline: Date, now: Date) {
  if (!canSelfScore(status, deadline, now)) {
    throw new ValidationError([
      {
        field: "score",
        message: libTranslator("errors.sheet")(status === "DRAFT" ? "selfClosedDeadline" : "selfClosedSubmitted"),
      },
    ]);
  }
}

export async function answerExplanation(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(explanationResponseSchema, input);
  const loaded = await loadScore(data.criterionScoreId);
  authorize(actor, "assessment.selfScore", loaded.scope);
  if (loaded.score.assessment.status !== "EXPLANATION_REQUESTED" || !loaded.score.explanationRequest) {
    throw new ValidationError([{ field: "response", message: t()("noPendingRequest") }]);
  }
  const { score } = loaded;
  await saveScore(actor, loaded, data.version, "criterionScore.explain", { explanationResponse: data.response }, async (tx) => {
    await events.explanationAnswered(tx, actor.id, sheetEvent(score.assessment), { scoreId: score.id, code: score.criterion.code });
  });
}

/** The sheet as its notifications name it. */
function sheetEvent(assessment: { id: number; agencyId: number; agency: { name: string }; period: { year: number; provinceId: number } }): events.SheetEvent {
  return {
    id: assessment.id,
    agencyId: assessment.agencyId,
    agencyName: assessment.agency.name,
    year: assessment.period.year,
    provinceId: assessment.period.provinceId,
  };
}

/** Evidence can be added while self-scoring, and while answering a request for explanation. */
export async function addEvidence(actor: Actor, criterionScoreId: number, file: Upload, now = new Date()) {
  const loaded = await loadScore(criterionScoreId);
  authorize(actor, "assessment.selfScore", loaded.scope);
  const { score } = loaded;
  const explaining = score.assessment.status === "EXPLANATION_REQUESTED" && score.explanationRequest !== null;
  if (!explaining) assertSelfScoringOpen(score.assessment.status, deadlineOf(score.assessment), now);
  return attachFile(
    actor,
    file,
    { criterionScoreId },
    {
      action: "evidence.add",
      provinceId: loaded.scope.provinceId,
      what: { criterion: score.criterion.code, agency: score.assessment.agency.code },
    },
  );
}

export async function removeEvidence(actor: Actor, fileId: number, now = new Date()): Promise<void> {
  const file = await db.storedFile.findUnique({ where: { id: fileId } });
  if (!file?.criterionScoreId) throw new NotFoundError(t()("evidenceNotFound"));
  const loaded = await loadScore(file.criterionScoreId);
  authorize(actor, "assessment.selfScore", loaded.scope);
  assertSelfScoringOpen(loaded.score.assessment.status, deadlineOf(loaded.score.assessment), now);
  await detachFile(actor, file, {
    action: "evidence.remove",
    provinceId: loaded.scope.provinceId,
    what: { criterion: loaded.score.criterion.code },
  });
}

// ───────────────────────── Staff: appraisal ─────────────────────────

export async function appraise(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(appraiseSchema, input);
  const loaded = await loadScore(data.criterionScoreId);
  await authorizeAppraisal(actor, sheetUnit(loaded.score.assessment), [loaded.score.criterionId]);
  const { score } = loaded;
  const round = appraisalRound(score.assessment.status);
  if (round === null) {
    throw new ValidationError([
      {
        field: "score",
        message: libTranslator("errors.sheet")("appraisalClosed", { status: ASSESSMENT_STATUS_LABELS[score.assessment.status] }),
      },
    ]);
  }
  assertApplicable(score);
  const problem = scoreProblem(data.score, Number(score.criterion.maxPoints), score.criterion.code);
  if (problem) throw new ValidationError([{ field: "score", message: problem }]);
  const fields: ScoreFields = round === 1 ? { round1Score: data.score, round1Comment: data.comment } : { round2Score: data.score, round2Comment: data.comment };
  await saveScore(actor, loaded, data.version, `criterionScore.appraiseRound${round}`, fields, async (tx) => {
    // The first appraised score opens round 1.
    await tx.assessment.updateMany({ where: { id: score.assessmentId, status: "SUBMITTED" }, data: { status: "ROUND1" } });
  });
}

export async function requestExplanation(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(explanationRequestSchema, input);
  const loaded = await loadScore(data.criterionScoreId);
  await authorizeAppraisal(actor, sheetUnit(loaded.score.assessment), [loaded.score.criterionId]);
  if (appraisalRound(loaded.score.assessment.status) !== 1) {
    throw new ValidationError([{ field: "request", message: t()("requestRound1Only") }]);
  }
  await saveScore(actor, loaded, data.version, "criterionScore.requestExplanation", { explanationRequest: data.request });
}

export async function setAdjustments(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(adjustmentsSchema, input);
  const { assessment, scope } = await loadAssessment(data.assessmentId);
  authorize(actor, "assessment.manage", scope);
  if (assessment.status === "FINALIZED" || assessment.status === "DRAFT") {
    throw new ValidationError([{ field: "bonus", message: t()("adjustDuringAppraisal") }]);
  }
  const { bonusCap, penaltyCap } = assessment.period.framework;
  const issues = [
    data.bonus < 0 || data.bonus > Number(bonusCap) ? { field: "bonus", message: t()("bonusRange", { max: formatScore(Number(bonusCap)) }) } : null,
    data.penalty < 0 || data.penalty > Number(penaltyCap) ? { field: "penalty", message: t()("penaltyRange", { max: formatScore(Number(penaltyCap)) }) } : null,
  ].filter((issue) => issue !== null);
  if (issues.length > 0) throw new ValidationError(issues);
  await db.$transaction(async (tx) => {
    const fields = {
      bonusPoints: data.bonus,
      bonusReason: data.bonusReason,
      penaltyPoints: data.penalty,
      penaltyReason: data.penaltyReason,
    };
    await updateAssessment(tx, assessment, data.version, fields);
    await writeAudit(tx, actor, {
      action: "assessment.adjust",
      entityType: "Assessment",
      entityId: assessment.id,
      provinceId: scope.provinceId,
      oldValue: {
        bonusPoints: assessment.bonusPoints,
        bonusReason: assessment.bonusReason,
        penaltyPoints: assessment.penaltyPoints,
        penaltyReason: assessment.penaltyReason,
      },
      newValue: fields,
    });
  });
}

async function updateAssessment(
  tx: Prisma.TransactionClient,
  assessment: { id: number; agency: { name: string } },
  version: number,
  data: Prisma.AssessmentUncheckedUpdateManyInput,
) {
  await writeVersioned({ id: assessment.id, version }, (where) => tx.assessment.updateMany({ where, data: nextVersion(data) }), {
    current: () => tx.assessment.findUnique({ where: { id: assessment.id } }),
    conflict: (current) =>
      new ConflictError(t()("assessmentConflictStatus", { agency: assessment.agency.name, status: ASSESSMENT_STATUS_LABELS[current.status] }), {
        version: current.version,
        status: current.status,
        bonusPoints: numberOrNull(current.bonusPoints),
        penaltyPoints: numberOrNull(current.penaltyPoints),
      }),
  });
}

const STEP_PERMISSION: Record<WorkflowStep, Permission> = {
  submit: "assessment.selfScore",
  requestExplanations: "assessment.manage",
  startRound2: "assessment.manage",
  finalize: "assessment.manage",
  returnForCorrection: "assessment.manage",
  withdraw: "assessment.selfScore",
};

/** Moves an assessment one step along the workflow. */
export async function advance(actor: Actor, input: unknown, now = new Date()): Promise<void> {
  const data = parseInput(stepSchema, input);
  const { assessment, scope } = await loadAssessment(data.assessmentId);
  authorize(actor, STEP_PERMISSION[data.step], scope);
  const to = nextStatus(data.step, assessment.status);
  if (!to) {
    throw new ValidationError([
      {
        field: "step",
        message: t()("stepNotNow", { status: ASSESSMENT_STATUS_LABELS[assessment.status] }),
      },
    ]);
  }
  const rows = assessment.scores.map((s) => ({
    maxPoints: Number(s.criterion.maxPoints),
    method: s.criterion.method,
    selfScore: numberOrNull(s.selfScore),
    round1Score: numberOrNull(s.round1Score),
    round2Score: numberOrNull(s.round2Score),
    notApplicable: s.notApplicable,
  }));
  const changes: Prisma.AssessmentUncheckedUpdateManyInput = { status: to };
  if (data.step === "submit") {
    const missing = assessment.scores
      .filter((s) => s.criterion.method === "APPRAISAL" && !s.notApplicable && s.selfScore === null)
      .map((s) => s.criterion.code);
    if (missing.length > 0) {
      throw new ValidationError([
        {
          field: "step",
          message: t()("selfMissing", { count: missing.length, codes: `${missing.slice(0, 8).join(", ")}${missing.length > 8 ? "…" : ""}` }),
        },
      ]);
    }
    changes.submittedAt = now;
  }
  if (data.step === "returnForCorrection" || data.step === "withdraw") changes.submittedAt = null;
  if (data.step === "requestExplanations") {
    if (!assessment.scores.some((s) => s.explanationRequest)) {
      throw new ValidationError([{ field: "step", message: t()("noRequests") }]);
    }
    changes.appraisalReleasedAt = now;
  }
  if (data.step === "finalize") {
    const missing = unappraisedCount(rows);
    if (missing > 0) throw new ValidationError([{ field: "step", message: t()("appraisalMissing", { count: missing }) }]);
    const framework = assessment.period.framework;
    changes.finalTotal = finalTotal(
      rows,
      { bonus: Number(assessment.bonusPoints), penalty: Number(assessment.penaltyPoints) },
      { maxScore: Number(framework.maxScore), bonusCap: Number(framework.bonusCap), penaltyCap: Number(framework.penaltyCap) },
    );
    changes.finalizedAt = now;
    changes.appraisalReleasedAt = assessment.appraisalReleasedAt ?? now;
  }
  await db.$transaction(async (tx) => {
    await updateAssessment(tx, assessment, data.version, changes);
    if (data.step === "finalize") {
      // The final score of each sub-criterion is its appraised score.
      for (const s of assessment.scores) {
        await tx.criterionScore.update({ where: { id: s.id }, data: { finalScore: s.round2Score ?? s.round1Score } });
      }
    }
    await notifyStep(tx, actor, data.step, assessment, data.version + 1, changes);
    await writeAudit(tx, actor, {
      action: `assessment.${data.step}`,
      entityType: "Assessment",
      entityId: assessment.id,
      provinceId: scope.provinceId,
      oldValue: { status: assessment.status, finalTotal: assessment.finalTotal },
      newValue: { status: to, finalTotal: changes.finalTotal ?? assessment.finalTotal, ...(data.reason ? { reason: data.reason } : {}) },
    });
  });
}

/** Who a step concerns: Home Affairs when the agency submits, the agency's heads when staff release. */
async function notifyStep(
  tx: Prisma.TransactionClient,
  actor: Actor,
  step: WorkflowStep,
  assessment: Awaited<ReturnType<typeof loadAssessment>>["assessment"],
  version: number,
  changes: Prisma.AssessmentUncheckedUpdateManyInput,
) {
  const sheet = sheetEvent(assessment);
  if (step === "submit") await events.sheetSubmitted(tx, actor.id, sheet, version);
  if (step === "requestExplanations") {
    await events.explanationRequested(tx, actor.id, sheet, assessment.scores.filter((s) => s.explanationRequest).length);
  }
  if (step === "finalize") await events.appraisalReleased(tx, actor.id, sheet, Number(changes.finalTotal));
}
