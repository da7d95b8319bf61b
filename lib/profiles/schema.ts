import { z } from "@/lib/validation/zod";

/** Province codes of QĐ 124/2004 and QĐ 19/2025: two digits. */
export const provinceCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{2}$/, "Mã tỉnh, thành phố gồm 2 chữ số, ví dụ 22 (Quảng Ninh) hoặc 91 (An Giang).");

/** `?ngay=2025-06-30`: the unit in force on that day (codes are reused across periods). */
export const profileDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Tham số ngay phải là một ngày dạng năm-tháng-ngày, ví dụ 2025-06-30.")
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
  }, "Tham số ngay không phải một ngày có thật, ví dụ 2025-06-30.")
  .transform((text) => new Date(`${text}T00:00:00Z`))
  .optional()
  .transform((date) => date ?? null);

/** The rank N of "score needed for rank N": empty for the default. */
export const targetRankSchema = z
  .string()
  .trim()
  .regex(/^\d{0,3}$/, "Hạng cần đạt phải là số nguyên dương, ví dụ 10.")
  .transform((text) => (text === "" ? null : Number(text)))
  .refine((rank) => rank === null || rank >= 1, "Hạng cần đạt phải từ 1 trở lên.")
  .optional()
  .transform((rank) => rank ?? null);
