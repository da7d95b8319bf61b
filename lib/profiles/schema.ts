import { libTranslator } from "@/lib/i18n/lib-translator";
import { z } from "@/lib/validation/zod";

type ProfileMessage = "provinceCode" | "dateFormat" | "dateReal" | "rankNumber" | "rankMin" | "compareCount" | "compareCode";

// Worded when a query is checked, not when this module loads: in the language of that request.
const say = (key: ProfileMessage) => ({ error: () => libTranslator("errors.profiles")(key) });

/** Province codes of QĐ 124/2004 and QĐ 19/2025: two digits. */
export const provinceCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{2}$/, say("provinceCode"));

/** `?ngay=2025-06-30`: the unit in force on that day (codes are reused across periods). */
export const profileDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, say("dateFormat"))
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
  }, say("dateReal"))
  .transform((text) => new Date(`${text}T00:00:00Z`))
  .optional()
  .transform((date) => date ?? null);

/** The rank N of "score needed for rank N": empty for the default. */
export const targetRankSchema = z
  .string()
  .trim()
  .regex(/^\d{0,3}$/, say("rankNumber"))
  .transform((text) => (text === "" ? null : Number(text)))
  .refine((rank) => rank === null || rank >= 1, say("rankMin"))
  .optional()
  .transform((rank) => rank ?? null);

/**
 * `/so-sanh?tinh=91,01,79` (or `tinh=91&tinh=01…`): 2 to 4 different provinces, by the code of the
 * unit in force today; empty choices of the form are ignored.
 */
export const compareCodesSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) =>
    (Array.isArray(value) ? value : [value ?? ""])
      .flatMap((part) => part.split(","))
      .map((code) => code.trim())
      .filter((code) => code !== ""),
  )
  .pipe(z.array(z.string().regex(/^\d{2}$/, say("compareCode"))))
  .transform((codes) => [...new Set(codes)])
  .refine((codes) => codes.length >= 2 && codes.length <= 4, say("compareCount"));
