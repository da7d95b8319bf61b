// Inputs of the appraisal council (issue 17): Home Affairs names a member of a period's council and
// assigns them fields, criteria or sub-criteria, or takes one assignment back.
import { z } from "@/lib/validation/zod";
import { fieldError, id } from "@/lib/validation/schema";
import { DB_INT_MAX } from "@/lib/validation/zod";

const nodeId = z.coerce
  .number(fieldError("invalid", "criterion"))
  .int(fieldError("invalid", "criterion"))
  .positive(fieldError("invalid", "criterion"))
  .max(DB_INT_MAX, fieldError("invalid", "criterion"));

/** A member and the nodes of the framework they appraise (a form's checkboxes: one value or several). */
export const assignCouncilSchema = z.object({
  periodId: id("assessmentPeriod"),
  userId: id("councilMember"),
  criterionIds: z
    .preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(nodeId).max(500))
    .transform((list) => [...new Set(list)])
    .refine((list) => list.length > 0, fieldError("choose", "criterion")),
});

export const removeAssignmentSchema = z.object({ assignmentId: id("councilAssignment") });
