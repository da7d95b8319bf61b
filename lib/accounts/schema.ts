// Inputs of account administration, the password pages and the API (README, "Administration").
// The screens, the API and the import check the same schemas.
import { optionalDay } from "@/lib/validation/schema";
import { blankToUndefined, optionalId, requiredText, versionSchema } from "@/lib/validation/schema";
import { z } from "@/lib/validation/zod";
import { PASSWORD_MAX_LENGTH } from "./password-rule";
import { ROLES, STATUSES } from "./rules";

export const emailSchema = z
  .string({ error: "Nhập email." })
  .trim()
  .toLowerCase()
  .min(1, "Nhập email.")
  .max(254, "Email quá dài (tối đa 254 ký tự).")
  .pipe(z.email({ error: "Email không đúng định dạng, ví dụ: ten@donvi.gov.vn." }));

const phoneSchema = z
  .string({ error: "Số điện thoại: nhập chữ số, ví dụ 0912 345 678." })
  .trim()
  .max(30, "Số điện thoại tối đa 30 ký tự.")
  .refine((text) => text === "" || /^\+?[\d .()-]{6,30}$/.test(text), "Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang, ví dụ 0912 345 678.")
  .optional()
  .nullable()
  .transform((text) => (text ? text : null));

const roleSchema = z.enum(ROLES, { error: "Vai trò: chọn Quản trị hệ thống, Cán bộ Sở Nội vụ, Lãnh đạo UBND tỉnh hoặc Thủ trưởng cơ quan, đơn vị." });

/** A province by its code in force (two digits, e.g. 01 for Hà Nội); empty for none. */
export const provinceCodeSchema = z.preprocess(
  (value) => (value === "" || value === undefined || value === null ? null : typeof value === "number" ? String(value).padStart(2, "0") : value),
  z
    .string({ error: "Mã tỉnh: hai chữ số, ví dụ 01 (Hà Nội)." })
    .trim()
    .regex(/^\d{2}$/, "Mã tỉnh: hai chữ số, ví dụ 01 (Hà Nội).")
    .nullable(),
);

export const accountCreateSchema = z.object({
  email: emailSchema,
  name: requiredText("họ và tên", 200),
  phone: phoneSchema,
  role: roleSchema,
  provinceCode: provinceCodeSchema.optional().transform((v) => v ?? null),
  agencyId: optionalId("Cơ quan")
    .optional()
    .transform((v) => v ?? null),
});
export type AccountCreateInput = z.output<typeof accountCreateSchema>;

/** A change names only what changes, and the version it read. */
export const accountUpdateSchema = z.object({
  version: versionSchema,
  email: emailSchema.optional(),
  name: requiredText("họ và tên", 200).optional(),
  phone: phoneSchema,
  role: roleSchema.optional(),
  provinceCode: provinceCodeSchema.optional(),
  agencyId: optionalId("Cơ quan").optional(),
  disabled: z.preprocess(
    (value) => (value === "true" || value === "on" ? true : value === "false" ? false : blankToUndefined(value)),
    z.boolean({ error: "disabled: true (khóa) hoặc false (mở khóa)." }).optional(),
  ),
});
export type AccountUpdateInput = z.output<typeof accountUpdateSchema>;

const filterText = (label: string, max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, `${label} tối đa ${max} ký tự.`).optional());

export const accountFilterSchema = z.object({
  q: filterText("Tìm kiếm", 200),
  role: z.preprocess(blankToUndefined, roleSchema.optional()),
  province: z.preprocess(blankToUndefined, provinceCodeSchema.optional()),
  agencyId: z.preprocess(blankToUndefined, optionalId("Cơ quan").optional()),
  status: z.preprocess(blankToUndefined, z.enum(STATUSES, { error: "Trạng thái: active, invited, disabled hoặc locked." }).optional()),
  /** Signed in for the last time before this day (or never): accounts nobody uses. */
  signedInBefore: optionalDay("Đăng nhập lần cuối trước ngày"),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).optional().catch(undefined)),
});
export type AccountFilter = z.output<typeof accountFilterSchema>;

const newPassword = z
  .string({ error: "Nhập mật khẩu mới." })
  .min(1, "Nhập mật khẩu mới.")
  // The rule itself (length, common passwords) is ./password-rule.ts, checked with the user's own words.
  .max(PASSWORD_MAX_LENGTH + 1, `Mật khẩu tối đa ${PASSWORD_MAX_LENGTH} ký tự.`);

export const passwordSetSchema = z.object({
  token: z
    .string({ error: "Thiếu mã trong đường liên kết: mở lại đường liên kết được gửi cho bạn." })
    .trim()
    .min(1, "Thiếu mã trong đường liên kết: mở lại đường liên kết được gửi cho bạn.")
    .max(200, "Đường liên kết không hợp lệ."),
  password: newPassword,
});

export const passwordForgotSchema = z.object({ email: emailSchema });

export const passwordChangeSchema = z.object({
  currentPassword: z.string({ error: "Nhập mật khẩu hiện tại." }).min(1, "Nhập mật khẩu hiện tại.").max(PASSWORD_MAX_LENGTH, "Mật khẩu hiện tại không đúng."),
  newPassword: newPassword,
});

export const profileSchema = z.object({
  version: versionSchema,
  name: requiredText("họ và tên", 200),
  phone: phoneSchema,
});

export const accountIdSchema = z.object({ id: optionalId("Tài khoản").pipe(z.number({ error: "Chọn tài khoản." })) });
export const accountActionSchema = z.object({ id: accountIdSchema.shape.id, version: versionSchema });
