import { z } from "@/lib/validation/zod";
import { LOCALES } from "@/lib/i18n/config";

/** The language switch's form: `locale` is one of the supported languages. */
export const localeChoiceSchema = z.object({ locale: z.enum(LOCALES) });
