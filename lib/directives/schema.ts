// Input of the directive forms (zod). Messages name the field and say how to fix it. Rules that
// need the database (the issuer's numbers, the agencies of the province) are checked in mutations.
import { DB_INT_MAX, z } from "@/lib/validation/zod";
import { TARGET_KINDS_ORDER } from "./target-rules";
import { DIRECTIVE_KINDS, REPORTING_KINDS, TASK_STATUSES } from "./labels";
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

// ───────────────────────── Shared field shapes ─────────────────────────

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const id = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: `Chọn ${label}.` }).int(`${label} không hợp lệ.`).positive(`${label} không hợp lệ.`).max(DB_INT_MAX, `${label} không hợp lệ.`),
  );
const optionalId = (label: string) =>
  z.preprocess(
    (value) => (value === "" || value === undefined || value === null ? null : value),
    z.coerce.number().int(`${label} không hợp lệ.`).positive(`${label} không hợp lệ.`).max(DB_INT_MAX, `${label} không hợp lệ.`).nullable(),
  );
const ids = (label: string) =>
  z
    .array(z.coerce.number().int(`${label} không hợp lệ.`).positive(`${label} không hợp lệ.`).max(DB_INT_MAX, `${label} không hợp lệ.`))
    .default([])
    .transform((list) => [...new Set(list)]);

export const versionSchema = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "Thiếu phiên bản dữ liệu: tải lại trang rồi lưu lại." })
    .int("Phiên bản dữ liệu không hợp lệ: tải lại trang.")
    .min(0, "Phiên bản dữ liệu không hợp lệ: tải lại trang.")
    .max(DB_INT_MAX, "Phiên bản dữ liệu không hợp lệ: tải lại trang."),
);

