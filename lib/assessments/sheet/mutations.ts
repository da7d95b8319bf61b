// The scoring sheet saved as a whole: every changed row of one sheet in one transaction, each row
// checked against the version it was read at (a row someone else saved meanwhile is refused alone,
// with its current value; the other rows are saved), each saved row with its audit row. And the
// appraiser's "accept the self score for the remaining criteria" in round 1, one action.
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { authorize, ForbiddenError, type Actor } from "@/lib/auth/policy";
import { writeAudit, type AuditAction } from "@/lib/audit/log";
import { type Issue, NotFoundError, parseInput, ValidationError } from "@/lib/errors";
import { libFormat, libTranslator } from "@/lib/i18n/lib-translator";
import { numberOrNull } from "@/lib/numbers";
import { pointsSchema } from "../schema";
import { appraisalRound, appraisedScore, ASSESSMENT_STATUS_LABELS, canSelfScore, scoreProblem } from "../workflow";
import type { SheetConflict, SheetSaveResult } from "../types";
import { acceptSelfScoresSchema, sheetSaveSchema } from "./schema";
import { appraisalReach, sheetUnit } from "../council/queries";

async function loadSheet(assessmentId: number) {
  const assessment = await db.assessment.findUnique({
    where: { id: assessmentId },
    include: { period: true, agency: true, scores: { include: { criterion: true } } },
  });
  if (!assessment) throw new NotFoundError(libTranslator("errors.generic")("notFound"));
  return { assessment, scope: { provinceId: assessment.period.provinceId, agencyId: assessment.agencyId } };
}

type Loaded = Awaited<ReturnType<typeof loadSheet>>["assessment"];
type Fields = {
  selfScore?: number;
  selfComment?: string | null;
  round1Score?: number;
  round1Comment?: string | null;
  round2Score?: number;
  round2Comment?: string | null;
};

/** Why the sheet cannot take this kind of score now, or null. */
function closedProblem(assessment: Loaded, kind: "self" | "appraisal", now: Date): string | null {
  const t = libTranslator("errors.sheet");
  if (kind === "self") {
    if (canSelfScore(assessment.status, assessment.period.selfScoringDeadline, now)) return null;
    return assessment.status === "DRAFT" ? t("selfClosedDeadline") : t("selfClosedSubmitted");
  }
  return appraisalRound(assessment.status) === null ? t("appraisalClosed", { status: ASSESSMENT_STATUS_LABELS[assessment.status] }) : null;
}

/** Saves every changed row of one sheet: all rows valid or nothing is written. */
export async function saveSheet(actor: Actor, input: unknown, now = new Date()): Promise<SheetSaveResult> {
  const data = parseInput(sheetSaveSchema, input);
  const { assessment, scope } = await loadSheet(data.assessmentId);
  if (data.kind === "self") authorize(actor, "assessment.selfScore", scope);
  else {
    // Every row named must be one the actor appraises (a council member: their assigned ones); rows
    // not in the sheet are reported below as such.
    const appraises = await appraisalReach(actor, sheetUnit(assessment));
    const inSheet = new Map(assessment.scores.map((s) => [s.id, s.criterionId]));
    const named = data.rows.flatMap((row) => inSheet.get(row.criterionScoreId) ?? []);
    if (!assessment.scores.some((s) => appraises(s.criterionId)) || !named.every(appraises)) throw new ForbiddenError();
  }
  const closed = closedProblem(assessment, data.kind, now);
  if (closed) throw new ValidationError([{ field: "rows", message: closed }]);
  const t = libTranslator("errors.sheet");
  const round = data.kind === "appraisal" ? appraisalRound(assessment.status) : null;
  const byId = new Map(assessment.scores.map((s) => [s.id, s]));
  const issues: Issue[] = [];
  const writes: { score: (typeof assessment.scores)[number]; version: number; fields: Fields }[] = [];
  for (const row of data.rows) {
    const score = byId.get(row.criterionScoreId);
    if (!score) {
      issues.push({ field: `score:${row.criterionScoreId}`, message: t("notInSheet") });
      continue;
    }
    const code = score.criterion.code;
    const field = `score:${score.id}`;
    if (data.kind === "self" && score.criterion.method !== "APPRAISAL") {
      issues.push({ field, message: t("survey", { code }) });
      continue;
    }
    const parsed = pointsSchema.safeParse(row.score);
    const problem = parsed.success
      ? scoreProblem(parsed.data, Number(score.criterion.maxPoints), code)
      : t("rowProblem", { code, problem: parsed.error.issues[0].message });
    if (problem || !parsed.success) {
      issues.push({ field, message: problem! });
      continue;
    }
    const comment = row.comment?.trim() || null;
    const fields: Fields =
      data.kind === "self"
        ? { selfScore: parsed.data, selfComment: comment }
        : round === 1
          ? { round1Score: parsed.data, round1Comment: comment }
          : { round2Score: parsed.data, round2Comment: comment };
    writes.push({ score, version: row.version, fields });
  }
  if (issues.length > 0) throw new ValidationError(issues);

  const action: AuditAction = data.kind === "self" ? "criterionScore.selfScore" : `criterionScore.appraiseRound${round!}`;
  const conflicts: SheetConflict[] = [];
  await db.$transaction(async (tx) => {
    for (const { score, version, fields } of writes) {
      const { count } = await tx.criterionScore.updateMany({ where: { id: score.id, version }, data: { ...fields, version: { increment: 1 } } });
      if (count === 0) {
        conflicts.push(await conflictOf(tx, score.id, score.criterion.code, data.kind));
        continue;
      }
      await auditRow(tx, actor, scope.provinceId, assessment.agency.code, score, action, fields);
    }
    // The first appraised score opens round 1.
    if (round === 1 && writes.length > conflicts.length) {
      await tx.assessment.updateMany({ where: { id: assessment.id, status: "SUBMITTED" }, data: { status: "ROUND1" } });
    }
  });
  return { saved: writes.length - conflicts.length, conflicts };
}

