// The names of a task's status in lib's messages and exports, in the request's language
// (pages: directives.taskStatus).
import type { TaskStatus } from "@/lib/db/generated/enums";
import { catalogueRecord, libTranslator } from "@/lib/i18n/lib-translator";

export const TASK_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE", "CANCELLED"] as const satisfies readonly TaskStatus[];

export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, string>> = catalogueRecord(TASK_STATUSES, (status) =>
  libTranslator("errors.tasks.statuses")(status),
);