const requiredText = (label: string, max: number, hint = "") =>
  z
    .string({ error: `Nhập ${label}${hint}.` })
    .trim()
    .min(1, `Nhập ${label}${hint}.`)
    .max(max, `${label[0].toUpperCase()}${label.slice(1)} tối đa ${max} ký tự.`)
    .transform((text) => text.replace(/\s+/g, " "));

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} tối đa ${max} ký tự.`)
    .optional()
    .nullable()
    .transform((text) => (text ? text : null));

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
};

/** An optional calendar day "2019-07-17" (what <input type=date> sends), stored as UTC midnight. */
const optionalDay = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((text) => (text ? text : null))
    .refine((text) => text === null || (DAY.test(text) && isRealDay(text)), { message: `${label} phải là một ngày có thật (dd/mm/yyyy).` })
    .transform((text) => (text === null ? null : new Date(`${text}T00:00:00Z`)));

/** "80", "80,5" or "80.5". */
const decimal = (label: string) =>
  z
    .string({ error: `Nhập ${label}.` })
    .trim()
    .min(1, `Nhập ${label}.`)
    .transform((text) => text.replace(",", "."))
    .pipe(z.string().regex(/^-?\d+(\.\d{1,2})?$/, `${label[0].toUpperCase()}${label.slice(1)} phải là một số, tối đa 2 chữ số thập phân (ví dụ 80 hoặc 82,5).`))
    .transform(Number)
    // Stored as NUMERIC(7,2).
    .refine((value) => Math.abs(value) <= 99_999.99, `${label[0].toUpperCase()}${label.slice(1)} quá lớn (tối đa 99.999,99).`);

const optionalDecimal = (label: string) =>
  z.preprocess((value) => (value === "" || value === undefined || value === null ? null : value), decimal(label).nullable());

const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

export const yearSchema = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "Nhập năm, ví dụ 2019." })
    .int("Năm phải là số nguyên, ví dụ 2019.")
    .min(YEAR_MIN, `Năm từ ${YEAR_MIN} trở đi.`)
    .max(YEAR_MAX, `Năm trước ${YEAR_MAX}.`),
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
    if (!range) return { ok: false, message: `"${part}" không phải một năm: nhập năm gồm 4 chữ số, cách nhau bằng dấu phẩy, hoặc một khoảng như 2016-2020.` };
    const from = Number(range[1]);
    const to = range[2] ? Number(range[2]) : from;
    if (to < from) return { ok: false, message: `Khoảng năm "${part}" ngược: năm đầu phải trước năm cuối.` };
    if (from < YEAR_MIN || to > YEAR_MAX) return { ok: false, message: `Năm phải từ ${YEAR_MIN} đến ${YEAR_MAX} ("${part}").` };
    for (let year = from; year <= to; year++) years.add(year);
  }
  if (years.size > 10) return { ok: false, message: "Một văn bản áp dụng tối đa 10 năm: kiểm tra lại các năm đã nhập." };
  return { ok: true, years: [...years].sort((a, b) => a - b) };
}

const yearsSchema = z
  .string({ error: "Nhập năm văn bản áp dụng, ví dụ 2019." })
  .transform((text, context) => {
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
  reporting: z.array(z.enum(REPORTING_KINDS, { error: "Chế độ báo cáo không hợp lệ." })).default([]).transform((list) => [...new Set(list)]),
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

export const versionedIdSchema = z.object({ id: id("mục cần xóa"), version: versionSchema });

// ───────────────────────── Targets ─────────────────────────

const targetFields = {
  kind: z.enum(TARGET_KINDS_ORDER, { error: "Chọn loại chỉ tiêu." }),
  indexCode: z.preprocess((value) => (value === "" ? null : value), z.string().trim().toUpperCase().max(40).nullable().optional().transform((v) => v ?? null)),
  year: yearSchema,
  value: decimal("giá trị chỉ tiêu"),
  valueMax: optionalDecimal("mức trên của chỉ tiêu"),
  unit: optionalText("Đơn vị tính", 20),
  agencyId: optionalId("cơ quan, đơn vị"),
  criterionId: optionalId("tiêu chí"),
  note: optionalText("Ghi chú", 2000),
};

export const targetSchema = z.object({ directiveId: id("văn bản"), ...targetFields });
export type TargetInput = z.input<typeof targetSchema>;
export const targetUpdateSchema = z.object({ id: id("chỉ tiêu"), version: versionSchema, ...targetFields });

/** The commitments every agency signs with the chairman: one target per selected agency. */
export const bulkTargetsSchema = z.object({
  directiveId: id("văn bản"),
  kind: z.enum(["COMMITMENT_COMPLETION", "CRITERION_SCORE"], { error: "Chọn loại chỉ tiêu giao hàng loạt: hoàn thành cam kết hoặc điểm tiêu chí." }),
  year: yearSchema,
  value: decimal("giá trị chỉ tiêu"),
  criterionId: optionalId("tiêu chí"),
  note: optionalText("Ghi chú", 2000),
  agencyIds: ids("cơ quan, đơn vị").pipe(z.array(z.number()).min(1, "Chọn ít nhất một cơ quan, đơn vị nhận chỉ tiêu.")),
});
export type BulkTargetsInput = z.input<typeof bulkTargetsSchema>;

// ───────────────────────── Tasks and reports ─────────────────────────

const taskFields = {
  title: requiredText("nội dung nhiệm vụ", 2000),
  leadAgencyId: optionalId("cơ quan chủ trì"),
  coAgencyIds: ids("cơ quan phối hợp"),
  dueOn: optionalDay("Hạn hoàn thành"),
  criterionIds: ids("tiêu chí"),
};

export const taskSchema = z.object({ directiveId: id("văn bản"), ...taskFields });
export type TaskInput = z.input<typeof taskSchema>;
export const taskUpdateSchema = z.object({ id: id("nhiệm vụ"), version: versionSchema, ...taskFields });

const percent = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "Nhập tiến độ (%) từ 0 đến 100." })
    .int("Tiến độ là số nguyên phần trăm, từ 0 đến 100.")
    .min(0, "Tiến độ từ 0 đến 100%.")
    .max(100, "Tiến độ từ 0 đến 100%."),
);

export const taskProgressSchema = z.object({
  id: id("nhiệm vụ"),
  version: versionSchema,
  status: z.enum(TASK_STATUSES, { error: "Chọn tình trạng nhiệm vụ." }),
  progressPercent: percent,
  progressNote: optionalText("Kết quả thực hiện", 4000),
});
export type TaskProgressInput = z.input<typeof taskProgressSchema>;

export const reportSchema = z.object({
  directiveId: id("văn bản"),
  agencyId: id("cơ quan báo cáo"),
  period: z.string({ error: "Chọn kỳ báo cáo." }).trim().regex(/^\d{4}(-(Q[1-4]|H[12]))?$/, "Chọn kỳ báo cáo trong danh sách (ví dụ Quý I/2019)."),
  content: requiredText("nội dung báo cáo", 8000),
  /** Empty for a new report; the version read when editing one. */
  version: z.preprocess((value) => (value === "" || value === undefined || value === null ? null : value), z.coerce.number().int("Phiên bản dữ liệu không hợp lệ: tải lại trang.").min(0, "Phiên bản dữ liệu không hợp lệ: tải lại trang.").max(DB_INT_MAX, "Phiên bản dữ liệu không hợp lệ: tải lại trang.").nullable()),
});
export type ReportInput = z.input<typeof reportSchema>;

// ───────────────────────── List filters ─────────────────────────

export const listFiltersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined).transform((v) => v || undefined),
  year: z.preprocess(blankToUndefined, z.coerce.number().int().min(YEAR_MIN).max(YEAR_MAX).optional()).catch(undefined),
  kind: z.enum(DIRECTIVE_KINDS).optional().catch(undefined),
  issuer: z.string().trim().max(200).optional().catch(undefined).transform((v) => v || undefined),
  status: z.enum(STATUS_FILTERS).optional().catch(undefined),
});
export type ListFilters = Partial<{ [K in keyof z.output<typeof listFiltersSchema>]: NonNullable<z.output<typeof listFiltersSchema>[K]> }>;
