// The query strings of GET /api/v1/documents/<kind>: which data, and the format (docx | pdf).
import { libTranslator } from "@/lib/i18n/lib-translator";
import { blankToUndefined } from "@/lib/validation/schema";
import { DB_INT_MAX, z } from "@/lib/validation/zod";

const message = (key: "format" | "period" | "province" | "year") => () => libTranslator("errors.documents")(key);

const idParam = (param: "assessmentId" | "periodId" | "directiveId") => {
  const error = () => libTranslator("errors.documents")("id", { param, what: libTranslator("errors.documents.what")(param) });
  return z.preprocess(blankToUndefined, z.coerce.number({ error }).int({ error }).positive({ error }).max(DB_INT_MAX, { error }));
};

const format = z.preprocess(blankToUndefined, z.enum(["docx", "pdf"], { error: message("format") }).default("pdf"));

export const sheetDocumentQuerySchema = z.object({ assessmentId: idParam("assessmentId"), format });

export const rankingAnnexQuerySchema = z.object({ periodId: idParam("periodId"), format });

export const directiveReportQuerySchema = z.object({
  directiveId: idParam("directiveId"),
  period: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d{4}(-(Q[1-4]|H[12]))?$/, { error: message("period") })
      .optional(),
  ),
  format,
});

export const leaderSummaryQuerySchema = z.object({
  province: z.string({ error: message("province") }).regex(/^\d{2}$/, { error: message("province") }),
  year: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: message("year") })
      .int({ error: message("year") })
      .min(2000, { error: message("year") })
      .max(2100, { error: message("year") })
      .optional(),
  ),
  format,
});
