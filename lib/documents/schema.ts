// The query strings of GET /api/v1/documents/<kind>: which data, and the format (docx | pdf).
import { libTranslator } from "@/lib/i18n/lib-translator";
import { blankToUndefined } from "@/lib/validation/schema";
import { DB_INT_MAX, z } from "@/lib/validation/zod";
import { DOCUMENT_KINDS, type DocumentKind } from "./types";

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

type SettingsField = "peoplesCommittee" | "homeAffairs" | "place" | "chairmanTitle" | "chairmanName" | "directorTitle" | "directorName" | "archiveUnit";

/** A printed name or title: required (a signer's name may stay empty until it is known). */
const text = (field: SettingsField, max: number, required = true) => {
  const error = () => libTranslator("errors.documents.settings")("text", { what: libTranslator("errors.documents.settings.fields")(field), max });
  const base = z.string({ error }).trim().max(max, { error });
  return required ? base.min(1, { error }) : z.preprocess((v) => v ?? "", base);
};

const symbol = z
  .string({ error: () => libTranslator("errors.documents.settings")("symbol") })
  .trim()
  .regex(/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*-?$/u, { error: () => libTranslator("errors.documents.settings")("symbol") })
  .max(30, { error: () => libTranslator("errors.documents.settings")("symbol") });

/** The settings form: what the province's documents print, and the version the form read (0: never saved). */
export const documentSettingsSchema = z.object({
  provinceId: z.coerce.number().int().positive().max(DB_INT_MAX),
  version: z.coerce
    .number({ error: () => libTranslator("errors.documents.settings")("version") })
    .int({ error: () => libTranslator("errors.documents.settings")("version") })
    .min(0, { error: () => libTranslator("errors.documents.settings")("version") })
    .max(DB_INT_MAX),
  peoplesCommittee: text("peoplesCommittee", 200),
  homeAffairs: text("homeAffairs", 200),
  place: text("place", 100),
  chairmanTitle: text("chairmanTitle", 100),
  chairmanName: text("chairmanName", 100, false),
  directorTitle: text("directorTitle", 100),
  directorName: text("directorName", 100, false),
  archiveUnit: text("archiveUnit", 30),
  symbols: z.object(Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, symbol])) as Record<DocumentKind, typeof symbol>),
});
