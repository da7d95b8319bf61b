// The query strings and addresses of the open data: the format of a download (the files hold
// everything published) and a province's code.
import { libTranslator } from "@/lib/i18n/lib-translator";
import { z } from "@/lib/validation/zod";
import { provinceCodeSchema } from "../schema";

export const OPEN_DATA_FORMATS = ["csv", "xlsx", "json"] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

/** ?format=csv|xlsx|json (csv when absent). */
export const openDataQuerySchema = z.object({
  format: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.enum(OPEN_DATA_FORMATS, { error: () => libTranslator("errors.openData")("format") }).default("csv"),
  ),
});

/** A province's two-digit code in the address: /api/v1/open-data/provinces/91 and …/91.json are the same file. */
export const openDataProvinceCodeSchema = z.preprocess((value) => (typeof value === "string" ? value.replace(/\.json$/i, "") : value), provinceCodeSchema);
