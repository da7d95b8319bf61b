// Form fields the domains' schemas share (lib/<domain>/schema.ts): ids, the version a form
// read, text, calendar days, decimals and years, each refused with a message naming the field.
// A field is named by its key in the catalogue (errors.fields), so the message and the field's
// name are both in the language of the request; messages are worded when input is checked.
import { libTranslator } from "@/lib/i18n/lib-translator";
import type viErrors from "@/lib/i18n/messages/vi/errors.json";
import { DB_INT_MAX, z } from "./zod";

/** A field's name in errors.fields ("agency" → "cơ quan" / "the agency"). */
export type FieldLabel = keyof typeof viErrors.fields;
/** A hint after "Nhập …" in errors.fieldHints (", ví dụ …"). */
export type FieldHint = keyof typeof viErrors.fieldHints;
type Label = FieldLabel;
type Hint = FieldHint | "";

type FormMessage = Parameters<ReturnType<typeof libTranslator<"errors.form">>>[0];

const capitalized = (text: string) => (text ? `${text[0].toUpperCase()}${text.slice(1)}` : text);
const fieldName = (label: Label) => libTranslator("errors.fields")(label);
const hintText = (hint: Hint) => (hint === "" ? "" : libTranslator("errors.fieldHints")(hint));

/** A field's name in the request's language, as `{label}` and capitalized `{Label}` (a sentence may start with it). */
export const fieldNames = (label: FieldLabel) => ({ label: fieldName(label), Label: capitalized(fieldName(label)) });

/** `{ error }` of a check, worded from errors.form in the request's language, naming the field (`{label}`, or `{Label}` capitalized). */
export const fieldError = (key: FormMessage, label: Label | null = null, values: Record<string, string> = {}) => ({
  error: () => {
    const field = label === null ? {} : fieldNames(label);
    return libTranslator("errors.form")(key, { ...field, ...values } as never);
  },
});

export const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const positiveInt = (label: Label) =>
  z.coerce.number().int(fieldError("invalid", label)).positive(fieldError("invalid", label)).max(DB_INT_MAX, fieldError("invalid", label));

export const id = (label: Label) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number(fieldError("choose", label))
      .int(fieldError("invalid", label))
      .positive(fieldError("invalid", label))
      .max(DB_INT_MAX, fieldError("invalid", label)),
  );
export const optionalId = (label: Label) =>
  z.preprocess((value) => (value === "" || value === undefined || value === null ? null : value), positiveInt(label).nullable());
export const ids = (label: Label) =>
  z
    .array(positiveInt(label))
    .default([])
    .transform((list) => [...new Set(list)]);

export const versionSchema = z.preprocess(
  blankToUndefined,
  z.coerce
    .number(fieldError("versionMissing"))
    .int(fieldError("versionInvalid"))
    .min(0, fieldError("versionInvalid"))
    .max(DB_INT_MAX, fieldError("versionInvalid")),
);

export const requiredText = (label: Label, max: number, hint: Hint = "") => {
  const enter = () => ({ error: () => libTranslator("errors.form")("enter", { label: fieldName(label), hint: hintText(hint) }) });
  return z
    .string(enter())
    .trim()
    .min(1, enter())
    .max(max, fieldError("tooLong", label, { max: String(max) }))
    .transform((text) => text.replace(/\s+/g, " "));
};

/** The refusal of a text longer than `max`, naming the field: `z.string().max(max, maxLength("search", 200))`. */
/** A list's page number (1 when missing or unreadable: a bad page number shows the first page, it is no error). */
export const pageNumber = z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).optional().catch(undefined));

export const maxLength = (label: Label, max: number) => fieldError("tooLong", label, { max: String(max) });

export const optionalText = (label: Label, max: number) =>
  z
    .string()
    .trim()
    .max(max, fieldError("tooLong", label, { max: String(max) }))
    .optional()
    .nullable()
    .transform((text) => (text ? text : null));

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
};

/** An optional calendar day "2019-07-17" (what DateInput sends for a typed dd/mm/yyyy), stored as UTC midnight. */
export const optionalDay = (label: Label) =>
  z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((text) => (text ? text : null))
    .refine((text) => text === null || (DAY.test(text) && isRealDay(text)), fieldError("realDay", label))
    .transform((text) => (text === null ? null : new Date(`${text}T00:00:00Z`)));

/** "80", "80,5" or "80.5". */
export const decimal = (label: Label) =>
  z
    .string({ error: () => libTranslator("errors.form")("enter", { label: fieldName(label), hint: "" }) })
    .trim()
    .min(1, { error: () => libTranslator("errors.form")("enter", { label: fieldName(label), hint: "" }) })
    .transform((text) => text.replace(",", "."))
    .pipe(z.string().regex(/^-?\d+(\.\d{1,2})?$/, fieldError("decimal", label)))
    .transform(Number)
    // Stored as NUMERIC(7,2).
    .refine((value) => Math.abs(value) <= 99_999.99, fieldError("decimalTooLarge", label));

export const optionalDecimal = (label: Label) =>
  z.preprocess((value) => (value === "" || value === undefined || value === null ? null : value), decimal(label).nullable());

export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

export const yearSchema = z.preprocess(
  blankToUndefined,
  z.coerce
    .number(fieldError("yearMissing"))
    .int(fieldError("yearInteger"))
    .min(YEAR_MIN, fieldError("yearMin", null, { min: String(YEAR_MIN) }))
    .max(YEAR_MAX, fieldError("yearMax", null, { max: String(YEAR_MAX) })),
);

/** The id and the version read, of a row to delete. */
export const versionedIdSchema = z.object({ id: id("itemToDelete"), version: versionSchema });

/** `?format=` of a table download: csv or xlsx, the route's default when absent or empty. */
export const tableFormatParam = (fallback: "csv" | "xlsx") =>
  z.preprocess(blankToUndefined, z.enum(["csv", "xlsx"], fieldError("tableFormat")).default(fallback));
