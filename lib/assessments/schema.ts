import { DB_INT_MAX, z } from "@/lib/validation/zod";
import { endOfVietnamDay } from "@/lib/time";
import { type FieldLabel, fieldError, maxLength, tableFormatParam } from "@/lib/validation/schema";
import { libTranslator } from "@/lib/i18n/lib-translator";

type ScoringMessage = Parameters<ReturnType<typeof libTranslator<"errors.scoring">>>[0];
// Worded when input is checked, not when this module loads: in the language of that request.
const say = (key: ScoringMessage) => ({ error: () => libTranslator("errors.scoring")(key as "pointsRequired") });

const id = (label: FieldLabel) =>
  z.coerce
    .number(fieldError("missing", label))
    .int(fieldError("invalid", label))
    .positive(fieldError("invalid", label))
    .max(DB_INT_MAX, fieldError("invalid", label));
const version = z.coerce
  .number(fieldError("versionMissing"))
  .int(fieldError("versionInvalid"))
  .min(0, fieldError("versionInvalid"))
  .max(DB_INT_MAX, fieldError("versionInvalid"));

/** A score typed by a person: "7", "7.5" or the Vietnamese "7,5". Range checks need the maximum (workflow.scoreProblem). */
export const pointsSchema = z
  .string(say("pointsRequired"))
  .trim()
  .min(1, say("pointsRequired"))
  .max(12, say("pointsInvalid"))
  .transform((text) => text.replace(",", "."))
  .pipe(z.string().regex(/^-?\d+(\.\d+)?$/, say("pointsNumber")))
  .transform(Number)
  // Stored as NUMERIC(7,2); the framework's maximum is checked by workflow.scoreProblem.
  .refine((points) => Math.abs(points) <= 99_999.99, say("pointsTooLarge"));

const comment = (label: FieldLabel, max = 4000) =>
  z
    .string()
    .trim()
    .max(max, maxLength(label, max))
    .optional()
    .transform((text) => (text ? text : null));

/** "2026-12-15" → 23:59:59 of that day in Viet Nam. */
export const deadlineSchema = z
  .string(say("deadlineRequired"))
  .regex(/^\d{4}-\d{2}-\d{2}$/, say("deadlineFormat"))
  .transform(endOfVietnamDay)
  .refine((date) => !Number.isNaN(date.getTime()), say("deadlineReal"));

export const openPeriodSchema = z.object({
  frameworkId: id("framework"),
  year: z.coerce.number(say("yearRequired")).int(say("yearInteger")).min(2000, say("yearMin")).max(2100, say("yearMax")),
  deadline: deadlineSchema,
  agencyIds: z.array(id("agency")).min(1, say("chooseAgencies")),
  /** Opened for one peer group, with the group's framework (./peer-frameworks.ts); empty: no group. */
  peerGroupId: z.preprocess((value) => (value === "" || value === null ? undefined : value), id("peerGroup").optional()),
});
export type OpenPeriodInput = z.input<typeof openPeriodSchema>;

export const selfScoreSchema = z.object({
  criterionScoreId: id("criterion"),
  version,
  score: pointsSchema,
  comment: comment("selfComment"),
});

export const appraiseSchema = z.object({
  criterionScoreId: id("criterion"),
  version,
  score: pointsSchema,
  comment: comment("appraisalComment"),
});

export const explanationRequestSchema = z.object({
  criterionScoreId: id("criterion"),
  version,
  request: z.string().trim().min(1, say("requestRequired")).max(4000, say("requestTooLong")),
});

export const explanationResponseSchema = z.object({
  criterionScoreId: id("criterion"),
  version,
  response: z.string().trim().min(1, say("responseRequired")).max(4000, say("responseTooLong")),
});

export const adjustmentsSchema = z.object({
  assessmentId: id("assessment"),
  version,
  bonus: pointsSchema,
  bonusReason: comment("bonusReason", 1000),
  penalty: pointsSchema,
  penaltyReason: comment("penaltyReason", 1000),
});

export const stepSchema = z.object({
  assessmentId: id("assessment"),
  version,
  step: z.enum(["submit", "requestExplanations", "startRound2", "finalize", "returnForCorrection", "withdraw"], say("badStep")),
  /** Why a sheet is returned for correction (kept in the audit log). */
  reason: comment("reason", 1000),
});

/** `?format=xlsx&assessmentId=` of the scores file: one agency's sheet, or the whole period. */
export const scoresFileQuerySchema = z.object({ format: tableFormatParam("xlsx"), assessmentId: z.string().optional() });

/** Home Affairs marks a sub-criterion not applicable to one agency (with a reason), or applicable again. */
export const notApplicableSchema = z
  .object({
    criterionScoreId: id("criterion"),
    version,
    notApplicable: z.enum(["1", "0"], say("chooseApplicable")).transform((v) => v === "1"),
    reason: comment("notApplicableReason", 1000),
  })
  .refine((data) => !data.notApplicable || data.reason !== null, { path: ["reason"], ...say("notApplicableReasonRequired") });

/** A deadline extension for one agency, with its reason. */
export const extensionSchema = z.object({
  assessmentId: id("assessment"),
  version,
  deadline: deadlineSchema,
  reason: z.string().trim().min(1, say("extensionReasonRequired")).max(1000, say("extensionReasonTooLong")),
});
