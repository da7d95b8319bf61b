// Input of the directive forms (zod). Messages name the field and say how to fix it. Rules that
// need the database (the issuer's numbers, the agencies of the province) are checked in mutations.
import { blankToUndefined, id, optionalDay, optionalText, requiredText, tableFormatParam, versionSchema, YEAR_MAX, YEAR_MIN } from "@/lib/validation/schema";
import { DB_INT_MAX, z } from "@/lib/validation/zod";
import { DIRECTIVE_KINDS, REPORTING_KINDS } from "./labels";
import { STATUS_FILTERS } from "./rules";

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

export const NUMBER_EXAMPLE = "4183/KH-UBND hoặc 1586/QĐ-UBND";

export const directiveNumberSchema = z
  .string({ error: "Nhập số, ký hiệu văn bản, ví dụ 4183/KH-UBND." })
  .transform(normalizeDirectiveNumber)
  .pipe(
    z
      .string()
      .min(1, "Nhập số, ký hiệu văn bản, ví dụ 4183/KH-UBND.")
      .max(60, "Số, ký hiệu văn bản tối đa 60 ký tự.")
      .refine(isDirectiveNumber, {
        message: `Số, ký hiệu văn bản không đúng dạng "số/ký hiệu": chữ số, dấu "/", rồi các nhóm chữ in hoa nối bằng dấu "-", ví dụ ${NUMBER_EXAMPLE} (có thể có năm: 05/2021/QĐ-UBND).`,
      }),
  );

/**
 * The years a directive concerns as people write them: "2019", "2019, 2020" or "2016–2020".
 * Returns the sorted years or the message that says what is wrong.
 */
export function parseYears(text: string): { ok: true; years: number[] } | { ok: false; message: string } {
  const parts = text
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return { ok: false, message: "Nhập năm văn bản áp dụng, ví dụ 2019 hoặc 2016-2020." };
  const years = new Set<number>();
  for (const part of parts) {
    const range = /^(\d{4})(?:[-–—](\d{4}))?$/.exec(part);
    if (!range)
      return {
        ok: false,
        message: `"${part}" không phải một năm: nhập năm gồm 4 chữ số, cách nhau bằng dấu phẩy, hoặc một khoảng như 2016-2020.`,
      };
    const from = Number(range[1]);
    const to = range[2] ? Number(range[2]) : from;
    if (to < from) return { ok: false, message: `Khoảng năm "${part}" ngược: năm đầu phải trước năm cuối.` };
    if (from < YEAR_MIN || to > YEAR_MAX) return { ok: false, message: `Năm phải từ ${YEAR_MIN} đến ${YEAR_MAX} ("${part}").` };
    for (let year = from; year <= to; year++) years.add(year);
  }
  if (years.size > 10) return { ok: false, message: "Một văn bản áp dụng tối đa 10 năm: kiểm tra lại các năm đã nhập." };
  return { ok: true, years: [...years].sort((a, b) => a - b) };
}

const yearsSchema = z.string({ error: "Nhập năm văn bản áp dụng, ví dụ 2019." }).transform((text, context) => {
  const parsed = parseYears(text);
  if (!parsed.ok) {
    context.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  }
  return parsed.years;
});

// ───────────────────────── Directives ─────────────────────────

export const directiveSchema = z.object({
  provinceId: id("tỉnh, thành phố ban hành"),
  number: directiveNumberSchema,
  kind: z.enum(DIRECTIVE_KINDS, { error: "Chọn loại văn bản (Quyết định, Kế hoạch, Công văn, Chỉ thị, Văn bản, Nghị quyết)." }),
  issuer: requiredText("cơ quan ban hành", 200, ", ví dụ UBND tỉnh An Giang"),
  signer: optionalText("Người ký", 200),
  issuedOn: optionalDay("Ngày ban hành"),
  title: requiredText("trích yếu (tên văn bản)", 1000),
  summary: optionalText("Tóm tắt nội dung", 4000),
  years: yearsSchema,
  reporting: z
    .array(z.enum(REPORTING_KINDS, { error: "Chế độ báo cáo không hợp lệ." }))
    .default([])
    .transform((list) => [...new Set(list)]),
  note: optionalText("Ghi chú", 2000),
});
export type DirectiveInput = z.input<typeof directiveSchema>;

export const directiveUpdateSchema = directiveSchema.omit({ provinceId: true }).extend({ id: id("văn bản"), version: versionSchema });

export const linkSchema = z.object({
  fromId: id("văn bản"),
  toId: id("văn bản liên quan"),
  relation: requiredText("quan hệ giữa hai văn bản", 60, ", ví dụ Triển khai"),
});

export const unlinkSchema = z.object({ fromId: id("văn bản"), toId: id("văn bản liên quan") });

export const reportSchema = z.object({
  directiveId: id("văn bản"),
  agencyId: id("cơ quan báo cáo"),
  period: z
    .string({ error: "Chọn kỳ báo cáo." })
    .trim()
    .regex(/^\d{4}(-(Q[1-4]|H[12]))?$/, "Chọn kỳ báo cáo trong danh sách (ví dụ Quý I/2019)."),
  content: requiredText("nội dung báo cáo", 8000),
  /** Empty for a new report; the version read when editing one. */
  version: z.preprocess(
    (value) => (value === "" || value === undefined || value === null ? null : value),
    z.coerce
      .number()
      .int("Phiên bản dữ liệu không hợp lệ: tải lại trang.")
      .min(0, "Phiên bản dữ liệu không hợp lệ: tải lại trang.")
      .max(DB_INT_MAX, "Phiên bản dữ liệu không hợp lệ: tải lại trang.")
      .nullable(),
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
      .regex(/^\d{4}(-(Q[1-4]|H[12]))?$/, "Tham số period là một kỳ báo cáo như 2019-Q1, 2019-H1 hoặc 2019; bỏ trống để lấy mọi kỳ.")
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
