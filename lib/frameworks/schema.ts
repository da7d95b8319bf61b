// Input of the framework forms and API. Messages name the field and say how to fix it. Numbers
// may be typed the Vietnamese way ("2,5") or with a dot ("2.5").
import { tableFormatParam } from "@/lib/validation/schema";
import { DB_INT_MAX, z } from "@/lib/validation/zod";
import { FRAMEWORK_AGENCY_KINDS, METHODS, STATUSES } from "./labels";
import { CODE_PATTERN, MAX_POINTS_LIMIT } from "./tree";

/** "2,5" or "2.5" → 2.5; "" → null; anything else → NaN. */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(/\s/g, "");
  if (t === "") return null;
  return /^-?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(",", ".")) : Number.NaN;
}

/** What a caller may send: any field, any type (forms send text); the schema decides. */
export type LooseInput<S extends z.ZodType> = { [K in keyof z.input<S>]?: unknown };

const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

export function pointsSchema(label: string, options: { positive?: boolean } = {}) {
  const number = z.number({ error: `${label}: nhập một số, ví dụ 2,5.` });
  return z.preprocess(
    (v) => (typeof v === "string" ? (parseDecimal(v) ?? undefined) : v),
    (options.positive ? number.positive(`${label} phải lớn hơn 0, ví dụ 100.`) : number.min(0, `${label} không được âm.`))
      .max(MAX_POINTS_LIMIT, `${label} quá lớn (tối đa 99.999,99).`)
      .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, `${label}: chỉ dùng tối đa 2 chữ số thập phân, ví dụ 2,25.`),
  );
}

const yearSchema = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z
      .number({ error: `${label}: nhập năm gồm 4 chữ số, ví dụ 2025.` })
      .int(`${label}: nhập năm gồm 4 chữ số, ví dụ 2025.`)
      .min(2000, `${label} phải từ năm 2000 trở đi.`)
      .max(2100, `${label} phải trước năm 2100.`),
  );

const optionalText = (label: string, max: number) =>
  z.preprocess(
    (v) => (v === null || v === undefined ? "" : v),
    z
      .string()
      .trim()
      .max(max, `${label} dài quá ${max} ký tự: rút gọn lại.`)
      .transform((v) => (v === "" ? null : v)),
  );

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

const idSchema = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `Thiếu ${label}.` })
      .int(`${label} không hợp lệ.`)
      .positive(`${label} không hợp lệ.`)
      .max(DB_INT_MAX, `${label} không hợp lệ.`),
  );

/** The framework revision the form was read at (optimistic concurrency). */
const revisionSchema = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "Thiếu số lần sửa (revision) của bộ chỉ số: tải lại trang rồi thử lại." })
    .int("Số lần sửa (revision) không hợp lệ: tải lại trang.")
    .min(0, "Số lần sửa (revision) không hợp lệ: tải lại trang.")
    .max(DB_INT_MAX, "Số lần sửa (revision) không hợp lệ: tải lại trang."),
);

const target = { frameworkId: idSchema("mã bộ chỉ số"), revision: revisionSchema };

const metaShape = {
  name: z
    .string({ error: "Tên bộ chỉ số: nhập tên." })
    .trim()
    .min(3, "Tên bộ chỉ số: nhập ít nhất 3 ký tự.")
    .max(300, "Tên bộ chỉ số dài quá 300 ký tự: rút gọn lại."),
  decision: optionalText("Văn bản quy định", 500),
  validFromYear: yearSchema("Năm bắt đầu áp dụng"),
  validToYear: z.preprocess(blankToUndefined, yearSchema("Năm kết thúc áp dụng").optional()).transform((v) => v ?? null),
  maxScore: pointsSchema("Điểm tối đa của bộ chỉ số", { positive: true }),
  bonusCap: z.preprocess(blankToUndefined, pointsSchema("Điểm thưởng tối đa").default(0)),
  penaltyCap: z.preprocess(blankToUndefined, pointsSchema("Điểm trừ tối đa").default(0)),
  componentsAreAdditive: checkbox,
  isIllustrative: checkbox,
  note: optionalText("Ghi chú", 2000),
  agencyKind: z
    .preprocess(blankToUndefined, z.enum(FRAMEWORK_AGENCY_KINDS, { error: "Loại cơ quan: chọn Sở, ban, ngành hoặc UBND cấp xã." }).optional())
    .transform((v) => v ?? null),
};

function yearsInOrder(value: { validFromYear: number; validToYear: number | null }, ctx: z.RefinementCtx) {
  if (value.validToYear !== null && value.validToYear < value.validFromYear) {
    ctx.addIssue({
      code: "custom",
      path: ["validToYear"],
      message: `Năm kết thúc áp dụng (${value.validToYear}) phải từ năm bắt đầu (${value.validFromYear}) trở đi.`,
    });
  }
}

