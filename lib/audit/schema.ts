// Filters of the audit-log page and its export (query string). A bad value is a message naming
// the parameter; empty parameters mean "all".
import { type FieldLabel, fieldError, tableFormatParam } from "@/lib/validation/schema";
import { DB_INT_MAX, z } from "@/lib/validation/zod";
import { libTranslator } from "@/lib/i18n/lib-translator";

// Worded when a query is checked, not when this module loads: in the language of that request.
const say = (key: "userTooLong" | "entityTooLong" | "entityIdTooLong" | "province" | "toBeforeFrom") => ({ error: () => libTranslator("errors.audit")(key) });

const blank = (value: unknown) => (value === "" || value === null ? undefined : value);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (label: FieldLabel) =>
  z.preprocess(
    blank,
    z
      .string()
      .trim()
      .refine(
        (text) => {
          const date = new Date(`${text}T00:00:00Z`);
          return DAY.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
        },
        fieldError("realDay", label),
      )
      .optional(),
  );

export const auditFiltersSchema = z
  .object({
    user: z.preprocess(blank, z.string().trim().max(320, say("userTooLong")).optional()),
    entity: z.preprocess(blank, z.string().trim().max(60, say("entityTooLong")).optional()),
    entityId: z.preprocess(blank, z.string().trim().max(100, say("entityIdTooLong")).optional()),
    from: day("fromDay"),
    to: day("toDay"),
    provinceId: z.preprocess(blank, z.coerce.number(say("province")).int(say("province")).min(1, say("province")).max(DB_INT_MAX, say("province")).optional()),
    // Deeper than this, narrow the filters: the log can hold millions of rows.
    page: z.preprocess(blank, z.coerce.number().int().min(1).max(10_000).optional().catch(undefined)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], ...say("toBeforeFrom") });
export type AuditFilters = z.output<typeof auditFiltersSchema>;

export const auditExportSchema = z.object({ format: tableFormatParam("xlsx") });

/** The export's query string: the page's filters and the file's format. */
export const auditExportQuerySchema = z.intersection(auditFiltersSchema, auditExportSchema);
