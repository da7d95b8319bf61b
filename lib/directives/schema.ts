// Input of the directive forms (zod). Messages name the field and say how to fix it. Rules that
// need the database (the issuer's numbers, the agencies of the province) are checked in mutations.
import { libTranslator } from "@/lib/i18n/lib-translator";
import {
  blankToUndefined,
  fieldError,
  id,
  optionalDay,
  optionalText,
  requiredText,
  tableFormatParam,
  versionSchema,
  YEAR_MAX,
  YEAR_MIN,
} from "@/lib/validation/schema";
import { DB_INT_MAX, z } from "@/lib/validation/zod";
import { DIRECTIVE_KINDS, REPORTING_KINDS } from "./labels";
import { STATUS_FILTERS } from "./rules";

type Message = Parameters<ReturnType<typeof libTranslator<"errors.directives.input">>>[0];
/** A message of errors.directives.input, worded when input is checked: in the language of that request. */
const say = (key: Message, values: Record<string, string> = {}) => ({ error: () => libTranslator("errors.directives.input")(key, values as never) });
const word = (key: Message, values: Record<string, string> = {}) => libTranslator("errors.directives.input")(key, values as never);

// ───────────────────────── Number and symbol ─────────────────────────

/** A symbol part: upper-case letters (Vietnamese too) and digits ("QĐ", "UBND", "QH15"), or the usual mixed-case "TTg" / "TTr". */
const SYMBOL_PART = String.raw`(?:\p{Lu}[\p{Lu}\d]*|TTg|TTr)`;
const NUMBER_SHAPE = new RegExp(String.raw`^\d{1,6}(?:/\d{4})?/${SYMBOL_PART}(?:-${SYMBOL_PART})*$`, "u");

/**
 * "4183/kh - ubnd" → "4183/KH-UBND": spaces dropped, dashes unified, letters in upper case (the
 * Thủ tướng's "TTg" and the tờ trình's "TTr" keep their case).
 */
export function normalizeDirectiveNumber(text: string): string {
  return text
    .replace(/\s+/g, "")
    .replace(/[‐‑‒–—−]/g, "-")
    .toLocaleUpperCase("vi")
    .replace(/(^|[-/])TT([GR])(?=$|-)/g, (_, lead: string, last: string) => `${lead}TT${last.toLowerCase()}`);
}

export function isDirectiveNumber(text: string): boolean {
  return NUMBER_SHAPE.test(text);
}

export const directiveNumberSchema = z
  .string(say("numberRequired"))
  .transform(normalizeDirectiveNumber)
  .pipe(z.string().min(1, say("numberRequired")).max(60, say("numberTooLong")).refine(isDirectiveNumber, say("numberShape")));

/**
 * The years a directive concerns as people write them: "2019", "2019, 2020" or "2016–2020".
 * Returns the sorted years or the message that says what is wrong.
 */
export function parseYears(text: string): { ok: true; years: number[] } | { ok: false; message: string } {
  const parts = text
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return { ok: false, message: word("yearsRequired") };
  const years = new Set<number>();
  for (const part of parts) {
    const range = /^(\d{4})(?:[-–—](\d{4}))?$/.exec(part);
    if (!range)
      return {
        ok: false,
        message: word("notAYear", { part }),
      };
    const from = Number(range[1]);
    const to = range[2] ? Number(range[2]) : from;
    if (to < from) return { ok: false, message: word("yearsReversed", { part }) };
    if (from < YEAR_MIN || to > YEAR_MAX) return { ok: false, message: word("yearsRange", { min: String(YEAR_MIN), max: String(YEAR_MAX), part }) };
    for (let year = from; year <= to; year++) years.add(year);
  }
  if (years.size > 10) return { ok: false, message: word("yearsTooMany") };
  return { ok: true, years: [...years].sort((a, b) => a - b) };
}

const yearsSchema = z.string(say("yearRequired")).transform((text, context) => {
  const parsed = parseYears(text);
  if (!parsed.ok) {
    context.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  }
  return parsed.years;
});

// ───────────────────────── Directives ─────────────────────────

export const directiveSchema = z.object({
  provinceId: id("issuingProvince"),
  number: directiveNumberSchema,
  kind: z.enum(DIRECTIVE_KINDS, say("chooseKind")),
  issuer: requiredText("issuer", 200, "issuer"),
  signer: optionalText("signer", 200),
  issuedOn: optionalDay("issuedOn"),
  title: requiredText("directiveTitle", 1000),
  summary: optionalText("summary", 4000),
  years: yearsSchema,
  reporting: z
    .array(z.enum(REPORTING_KINDS, say("reporting")))
    .default([])
    .transform((list) => [...new Set(list)]),
  note: optionalText("note", 2000),
});
export type DirectiveInput = z.input<typeof directiveSchema>;

export const directiveUpdateSchema = directiveSchema.omit({ provinceId: true }).extend({ id: id("directive"), version: versionSchema });

export const linkSchema = z.object({
  fromId: id("directive"),
  toId: id("relatedDirective"),
  relation: requiredText("relation", 60, "relation"),
});

export const unlinkSchema = z.object({ fromId: id("directive"), toId: id("relatedDirective") });

export const reportSchema = z.object({
  directiveId: id("directive"),
  agencyId: id("reportingAgency"),
  period: z
    .string(say("choosePeriod"))
    .trim()
    .regex(/^\d{4}(-(Q[1-4]|H[12]))?$/, say("periodShape")),
  content: requiredText("reportContent", 8000),
  /** Empty for a new report; the version read when editing one. */
  version: z.preprocess(
    (value) => (value === "" || value === undefined || value === null ? null : value),
    z.coerce.number().int(fieldError("versionInvalid")).min(0, fieldError("versionInvalid")).max(DB_INT_MAX, fieldError("versionInvalid")).nullable(),
  ),
});
export type ReportInput = z.input<typeof reportSchema>;

/** `?period=2019-Q1&format=xlsx` of the compiled report: one period (empty: every period). */
export const reportQuerySchema = z.object({
  period: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d{4}(-(Q[1-4]|H[12]))?$/, say("periodParam"))
      .optional(),
  ),
  format: tableFormatParam("xlsx"),
});

// ───────────────────────── List filters ─────────────────────────

export const listFiltersSchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  year: z.preprocess(blankToUndefined, z.coerce.number().int().min(YEAR_MIN).max(YEAR_MAX).optional()).catch(undefined),
  kind: z.enum(DIRECTIVE_KINDS).optional().catch(undefined),
  issuer: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  status: z.enum(STATUS_FILTERS).optional().catch(undefined),
});
export type ListFilters = Partial<{ [K in keyof z.output<typeof listFiltersSchema>]: NonNullable<z.output<typeof listFiltersSchema>[K]> }>;