export const createFrameworkSchema = z
  .object({
    ...metaShape,
    indexCode: z.string({ error: "Chỉ số: chọn PAR INDEX, SIPAS hoặc chỉ số nội bộ." }).trim().min(1, "Chỉ số: chọn PAR INDEX, SIPAS hoặc chỉ số nội bộ."),
    ownerProvinceId: z.preprocess(blankToUndefined, idSchema("tỉnh").optional()).transform((v) => v ?? null),
    key: z
      .preprocess(
        blankToUndefined,
        z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, "Mã họ phiên bản: chỉ dùng chữ thường không dấu, số và gạch ngang, ví dụ par-index-provincial.")
          .optional(),
      )
      .transform((v) => v ?? null),
  })
  .superRefine(yearsInOrder);
export type CreateFrameworkInput = LooseInput<typeof createFrameworkSchema>;

export const updateFrameworkMetaSchema = z
  .object({
    ...target,
    ...metaShape,
    status: z.enum(STATUSES, { error: "Trạng thái: chọn Bản nháp, Đang áp dụng hoặc Lưu trữ." }),
  })
  .superRefine(yearsInOrder);
export type UpdateFrameworkMetaInput = LooseInput<typeof updateFrameworkMetaSchema>;

const criterionShape = {
  code: z
    .string({ error: "Mã: nhập mã tiêu chí, ví dụ 1.2." })
    .trim()
    .min(1, "Mã: nhập mã tiêu chí, ví dụ 1.2.")
    .regex(CODE_PATTERN, "Mã: chỉ dùng chữ không dấu, số, dấu chấm, gạch ngang, tối đa 30 ký tự (ví dụ 1.2.3)."),
  name: z.string({ error: "Tên: nhập tên tiêu chí." }).trim().min(1, "Tên: nhập tên tiêu chí.").max(500, "Tên dài quá 500 ký tự: rút gọn lại."),
  maxPoints: pointsSchema("Điểm tối đa"),
  method: z.preprocess(
    blankToUndefined,
    z.enum(METHODS, { error: "Phương pháp: chọn Thẩm định, Điều tra xã hội học hoặc Số liệu thống kê." }).default("APPRAISAL"),
  ),
  guidance: optionalText("Hướng dẫn chấm điểm", 4000),
  requiredEvidence: optionalText("Tài liệu kiểm chứng", 4000),
  recomputeParents: checkbox,
};

export const updateCriterionSchema = z.object({ ...target, criterionId: idSchema("mã tiêu chí"), ...criterionShape });
export type UpdateCriterionInput = LooseInput<typeof updateCriterionSchema>;

export const addCriterionSchema = z.object({
  ...target,
  /** null: a new field (top level). */
  parentId: z.preprocess(blankToUndefined, idSchema("mục cha").optional()).transform((v) => v ?? null),
  ...criterionShape,
});
export type AddCriterionInput = LooseInput<typeof addCriterionSchema>;

export const deleteCriterionSchema = z.object({ ...target, criterionId: idSchema("mã tiêu chí"), recomputeParents: checkbox });
export type DeleteCriterionInput = LooseInput<typeof deleteCriterionSchema>;

export const setMaxPointsSchema = z.object({
  ...target,
  points: z.array(z.object({ criterionId: idSchema("mã tiêu chí"), maxPoints: pointsSchema("Điểm tối đa") })),
});
export type SetMaxPointsInput = LooseInput<typeof setMaxPointsSchema>;

export const gradeBandSchema = z.object({
  label: z.string().trim().min(1, "Xếp loại: nhập tên, ví dụ A hoặc Xuất sắc.").max(40, "Tên xếp loại dài quá 40 ký tự."),
  minScore: pointsSchema("Điểm tối thiểu của xếp loại"),
});

export const setGradeBandsSchema = z.object({ ...target, bands: z.array(gradeBandSchema).max(20, "Tối đa 20 xếp loại.") }).superRefine((value, ctx) => {
  const seen = new Set<string>();
  value.bands.forEach((band, i) => {
    if (seen.has(band.label))
      ctx.addIssue({ code: "custom", path: ["bands", i, "label"], message: `Xếp loại "${band.label}" bị trùng: mỗi xếp loại một tên.` });
    seen.add(band.label);
  });
});
export type SetGradeBandsInput = LooseInput<typeof setGradeBandsSchema>;

export const componentSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]{0,39}$/, "Mã thành phần: chữ in hoa không dấu, số và gạch dưới, ví dụ APPRAISAL."),
  nameVi: z.string().trim().min(1, "Tên thành phần: nhập tên, ví dụ Điểm thẩm định.").max(200, "Tên thành phần dài quá 200 ký tự."),
  maxPoints: pointsSchema("Điểm tối đa của thành phần"),
});

export const setComponentsSchema = z.object({ ...target, components: z.array(componentSchema).max(20, "Tối đa 20 thành phần.") }).superRefine((value, ctx) => {
  const seen = new Set<string>();
  value.components.forEach((c, i) => {
    if (seen.has(c.code)) ctx.addIssue({ code: "custom", path: ["components", i, "code"], message: `Mã thành phần ${c.code} bị trùng.` });
    seen.add(c.code);
  });
});
export type SetComponentsInput = LooseInput<typeof setComponentsSchema>;

export const importTreeSchema = z.object(target);
export type ImportTreeInput = LooseInput<typeof importTreeSchema>;

export const frameworkIdSchema = idSchema("mã bộ chỉ số");
export const exportQuerySchema = z.object({ format: tableFormatParam("csv") });
