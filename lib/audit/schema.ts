// Filters of the audit-log page and its export (query string). A bad value is a message naming
// the parameter; empty parameters mean "all".
import { tableFormatParam } from "@/lib/validation/schema";
import { DB_INT_MAX, z } from "@/lib/validation/zod";

const blank = (value: unknown) => (value === "" || value === null ? undefined : value);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (label: string) =>
  z.preprocess(
    blank,
    z
      .string()
      .trim()
      .refine((text) => {
        const date = new Date(`${text}T00:00:00Z`);
        return DAY.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
      }, `${label} phải là một ngày có thật (dd/mm/yyyy).`)
      .optional(),
  );

export const auditFiltersSchema = z
  .object({
    user: z.preprocess(blank, z.string().trim().max(320, "Người thực hiện: email dài quá 320 ký tự.").optional()),
    entity: z.preprocess(blank, z.string().trim().max(60, "Loại đối tượng dài quá 60 ký tự.").optional()),
    entityId: z.preprocess(blank, z.string().trim().max(100, "Mã đối tượng dài quá 100 ký tự.").optional()),
    from: day("Từ ngày"),
    to: day("Đến ngày"),
    provinceId: z.preprocess(
      blank,
      z.coerce
        .number({ error: "Tỉnh: chọn trong danh sách." })
        .int("Tỉnh: chọn trong danh sách.")
        .min(1, "Tỉnh: chọn trong danh sách.")
        .max(DB_INT_MAX, "Tỉnh: chọn trong danh sách.")
        .optional(),
    ),
    // Deeper than this, narrow the filters: the log can hold millions of rows.
    page: z.preprocess(blank, z.coerce.number().int().min(1).max(10_000).optional().catch(undefined)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "Đến ngày phải từ ngày bắt đầu trở đi." });
export type AuditFilters = z.output<typeof auditFiltersSchema>;

export const auditExportSchema = z.object({ format: tableFormatParam("xlsx") });

/** The export's query string: the page's filters and the file's format. */
export const auditExportQuerySchema = z.intersection(auditFiltersSchema, auditExportSchema);
