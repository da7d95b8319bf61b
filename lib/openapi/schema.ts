// The query string of the API's description.
import { LOCALES } from "@/lib/i18n/config";
import { z } from "@/lib/validation/zod";

/** ?lang=vi|en: the language of the summaries (Vietnamese when absent). */
export const openApiQuerySchema = z.object({ lang: z.preprocess((value) => (value === "" ? undefined : value), z.enum(LOCALES).default("vi")) });
