// The GET parameters of the dashboards, in Vietnamese as they appear in the address bar:
// ?tinh=<province id>&nam=2025 · ?nam=2025&sap-xep=ma&muc-tieu=85,5. An empty parameter (a form
// field left blank) is the same as none.
import { z } from "@/lib/validation/zod";
import { parseDecimal } from "@/lib/results/components";

function param<T>(parse: (text: string) => T | null, message: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value, ctx): T | undefined => {
      const text = (Array.isArray(value) ? value[0] : value)?.trim();
      if (!text) return undefined;
      const parsed = parse(text);
      if (parsed === null) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return parsed;
    });
}

const year = param(
  (text) => (/^\d{4}$/.test(text) && Number(text) >= 2000 && Number(text) <= 2100 ? Number(text) : null),
  "Tham số nam (năm) phải là một năm từ 2000 đến 2100, ví dụ 2025.",
);
const id = (name: string, what: string) =>
  param((text) => (/^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : null), `Tham số ${name} phải là mã số của ${what}: chọn trong danh sách.`);

export const leaderDashboardParamsSchema = z.object({
  tinh: id("tinh", "tỉnh, thành phố"),
  nam: year,
});

export const agencyViewParamsSchema = z.object({
  nam: year,
  "sap-xep": param((text) => (text === "diem-mat" || text === "ma" ? text : null), "Tham số sap-xep phải là diem-mat (điểm bị mất) hoặc ma (mã tiêu chí)."),
  "muc-tieu": param((text) => {
    const parsed = parseDecimal(text);
    return parsed.ok && parsed.value !== null && parsed.value >= 0 && parsed.value <= 1000 ? parsed.value : null;
  }, "Tổng điểm mục tiêu phải là số từ 0 trở lên, tối đa 2 chữ số thập phân (ví dụ 85 hoặc 85,5)."),
});

export const agencyListParamsSchema = z.object({
  tinh: id("tinh", "tỉnh, thành phố"),
  nam: year,
  "co-quan": id("co-quan", "cơ quan, đơn vị"),
});

export type SearchParams = Record<string, string | string[] | undefined>;
