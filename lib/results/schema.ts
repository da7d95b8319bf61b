import { z } from "zod";

/** Index codes are data (PAR_INDEX, SIPAS, …): the shape is checked here, existence in queries. */
export const indexCodeSchema = z
  .string({ error: "Thiếu tham số index: chọn PAR_INDEX hoặc SIPAS." })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, "Tham số index không hợp lệ: dùng mã chỉ số như PAR_INDEX hoặc SIPAS.");

export const yearSchema = z
  .string({ error: "Thiếu tham số year: chọn một năm, ví dụ 2023." })
  .trim()
  .regex(/^\d{4}$/, "Tham số year phải là một năm gồm 4 chữ số, ví dụ 2023.")
  .transform(Number)
  .pipe(z.number()
  .int("Tham số year phải là số nguyên, ví dụ 2023.")
  .min(2000, "Tham số year phải từ năm 2000 trở đi.")
  .max(2100, "Tham số year phải trước năm 2100."));

export const rankingQuerySchema = z.object({ index: indexCodeSchema, year: yearSchema });
export type RankingQuery = z.infer<typeof rankingQuerySchema>;
