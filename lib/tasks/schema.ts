// Input of the task forms (zod): staff assign a task, the lead agency reports its progress.
import { blankToUndefined, id, ids, optionalDay, optionalId, optionalText, requiredText, versionSchema } from "@/lib/validation/schema";
import { z } from "@/lib/validation/zod";
import { TASK_STATUSES } from "./labels";

const taskFields = {
  title: requiredText("nội dung nhiệm vụ", 2000),
  leadAgencyId: optionalId("cơ quan chủ trì"),
  coAgencyIds: ids("cơ quan phối hợp"),
  dueOn: optionalDay("Hạn hoàn thành"),
  criterionIds: ids("tiêu chí"),
};

export const taskSchema = z.object({ directiveId: id("văn bản"), ...taskFields });
export type TaskInput = z.input<typeof taskSchema>;
export const taskUpdateSchema = z.object({ id: id("nhiệm vụ"), version: versionSchema, ...taskFields });

const percent = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "Nhập tiến độ (%) từ 0 đến 100." })
    .int("Tiến độ là số nguyên phần trăm, từ 0 đến 100.")
    .min(0, "Tiến độ từ 0 đến 100%.")
    .max(100, "Tiến độ từ 0 đến 100%."),
);

export const taskProgressSchema = z.object({
  id: id("nhiệm vụ"),
  version: versionSchema,
  status: z.enum(TASK_STATUSES, { error: "Chọn tình trạng nhiệm vụ." }),
  progressPercent: percent,
  progressNote: optionalText("Kết quả thực hiện", 4000),
});
export type TaskProgressInput = z.input<typeof taskProgressSchema>;
