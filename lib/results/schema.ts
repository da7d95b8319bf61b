import { tableFormatParam } from "@/lib/validation/schema";
import { DB_INT_MAX, z } from "@/lib/validation/zod";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { parseDecimal } from "./components";
import { NOTE_MAX_LENGTH, SOURCE_MAX_LENGTH } from "./import-plan";

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
  .pipe(
    z
      .number()
      .int("Tham số year phải là số nguyên, ví dụ 2023.")
      .min(2000, "Tham số year phải từ năm 2000 trở đi.")
      .max(2100, "Tham số year phải trước năm 2100."),
  );

export const rankingQuerySchema = z.object({ index: indexCodeSchema, year: yearSchema });
export type RankingQuery = z.infer<typeof rankingQuerySchema>;

/** A region code (DBSH…), "none" for units without a region, or empty for all regions. */
export const regionParamSchema = z
  .string()
  .trim()
  .regex(/^([A-Za-z][A-Za-z_]{0,19})?$/, "Tham số region không hợp lệ: dùng mã vùng như DBSH, hoặc none (chưa xác định vùng).")
  .transform((text) => (text === "" ? null : text.toLowerCase() === "none" ? "none" : text.toUpperCase()))
  .optional()
  .transform((value) => value ?? null);

/** A component to rank by (appraisal, SIPAS…), any case, as the import's column or the framework's code; empty for the total. */
export const componentParamSchema = z
  .string()
  .trim()
  .regex(/^([A-Za-z][A-Za-z0-9_]{0,39})?$/, { error: () => libTranslator("errors.results")("component") })
  .transform((text) => (text === "" ? null : text.toUpperCase()))
  .optional()
  .transform((value) => value ?? null);

export const rankingExportQuerySchema = z.object({
  index: indexCodeSchema,
  year: yearSchema,
  region: regionParamSchema,
  format: tableFormatParam("csv"),
});

export const exportQuerySchema = z.object({ index: indexCodeSchema, year: yearSchema, format: tableFormatParam("csv") });

/** dryRun=1 (or true) asks for the preview only. */
export const dryRunSchema = z
  .union([z.string(), z.null(), z.undefined()])
  .transform((value) => value !== null && value !== undefined && ["1", "true", "yes"].includes(value.trim().toLowerCase()));

const decimalText = (label: string) =>
  z
    .string()
    .trim()
    .refine((text) => parseDecimal(text).ok, { message: `${label} phải là số, tối đa 2 chữ số thập phân (ví dụ 92,18 hoặc 92.18).` })
    .transform((text) => {
      const parsed = parseDecimal(text);
      return parsed.ok ? parsed.value : null;
    })
    // The framework's maxima are checked with the database; this only keeps absurd numbers out.
    .refine((value) => value === null || Math.abs(value) <= 99_999.99, {
      message: `${label} quá lớn: nhập điểm trong thang điểm của chỉ số.`,
    });

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((text) => (text ? Number(text) : null))
  .pipe(
    z
      .number()
      .int("Mã kết quả không hợp lệ: tải lại trang.")
      .positive("Mã kết quả không hợp lệ: tải lại trang.")
      .max(DB_INT_MAX, "Mã kết quả không hợp lệ: tải lại trang.")
      .nullable(),
  );

/** The entry form of one published result (names are the form's field names). */
export const resultEntrySchema = z
  .object({
    id: optionalId,
    version: z
      .string()
      .trim()
      .optional()
      .transform((text) => (text ? Number(text) : null))
      .pipe(
        z
          .number()
          .int("Phiên bản dữ liệu không hợp lệ: tải lại trang.")
          .min(0, "Phiên bản dữ liệu không hợp lệ: tải lại trang.")
          .max(DB_INT_MAX, "Phiên bản dữ liệu không hợp lệ: tải lại trang.")
          .nullable(),
      ),
    indexCode: indexCodeSchema,
    year: yearSchema,
    provinceId: z
      .string({ error: "Chọn tỉnh, thành phố." })
      .trim()
      .regex(/^[1-9]\d{0,8}$/, "Chọn tỉnh, thành phố.")
      .transform(Number),
    score: decimalText("Điểm tổng"),
    officialRank: z
      .string()
      .trim()
      .regex(/^\d{0,5}$/, "Hạng công bố phải là số nguyên dương, hoặc để trống nếu nguồn không công bố hạng.")
      .transform((text) => (text === "" ? null : Number(text))),
    source: z
      .string({ error: "Thiếu nguồn: ghi nơi công bố kết quả." })
      .trim()
      .min(1, "Thiếu nguồn: ghi nơi công bố kết quả, ví dụ địa chỉ bài báo hoặc số văn bản.")
      .max(SOURCE_MAX_LENGTH, `Nguồn dài quá ${SOURCE_MAX_LENGTH} ký tự: rút gọn lại.`),
    note: z
      .string()
      .trim()
      .max(NOTE_MAX_LENGTH, `Ghi chú dài quá ${NOTE_MAX_LENGTH} ký tự: rút gọn lại.`)
      .transform((text) => text || null),
    components: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), decimalText("Điểm thành phần")),
    fieldScores: z.record(z.string().regex(/^\d+$/), decimalText("Điểm lĩnh vực")),
  })
  // A published result has a score or a rank (the database's CHECK says the same); a total left
  // empty may also come from all the components (lib/results/components.ts).
  .refine((entry) => entry.score !== null || entry.officialRank !== null || Object.values(entry.components).some((value) => value !== null), {
    path: ["score"],
    error: () => libTranslator("errors.results")("scoreOrRank"),
  });
export type ResultEntryInput = z.input<typeof resultEntrySchema>;
