// Input of the target forms (zod): one target of a directive, and the commitments given to many
// agencies at once. What needs the directive or the database is checked in ./mutations.ts (./rules.ts).
import { decimal, id, ids, optionalDecimal, optionalId, optionalText, versionSchema, yearSchema } from "@/lib/validation/schema";
import { z } from "@/lib/validation/zod";
import { TARGET_KINDS_ORDER } from "./rules";

const targetFields = {
  kind: z.enum(TARGET_KINDS_ORDER, { error: "Chọn loại chỉ tiêu." }),
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
  value: decimal("giá trị chỉ tiêu"),
  valueMax: optionalDecimal("mức trên của chỉ tiêu"),
  unit: optionalText("Đơn vị tính", 20),
  agencyId: optionalId("cơ quan, đơn vị"),
  criterionId: optionalId("tiêu chí"),
  note: optionalText("Ghi chú", 2000),
};

export const targetSchema = z.object({ directiveId: id("văn bản"), ...targetFields });
export type TargetInput = z.input<typeof targetSchema>;
export const targetUpdateSchema = z.object({ id: id("chỉ tiêu"), version: versionSchema, ...targetFields });

/** The commitments every agency signs with the chairman: one target per selected agency. */
export const bulkTargetsSchema = z.object({
  directiveId: id("văn bản"),
  kind: z.enum(["COMMITMENT_COMPLETION", "CRITERION_SCORE"], {
    error: "Chọn loại chỉ tiêu giao hàng loạt: hoàn thành cam kết hoặc điểm tiêu chí.",
  }),
  year: yearSchema,
  value: decimal("giá trị chỉ tiêu"),
  criterionId: optionalId("tiêu chí"),
  note: optionalText("Ghi chú", 2000),
  agencyIds: ids("cơ quan, đơn vị").pipe(z.array(z.number()).min(1, "Chọn ít nhất một cơ quan, đơn vị nhận chỉ tiêu.")),
});
export type BulkTargetsInput = z.input<typeof bulkTargetsSchema>;
