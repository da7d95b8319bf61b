import { DB_INT_MAX, z } from "@/lib/validation/zod";
import { endOfVietnamDay } from "@/lib/time";
import { tableFormatParam } from "@/lib/validation/schema";

const id = (label: string) =>
  z.coerce
    .number({ error: `Thiếu ${label}.` })
    .int(`${label} không hợp lệ.`)
    .positive(`${label} không hợp lệ.`)
    .max(DB_INT_MAX, `${label} không hợp lệ.`);
const version = z.coerce
  .number({ error: "Thiếu phiên bản dữ liệu: tải lại trang rồi lưu lại." })
  .int("Phiên bản dữ liệu không hợp lệ: tải lại trang.")
  .min(0, "Phiên bản dữ liệu không hợp lệ: tải lại trang.")
  .max(DB_INT_MAX, "Phiên bản dữ liệu không hợp lệ: tải lại trang.");

/** A score typed by a person: "7", "7.5" or the Vietnamese "7,5". Range checks need the maximum (workflow.scoreProblem). */
export const pointsSchema = z
  .string({ error: "Nhập điểm." })
  .trim()
  .min(1, "Nhập điểm.")
  .max(12, "Điểm không hợp lệ.")
  .transform((text) => text.replace(",", "."))
  .pipe(z.string().regex(/^-?\d+(\.\d+)?$/, "Điểm phải là một số, ví dụ 7,5."))
  .transform(Number)
  // Stored as NUMERIC(7,2); the framework's maximum is checked by workflow.scoreProblem.
  .refine((points) => Math.abs(points) <= 99_999.99, "Điểm quá lớn: nhập điểm trong thang điểm của tiêu chí.");

const comment = (label: string, max = 4000) =>
  z
    .string()
    .trim()
    .max(max, `${label} tối đa ${max} ký tự.`)
    .optional()
    .transform((text) => (text ? text : null));

/** "2026-12-15" → 23:59:59 of that day in Viet Nam. */
export const deadlineSchema = z
  .string({ error: "Chọn hạn tự chấm điểm." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Hạn tự chấm điểm phải là một ngày (dd/mm/yyyy).")
  .transform(endOfVietnamDay)
  .refine((date) => !Number.isNaN(date.getTime()), "Hạn tự chấm điểm không phải một ngày có thật.");

export const openPeriodSchema = z.object({
  frameworkId: id("bộ chỉ số"),
  year: z.coerce
    .number({ error: "Nhập năm đánh giá." })
    .int("Năm đánh giá phải là số nguyên.")
    .min(2000, "Năm đánh giá từ 2000.")
    .max(2100, "Năm đánh giá trước 2100."),
  deadline: deadlineSchema,
  agencyIds: z.array(id("cơ quan")).min(1, "Chọn ít nhất một cơ quan, đơn vị được đánh giá."),
});
export type OpenPeriodInput = z.input<typeof openPeriodSchema>;

export const selfScoreSchema = z.object({
  criterionScoreId: id("tiêu chí"),
  version,
  score: pointsSchema,
  comment: comment("Thuyết minh"),
});

export const appraiseSchema = z.object({
  criterionScoreId: id("tiêu chí"),
  version,
  score: pointsSchema,
  comment: comment("Nhận xét thẩm định"),
});

export const explanationRequestSchema = z.object({
  criterionScoreId: id("tiêu chí"),
  version,
  request: z.string().trim().min(1, "Nhập nội dung yêu cầu giải trình hoặc bổ sung minh chứng.").max(4000, "Yêu cầu giải trình tối đa 4000 ký tự."),
});

export const explanationResponseSchema = z.object({
  criterionScoreId: id("tiêu chí"),
  version,
  response: z.string().trim().min(1, "Nhập nội dung giải trình.").max(4000, "Nội dung giải trình tối đa 4000 ký tự."),
});

export const adjustmentsSchema = z.object({
  assessmentId: id("phiếu đánh giá"),
  version,
  bonus: pointsSchema,
  bonusReason: comment("Lý do điểm thưởng", 1000),
  penalty: pointsSchema,
  penaltyReason: comment("Lý do điểm trừ", 1000),
});

export const stepSchema = z.object({
  assessmentId: id("phiếu đánh giá"),
  version,
  step: z.enum(["submit", "requestExplanations", "startRound2", "finalize", "returnForCorrection", "withdraw"], { error: "Thao tác không hợp lệ." }),
  /** Why a sheet is returned for correction (kept in the audit log). */
  reason: comment("Lý do", 1000),
});

/** `?format=xlsx&assessmentId=` of the scores file: one agency's sheet, or the whole period. */
export const scoresFileQuerySchema = z.object({ format: tableFormatParam("xlsx"), assessmentId: z.string().optional() });

/** Home Affairs marks a sub-criterion not applicable to one agency (with a reason), or applicable again. */
export const notApplicableSchema = z
  .object({
    criterionScoreId: id("tiêu chí"),
    version,
    notApplicable: z.enum(["1", "0"], { error: "Chọn áp dụng hoặc không áp dụng." }).transform((v) => v === "1"),
    reason: comment("Lý do không áp dụng", 1000),
  })
  .refine((data) => !data.notApplicable || data.reason !== null, { path: ["reason"], message: "Nhập lý do tiêu chí không áp dụng cho cơ quan này." });

/** A deadline extension for one agency, with its reason. */
export const extensionSchema = z.object({
  assessmentId: id("phiếu đánh giá"),
  version,
  deadline: deadlineSchema,
  reason: z.string().trim().min(1, "Nhập lý do gia hạn.").max(1000, "Lý do gia hạn tối đa 1000 ký tự."),
});
