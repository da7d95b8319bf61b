// Home Affairs' writes on the period control board: a sub-criterion marked not applicable to one
// agency, and one agency's self-scoring deadline extended. (Returning a submitted sheet for
// correction and an agency withdrawing its submission are workflow steps: ../mutations.ts advance.)
import "server-only";
import { authorize, type Actor } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { nextVersion, writeVersioned } from "@/lib/db/concurrency";
import { ConflictError, NotFoundError, parseInput, ValidationError } from "@/lib/errors";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { numberOrNull } from "@/lib/numbers";
import { extensionSchema, notApplicableSchema } from "../schema";

/**
 * Marks a sub-criterion not applicable to an agency, or applicable again. Only while the agency
 * has not submitted (DRAFT): once its sheet is with the council the maximum it is judged against
 * stays fixed. A self score already given is cleared (its old value stays in the audit row).
 */
export async function setNotApplicable(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(notApplicableSchema, input);
  const t = libTranslator("errors.scoring");
  const score = await db.criterionScore.findUnique({
    where: { id: data.criterionScoreId },
    include: { criterion: true, assessment: { include: { period: true, agency: true } } },
  });
  if (!score) throw new NotFoundError(t("scoreNotFound"));
  const provinceId = score.assessment.period.provinceId;
  authorize(actor, "assessment.manage", { provinceId, agencyId: score.assessment.agencyId });
  if (score.assessment.status !== "DRAFT") throw new ValidationError([{ field: "notApplicable", message: t("notApplicableAfterSubmit") }]);
  if (score.criterion.method !== "APPRAISAL")
    throw new ValidationError([{ field: "notApplicable", message: t("notApplicableSurvey", { code: score.criterion.code }) }]);
  const fields = data.notApplicable
    ? { notApplicable: true, notApplicableReason: data.reason, selfScore: null, selfComment: null }
    : { notApplicable: false, notApplicableReason: null };
  await db.$transaction(async (tx) => {
    await writeVersioned({ id: score.id, version: data.version }, (where) => tx.criterionScore.updateMany({ where, data: nextVersion(fields) }), {
      current: () => tx.criterionScore.findUnique({ where: { id: score.id } }),
      conflict: (current) =>
        new ConflictError(t("scoreConflict", { code: score.criterion.code }), {
          version: current.version,
          notApplicable: current.notApplicable,
          notApplicableReason: current.notApplicableReason,
          selfScore: numberOrNull(current.selfScore),
        }),
    });
    const what = { criterion: score.criterion.code, agency: score.assessment.agency.code };
    await writeAudit(tx, actor, {
      action: data.notApplicable ? "criterionScore.notApplicable" : "criterionScore.applicable",
      entityType: "CriterionScore",
      entityId: score.id,
      provinceId,
      oldValue: {
        notApplicable: score.notApplicable,
        notApplicableReason: score.notApplicableReason,
        ...(data.notApplicable ? { selfScore: numberOrNull(score.selfScore), selfComment: score.selfComment } : {}),
        ...what,
      },
      newValue: { ...fields, ...what },
    });
  });
}

/** Extends one agency's self-scoring deadline (a sheet still being self-scored), with a reason. */
export async function extendDeadline(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(extensionSchema, input);
  const t = libTranslator("errors.scoring");
  const assessment = await db.assessment.findUnique({ where: { id: data.assessmentId }, include: { period: true, agency: true } });
  if (!assessment) throw new NotFoundError(t("assessmentNotFound"));
  const provinceId = assessment.period.provinceId;
  authorize(actor, "assessment.manage", { provinceId, agencyId: assessment.agencyId });
  if (assessment.status !== "DRAFT") throw new ValidationError([{ field: "deadline", message: t("extensionNotDraft") }]);
  if (data.deadline.getTime() <= assessment.period.selfScoringDeadline.getTime()) {
    throw new ValidationError([{ field: "deadline", message: t("extensionBeforePeriod") }]);
  }
  const fields = { deadlineExtendedTo: data.deadline, extensionReason: data.reason };
  await db.$transaction(async (tx) => {
    await writeVersioned({ id: assessment.id, version: data.version }, (where) => tx.assessment.updateMany({ where, data: nextVersion(fields) }), {
      current: () => tx.assessment.findUnique({ where: { id: assessment.id } }),
      conflict: (current) =>
        new ConflictError(t("assessmentConflict", { agency: assessment.agency.name }), { version: current.version, status: current.status }),
    });
    await writeAudit(tx, actor, {
      action: "assessment.extendDeadline",
      entityType: "Assessment",
      entityId: assessment.id,
      provinceId,
      oldValue: {
        deadlineExtendedTo: assessment.deadlineExtendedTo?.toISOString() ?? null,
        extensionReason: assessment.extensionReason,
        agency: assessment.agency.code,
      },
      newValue: { deadlineExtendedTo: data.deadline.toISOString(), extensionReason: data.reason, agency: assessment.agency.code },
    });
  });
}
