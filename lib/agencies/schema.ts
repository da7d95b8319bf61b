// Inputs of agency administration (screens, API, import): a province's departments and communes.
import { emailSchema, provinceCodeSchema } from "@/lib/accounts/schema";
import { blankToUndefined, id, optionalDay, optionalText, requiredText, versionSchema } from "@/lib/validation/schema";
import { z } from "@/lib/validation/zod";
import { AGENCY_KINDS } from "./rules";

const code = z
  .string({ error: "Nhập mã cơ quan, ví dụ STP hoặc XA-001." })
  .trim()
  .min(1, "Nhập mã cơ quan, ví dụ STP hoặc XA-001.")
  .max(30, "Mã cơ quan tối đa 30 ký tự.")
  .regex(/^[A-Za-z0-9._-]+$/, "Mã cơ quan chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới (ví dụ STP, XA-001).")
  .transform((text) => text.toUpperCase());

const kind = z.enum(AGENCY_KINDS, { error: "Loại: chọn Sở, ban, ngành; UBND xã; UBND phường; Đặc khu hoặc Khác." });
const optionalEmail = z.preprocess(blankToUndefined, emailSchema.optional()).transform((v) => v ?? null);
const phone = optionalText("Điện thoại liên hệ", 30);
const peerGroup = optionalText("Nhóm so sánh", 100);

export const agencyFieldsSchema = z.object({
  code,
  name: requiredText("tên đầy đủ của cơ quan", 300),
  shortName: optionalText("Tên viết tắt", 100),
  kind,
  peerGroup,
  contactEmail: optionalEmail,
  contactPhone: phone,
});

export const agencyCreateSchema = agencyFieldsSchema.extend({
  /** An administrator names the province; Home Affairs staff act on their own. */
  provinceCode: provinceCodeSchema.optional().transform((v) => v ?? null),
  validFrom: optionalDay("Hoạt động từ ngày"),
});
export type AgencyCreateInput = z.output<typeof agencyCreateSchema>;

export const agencyUpdateSchema = z.object({
  version: versionSchema,
  code: code.optional(),
  name: requiredText("tên đầy đủ của cơ quan", 300).optional(),
  shortName: optionalText("Tên viết tắt", 100),
  kind: kind.optional(),
  peerGroup,
  contactEmail: optionalEmail,
  contactPhone: phone,
  validFrom: optionalDay("Hoạt động từ ngày"),
  /** The last day of activity: ending an agency keeps its history (never deleted once used). */
  validTo: optionalDay("Hoạt động đến ngày"),
});

export const agencyListSchema = z.object({
  province: z.preprocess(blankToUndefined, provinceCodeSchema.optional()),
  q: z.preprocess(blankToUndefined, z.string().trim().max(200, "Tìm kiếm tối đa 200 ký tự.").optional()),
  kind: z.preprocess(blankToUndefined, kind.optional()),
  /** current (default): in force today; ended; all. */
  status: z.preprocess(blankToUndefined, z.enum(["current", "ended", "all"], { error: "Trạng thái: current, ended hoặc all." }).default("current")),
});

const lineageFields = {
  effectiveOn: optionalDay("Ngày hiệu lực").pipe(z.date({ error: "Nhập ngày hiệu lực." })),
  legalBasis: requiredText("căn cứ (số, ký hiệu văn bản)", 300, ", ví dụ Nghị quyết 1656/NQ-UBTVQH15"),
};

/** Several agencies become one from a day: an existing one (intoId) or a new one. */
export const agencyMergeSchema = z.object({
  ...lineageFields,
  sourceIds: z.array(id("Cơ quan được hợp nhất")).min(1, "Chọn các cơ quan được hợp nhất.").max(200, "Tối đa 200 cơ quan một lần."),
  intoId: z.preprocess(blankToUndefined, id("Cơ quan tiếp nhận").optional()),
  into: agencyFieldsSchema.optional(),
});

/** One agency becomes several new ones from a day. */
export const agencySplitSchema = z.object({
  ...lineageFields,
  sourceId: id("Cơ quan được chia tách"),
  parts: z.array(agencyFieldsSchema).min(2, "Chia tách thành ít nhất hai cơ quan.").max(50, "Tối đa 50 cơ quan mới."),
});

export const agencyDeleteSchema = z.object({ id: id("Cơ quan"), version: versionSchema });

/** Options of an import: the province (administrators), dry run. */
export const importOptionsSchema = z.object({
  province: z.preprocess(blankToUndefined, provinceCodeSchema.optional()),
  dryRun: z.preprocess((v) => v === "1" || v === "true" || v === "on", z.boolean()),
});

/** `?province=` of a template download (an administrator's choice; Home Affairs staff: their own). */
export const templateQuerySchema = z.object({ province: z.preprocess(blankToUndefined, provinceCodeSchema.optional()) });
