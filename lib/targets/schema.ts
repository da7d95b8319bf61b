// Input of the target forms (zod): one target of a directive, and the commitments given to many
// agencies at once. What needs the directive or the database is checked in ./mutations.ts (./rules.ts).
import { libTranslator } from "@/lib/i18n/lib-translator";
import { decimal, id, ids, optionalDecimal, optionalId, optionalText, versionSchema, yearSchema } from "@/lib/validation/schema";
import { z } from "@/lib/validation/zod";
import { TARGET_KINDS_ORDER } from "./rules";

// Worded when input is checked, not when this module loads: in the language of that request.
const say = (key: "chooseKind" | "chooseBulkKind" | "chooseAgencies") => ({ error: () => libTranslator("errors.targets.input")(key) });

const targetFields = {
  kind: z.enum(TARGET_KINDS_ORDER, say("chooseKind")),
  indexCode: z.preprocess(
    (value) => (value === "" ? null : value),
    z
      .string()
      .trim()
      .toUpperCase()
      .max(40)
      .nullable()
      .optional()
      .transform((v) => v ?? null),
  ),
  year: yearSchema,
  value: decimal("targetValue"),
  valueMax: optionalDecimal("targetValueMax"),
  unit: optionalText("unit", 20),
  agencyId: optionalId("agencyOrUnit"),
  criterionId: optionalId("criterion"),
  note: optionalText("note", 2000),
};

export const targetSchema = z.object({ directiveId: id("directive"), ...targetFields });
export type TargetInput = z.input<typeof targetSchema>;
export const targetUpdateSchema = z.object({ id: id("target"), version: versionSchema, ...targetFields });

/** The commitments every agency signs with the chairman: one target per selected agency. */
export const bulkTargetsSchema = z.object({
  directiveId: id("directive"),
  kind: z.enum(["COMMITMENT_COMPLETION", "CRITERION_SCORE"], say("chooseBulkKind")),
  year: yearSchema,
  value: decimal("targetValue"),
  criterionId: optionalId("criterion"),
  note: optionalText("note", 2000),
  agencyIds: ids("agencyOrUnit").pipe(z.array(z.number()).min(1, say("chooseAgencies"))),
});
export type BulkTargetsInput = z.input<typeof bulkTargetsSchema>;
