// Input of the task forms (zod): staff assign a task, the lead agency reports its progress.
import { blankToUndefined, id, ids, optionalDay, optionalId, optionalText, requiredText, versionSchema } from "@/lib/validation/schema";
import { z } from "@/lib/validation/zod";
import { TASK_STATUSES } from "./labels";
import { libTranslator } from "@/lib/i18n/lib-translator";

// Worded when input is checked, not when this module loads: in the language of that request.
const say = (key: "percentRequired" | "percentInteger" | "percentRange" | "chooseStatus") => ({ error: () => libTranslator("errors.tasks")(key) });

const taskFields = {
  title: requiredText("taskContent", 2000),
  leadAgencyId: optionalId("leadAgency"),
  coAgencyIds: ids("coAgencies"),
  dueOn: optionalDay("dueOn"),
  criterionIds: ids("criterion"),
};

export const taskSchema = z.object({ directiveId: id("directive"), ...taskFields });
export type TaskInput = z.input<typeof taskSchema>;
export const taskUpdateSchema = z.object({ id: id("task"), version: versionSchema, ...taskFields });

const percent = z.preprocess(
  blankToUndefined,
  z.coerce.number(say("percentRequired")).int(say("percentInteger")).min(0, say("percentRange")).max(100, say("percentRange")),
);

export const taskProgressSchema = z.object({
  id: id("task"),
  version: versionSchema,
  status: z.enum(TASK_STATUSES, say("chooseStatus")),
  progressPercent: percent,
  progressNote: optionalText("progressNote", 4000),
});
export type TaskProgressInput = z.input<typeof taskProgressSchema>;