async function conflictOf(tx: Prisma.TransactionClient, id: number, code: string, kind: "self" | "appraisal"): Promise<SheetConflict> {
  const current = await tx.criterionScore.findUniqueOrThrow({ where: { id } });
  const value =
    kind === "self"
      ? numberOrNull(current.selfScore)
      : appraisedScore({ round1Score: numberOrNull(current.round1Score), round2Score: numberOrNull(current.round2Score) });
  const score = value === null ? "—" : libFormat().points(value);
  return { criterionScoreId: id, code, version: current.version, message: libTranslator("errors.sheet")("conflict", { code, score }) };
}

async function auditRow(
  tx: Prisma.TransactionClient,
  actor: Actor,
  provinceId: number,
  agency: string,
  score: Loaded["scores"][number],
  action: AuditAction,
  fields: Fields,
) {
  const oldValue = Object.fromEntries(Object.keys(fields).map((key) => [key, score[key as keyof typeof score]]));
  await writeAudit(tx, actor, {
    action,
    entityType: "CriterionScore",
    entityId: score.id,
    provinceId,
    oldValue: { ...oldValue, criterion: score.criterion.code, agency },
    newValue: { ...fields, criterion: score.criterion.code, agency },
  });
}

/**
 * Round 1: every sub-criterion still without an appraised score takes its self score (survey
 * criteria, never self-scored, stay to be scored). A row appraised meanwhile is left as it is.
 */
export async function acceptSelfScores(actor: Actor, input: unknown): Promise<number> {
  const data = parseInput(acceptSelfScoresSchema, input);
  const { assessment, scope } = await loadSheet(data.assessmentId);
  // Home Affairs: every row; a council member: the rows they appraise (none: refused).
  const appraises = await appraisalReach(actor, sheetUnit(assessment));
  if (!assessment.scores.some((s) => appraises(s.criterionId))) throw new ForbiddenError();
  if (appraisalRound(assessment.status) !== 1)
    throw new ValidationError([{ field: "assessmentId", message: libTranslator("errors.sheet")("acceptRound1Only") }]);
  const remaining = assessment.scores.filter((s) => s.round1Score === null && s.selfScore !== null && appraises(s.criterionId));
  let accepted = 0;
  await db.$transaction(async (tx) => {
    for (const score of remaining) {
      const fields = { round1Score: Number(score.selfScore), round1Comment: score.round1Comment };
      const { count } = await tx.criterionScore.updateMany({ where: { id: score.id, round1Score: null }, data: { ...fields, version: { increment: 1 } } });
      if (count === 0) continue;
      accepted += 1;
      await auditRow(tx, actor, scope.provinceId, assessment.agency.code, score, "criterionScore.appraiseRound1", fields);
    }
    if (accepted > 0) await tx.assessment.updateMany({ where: { id: assessment.id, status: "SUBMITTED" }, data: { status: "ROUND1" } });
  });
  return accepted;
}
