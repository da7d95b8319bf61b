// Form fields the domains' schemas share (lib/<domain>/schema.ts): ids, the version a form
// read, text, calendar days, decimals and years, each refused with a message naming the field.
import { DB_INT_MAX, z } from "./zod";

export const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const id = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `Chọn ${label}.` })
      .int(`${label} không hợp lệ.`)
      .positive(`${label} không hợp lệ.`)
      .max(DB_INT_MAX, `${label} không hợp lệ.`),
  );
export const optionalId = (label: string) =>
  z.preprocess(
    (value) => (value === "" || value === undefined || value === null ? null : value),
    z.coerce.number().int(`${label} không hợp lệ.`).positive(`${label} không hợp lệ.`).max(DB_INT_MAX, `${label} không hợp lệ.`).nullable(),
  );
export const ids = (label: string) =>
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

export const requiredText = (label: string, max: number, hint = "") =>
  z
    .string({ error: `Nhập ${label}${hint}.` })
    .trim()
    .min(1, `Nhập ${label}${hint}.`)
    .max(max, `${label[0].toUpperCase()}${label.slice(1)} tối đa ${max} ký tự.`)
    .transform((text) => text.replace(/\s+/g, " "));

export const optionalText = (label: string, max: number) =>
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

/** An optional calendar day "2019-07-17" (what DateInput sends for a typed dd/mm/yyyy), stored as UTC midnight. */
export const optionalDay = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((text) => (text ? text : null))
    .refine((text) => text === null || (DAY.test(text) && isRealDay(text)), { message: `${label} phải là một ngày có thật (dd/mm/yyyy).` })
    .transform((text) => (text === null ? null : new Date(`${text}T00:00:00Z`)));

/** "80", "80,5" or "80.5". */
export const decimal = (label: string) =>
  z
    .string({ error: `Nhập ${label}.` })
    .trim()
    .min(1, `Nhập ${label}.`)
    .transform((text) => text.replace(",", "."))
    .pipe(z.string().regex(/^-?\d+(\.\d{1,2})?$/, `${label[0].toUpperCase()}${label.slice(1)} phải là một số, tối đa 2 chữ số thập phân (ví dụ 80 hoặc 82,5).`))
    .transform(Number)
    // Stored as NUMERIC(7,2).
    .refine((value) => Math.abs(value) <= 99_999.99, `${label[0].toUpperCase()}${label.slice(1)} quá lớn (tối đa 99.999,99).`);

export const optionalDecimal = (label: string) =>
  z.preprocess((value) => (value === "" || value === undefined || value === null ? null : value), decimal(label).nullable());

export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

export const yearSchema = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "Nhập năm, ví dụ 2019." })
    .int("Năm phải là số nguyên, ví dụ 2019.")
    .min(YEAR_MIN, `Năm từ ${YEAR_MIN} trở đi.`)
    .max(YEAR_MAX, `Năm trước ${YEAR_MAX}.`),
);

/** The id and the version read, of a row to delete. */
export const versionedIdSchema = z.object({ id: id("mục cần xóa"), version: versionSchema });

/** `?format=` of a table download: csv or xlsx, the route's default when absent or empty. */
export const tableFormatParam = (fallback: "csv" | "xlsx") =>
  z.preprocess(blankToUndefined, z.enum(["csv", "xlsx"], { error: "Tham số format phải là csv hoặc xlsx." }).default(fallback));
