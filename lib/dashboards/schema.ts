// The GET parameters of the dashboards, in Vietnamese as they appear in the address bar:
// ?tinh=<province id>&nam=2025 · ?nam=2025&sap-xep=ma&muc-tieu=85,5. An empty parameter (a form
// field left blank) is the same as none.
import { z } from "@/lib/validation/zod";
import { parseDecimal } from "@/lib/results/components";
import { libTranslator } from "@/lib/i18n/lib-translator";

type Refusal = "yearParam" | "provinceParam" | "agencyParam" | "sortParam" | "targetParam";

// Worded when the query is checked, in the language of that request (errors.dashboards).
function param<T>(parse: (text: string) => T | null, refusal: Refusal) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value, ctx): T | undefined => {
      const text = (Array.isArray(value) ? value[0] : value)?.trim();
      if (!text) return undefined;
      const parsed = parse(text);
      if (parsed === null) {
        ctx.addIssue({ code: "custom", message: libTranslator("errors.dashboards")(refusal) });
        return z.NEVER;
      }
      return parsed;
    });
}

const year = param((text) => (/^\d{4}$/.test(text) && Number(text) >= 2000 && Number(text) <= 2100 ? Number(text) : null), "yearParam");
const id = (refusal: Refusal) => param((text) => (/^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : null), refusal);

export const leaderDashboardParamsSchema = z.object({
  tinh: id("provinceParam"),
  nam: year,
});

export const agencyViewParamsSchema = z.object({
  nam: year,
  "sap-xep": param((text) => (text === "diem-mat" || text === "ma" ? text : null), "sortParam"),
  "muc-tieu": param((text) => {
    const parsed = parseDecimal(text);
    return parsed.ok && parsed.value !== null && parsed.value >= 0 && parsed.value <= 1000 ? parsed.value : null;
  }, "targetParam"),
});

export const agencyListParamsSchema = z.object({
  tinh: id("provinceParam"),
  nam: year,
  "co-quan": id("agencyParam"),
});

export type SearchParams = Record<string, string | string[] | undefined>;
