// The scoring sheet saved at once: every changed row of one sheet in one request.
import { DB_INT_MAX, z } from "@/lib/validation/zod";
import { libTranslator } from "@/lib/i18n/lib-translator";

const id = z.coerce.number().int().positive().max(DB_INT_MAX);

/** One changed row as the sheet sends it: the score as typed ("7,5"), checked row by row on the server. */
export const sheetRowSchema = z.object({
  criterionScoreId: id,
  version: z.coerce.number().int().min(0).max(DB_INT_MAX),
  score: z.string().max(100),
  comment: z.string().max(4000).optional(),
});
export type SheetRow = z.infer<typeof sheetRowSchema>;

/** At most one row per sub-criterion of the largest framework, with room to spare. */
const MAX_ROWS = 2000;

export const sheetSaveSchema = z.object({
  assessmentId: id,
  kind: z.enum(["self", "appraisal"]),
  rows: z
    .string()
    .max(MAX_ROWS * 4200)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: libTranslator("errors.sheet")("rowsNotJson") });
        return z.NEVER;
      }
    })
    .pipe(z.array(sheetRowSchema).min(1, libTranslator("errors.sheet")("noRows")).max(MAX_ROWS)),
});

export const acceptSelfScoresSchema = z.object({ assessmentId: id });

export const addAgencySchema = z.object({ periodId: id, agencyId: id });
