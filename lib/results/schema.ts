import { type FieldLabel, fieldError, tableFormatParam } from "@/lib/validation/schema";
import { DB_INT_MAX, z } from "@/lib/validation/zod";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { parseDecimal } from "./components";
import { NOTE_MAX_LENGTH, SOURCE_MAX_LENGTH } from "./import-plan";

type EntryMessage = Parameters<ReturnType<typeof libTranslator<"errors.results.entry">>>[0];
// Worded when input is checked, not when this module loads: in the language of that request.
const say = (key: EntryMessage) => ({ error: () => libTranslator("errors.results.entry")(key as "indexRequired") });

/** Index codes are data (PAR_INDEX, SIPAS, …): the shape is checked here, existence in queries. */
export const indexCodeSchema = z
  .string(say("indexRequired"))
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, say("indexInvalid"));

export const yearSchema = z
  .string(say("yearRequired"))
  .trim()
  .regex(/^\d{4}$/, say("yearDigits"))
  .transform(Number)
  .pipe(z.number().int(say("yearInteger")).min(2000, say("yearMin")).max(2100, say("yearMax")));

export const rankingQuerySchema = z.object({ index: indexCodeSchema, year: yearSchema });
export type RankingQuery = z.infer<typeof rankingQuerySchema>;

/** A region code (DBSH…), "none" for units without a region, or empty for all regions. */
export const regionParamSchema = z
  .string()
  .trim()
  .regex(/^([A-Za-z][A-Za-z_]{0,19})?$/, say("regionInvalid"))
  .transform((text) => (text === "" ? null : text.toLowerCase() === "none" ? "none" : text.toUpperCase()))
  .optional()
  .transform((value) => value ?? null);

/** A component to rank by (appraisal, SIPAS…), any case, as the import's column or the framework's code; empty for the total. */
export const componentParamSchema = z
  .string()
  .trim()
  .regex(/^([A-Za-z][A-Za-z0-9_]{0,39})?$/, { error: () => libTranslator("errors.results")("component") })
  .transform((text) => (text === "" ? null : text.toUpperCase()))
  .optional()
  .transform((value) => value ?? null);

export const rankingExportQuerySchema = z.object({
  index: indexCodeSchema,
  year: yearSchema,
  region: regionParamSchema,
  format: tableFormatParam("csv"),
});

export const exportQuerySchema = z.object({ index: indexCodeSchema, year: yearSchema, format: tableFormatParam("csv") });

/** dryRun=1 (or true) asks for the preview only. */
export const dryRunSchema = z
  .union([z.string(), z.null(), z.undefined()])
  .transform((value) => value !== null && value !== undefined && ["1", "true", "yes"].includes(value.trim().toLowerCase()));

const decimalText = (label: FieldLabel) =>
  z
    .string()
    .trim()
    .refine((text) => parseDecimal(text).ok, fieldError("decimalPoint", label))
    .transform((text) => {
      const parsed = parseDecimal(text);
      return parsed.ok ? parsed.value : null;
    })
    // The framework's maxima are checked with the database; this only keeps absurd numbers out.
    .refine((value) => value === null || Math.abs(value) <= 99_999.99, fieldError("pointsTooLarge", label));

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((text) => (text ? Number(text) : null))
  .pipe(z.number().int(say("idInvalid")).positive(say("idInvalid")).max(DB_INT_MAX, say("idInvalid")).nullable());

/** The entry form of one published result (names are the form's field names). */
export const resultEntrySchema = z
  .object({
    id: optionalId,
    version: z
      .string()
      .trim()
      .optional()
      .transform((text) => (text ? Number(text) : null))
      .pipe(z.number().int(fieldError("versionInvalid")).min(0, fieldError("versionInvalid")).max(DB_INT_MAX, fieldError("versionInvalid")).nullable()),
    indexCode: indexCodeSchema,
    year: yearSchema,
    provinceId: z
      .string(say("chooseProvince"))
      .trim()
      .regex(/^[1-9]\d{0,8}$/, say("chooseProvince"))
      .transform(Number),
    score: decimalText("totalScore"),
    officialRank: z
      .string()
      .trim()
      .regex(/^\d{0,5}$/, say("rankInvalid"))
      .transform((text) => (text === "" ? null : Number(text))),
    source: z
      .string(say("sourceMissing"))
      .trim()
      .min(1, say("sourceEmpty"))
      .max(SOURCE_MAX_LENGTH, { error: () => libTranslator("errors.results.entry")("sourceTooLong", { max: SOURCE_MAX_LENGTH }) }),
    note: z
      .string()
      .trim()
      .max(NOTE_MAX_LENGTH, { error: () => libTranslator("errors.results.entry")("noteTooLong", { max: NOTE_MAX_LENGTH }) })
      .transform((text) => text || null),
    components: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), decimalText("componentScore")),
    fieldScores: z.record(z.string().regex(/^\d+$/), decimalText("fieldScore")),
  })
  // A published result has a score or a rank (the database's CHECK says the same); a total left
  // empty may also come from all the components (lib/results/components.ts).
  .refine((entry) => entry.score !== null || entry.officialRank !== null || Object.values(entry.components).some((value) => value !== null), {
    path: ["score"],
    error: () => libTranslator("errors.results")("scoreOrRank"),
  });
export type ResultEntryInput = z.input<typeof resultEntrySchema>;
