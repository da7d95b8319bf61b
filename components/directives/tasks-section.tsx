// The directive's tasks: who leads, who coordinates, by when, the criteria they aim at, status and
// progress with overdue flags (Viet Nam calendar). The lead agency's head reports progress and
// evidence; staff assign and re-assign.
import { useTranslations } from "next-intl";
import { addTaskFileAction, deleteTaskAction, removeTaskFileAction, taskProgressAction } from "@/lib/directives/actions";
import type { DirectiveDetail, TaskItem } from "@/lib/directives/types";
import { useFormat } from "@/lib/i18n/client";
import { ACCEPTED_EVIDENCE } from "@/lib/storage/files";
import { TASK_STATUSES } from "@/lib/tasks/labels";
import { FileInput } from "@/components/forms/file-input";
import { ActionForm } from "@/components/forms/form-kit";
import { Card } from "@/components/ui/card";
import { Th, THead } from "@/components/ui/data-table";
import { OverdueBadge, TaskStatusBadge } from "./badges";
import { Fold } from "./fold";
import { TaskForm, type TaskChoices } from "./task-form";

const input = "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const linkButton = "text-xs text-red-700 hover:underline";
const dangerOutline = "rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50";

function ProgressForm({ task }: { task: TaskItem }) {
  const t = useTranslations("directives.tasks");
  const statuses = useTranslations("directives.taskStatus");
  return (
    <ActionForm action={taskProgressAction} submitLabel={t("updateProgress")} testId={`progress-${task.sortOrder}`} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="id" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
      <label className="text-sm">
        {t("status")}
        <select name="status" defaultValue={task.status} className={input}>
          {TASK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statuses(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        {t("progress")}
        <input name="progressPercent" type="number" min={0} max={100} defaultValue={task.progressPercent} className={`${input} w-24`} />
      </label>
      <label className="min-w-64 flex-1 text-sm">
        {t("progressNote")}
        <textarea name="progressNote" rows={2} defaultValue={task.progressNote ?? ""} className={`${input} w-full`} />
      </label>
    </ActionForm>
  );
}

function FileList({ task, canRemove }: { task: TaskItem; canRemove: boolean }) {
  const t = useTranslations("directives.tasks");
  if (task.files.length === 0) return <span className="text-xs text-slate-500">{t("noFiles")}</span>;
  return (
    <ul className="space-y-1">
      {task.files.map((f) => (
        <li key={f.id} className="flex flex-wrap items-center gap-2">
          <a href={`/api/v1/directive-files/${f.id}`} className="link">
            {f.fileName}
          </a>
          {canRemove ? (
            <ActionForm
              action={removeTaskFileAction}
              submitLabel={t("removeFile")}
              className="no-print inline-flex items-center gap-1"
              buttonClassName={linkButton}
            >
              <input type="hidden" name="fileId" value={f.id} />
            </ActionForm>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function TasksSection({ directive }: { directive: DirectiveDetail }) {
  const t = useTranslations("directives.tasks");
  const format = useFormat();
  const choices: TaskChoices = { agencies: directive.choices.agencies, criteria: directive.choices.criteria };
  const overdue = directive.tasks.filter((task) => task.overdue).length;
  return (
    <Card as="section" aria-labelledby="tasks-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="tasks-heading" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-600">
          {t.rich("summary", {
            done: directive.tasks.filter((task) => task.status === "DONE").length,
            total: directive.tasks.length,
            overdue,
            today: format.day(directive.today),
            late: (chunks) => <span className="font-semibold text-red-700">{chunks}</span>,
          })}
        </p>
      </div>
      {directive.tasks.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("none")}</p>
      ) : (
        <div className="relative mt-3 overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="tasks-table">
            <THead>
              <Th>#</Th>
              <Th>{t("task")}</Th>
              <Th>{t("lead")}</Th>
              <Th>{t("coAgencies")}</Th>
              <Th>{t("due")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("evidence")}</Th>
            </THead>
            {directive.tasks.map((task) => (
              <tbody
                key={task.id}
                id={`nhiem-vu-${task.sortOrder}`}
                className="border-t border-slate-100"
                data-task={task.sortOrder}
                data-overdue={task.overdue}
              >
                <tr className={`align-top ${task.overdue ? "bg-red-50" : ""}`}>
                  <td className="px-3 py-2 tabular-nums">{task.sortOrder}</td>
                  <td className="min-w-48 max-w-md px-3 py-2">
                    {task.title}
                    {task.criteria.length > 0 ? (
                      <div className="mt-1 flex flex-wrap gap-1">
                        {task.criteria.map((c) => (
                          <span key={c.id} className="rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-900" title={`${c.framework}: ${c.name}`}>
                            {t("criterion", { code: c.code })}
                          </span>
                        ))}
                      </div>
                    ) : null}
                    {task.progressNote ? (
                      <p className="mt-1 text-xs text-slate-600" data-cell="progress-note">
                        {t("result", { note: task.progressNote })}
                      </p>
                    ) : null}
                  </td>
                  <td className="px-3 py-2" data-cell="lead">
                    {task.lead?.name ?? <span className="text-slate-500">{t("unassigned")}</span>}
                  </td>
                  <td className="px-3 py-2 text-xs">{task.coAgencies.map((a) => a.name).join(", ") || "—"}</td>
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                    {format.day(task.dueOn)}
                    {task.overdue ? (
                      <div className="mt-1">
                        <OverdueBadge days={task.daysOverdue} />
                      </div>
                    ) : null}
                  </td>
                  <td className="px-3 py-2" data-cell="status">
                    <TaskStatusBadge status={task.status} />
                    <div className="mt-1 h-1.5 w-20 rounded bg-slate-200" aria-hidden>
                      <div className="h-1.5 rounded bg-brand-600" style={{ width: `${task.progressPercent}%` }} />
                    </div>
                    <span className="text-xs tabular-nums text-slate-600">{task.progressPercent}%</span>
                  </td>
                  <td className="px-3 py-2">
                    <FileList task={task} canRemove={task.canReport} />
                  </td>
                </tr>
                {task.canReport || directive.canWrite ? (
                  <tr className="no-print">
                    <td colSpan={7} className="px-3 pb-3">
                      <div className="flex flex-col gap-2">
                        {task.canReport ? (
                          <details>
                            <summary className="cursor-pointer text-xs text-brand-700">{t("reportProgress")}</summary>
                            <div className="mt-2 space-y-3 rounded-md border border-slate-200 p-3">
                              <ProgressForm task={task} />
                              <ActionForm
                                action={addTaskFileAction}
                                submitLabel={t("uploadEvidence")}
                                testId={`task-file-${task.sortOrder}`}
                                encType="multipart/form-data"
                                className="flex flex-wrap items-center gap-3 text-sm"
                              >
                                <input type="hidden" name="taskId" value={task.id} />
                                <FileInput name="file" required aria-label={t("evidenceFile", { task: task.sortOrder, types: ACCEPTED_EVIDENCE })} />
                              </ActionForm>
                            </div>
                          </details>
                        ) : null}
                        {directive.canWrite ? (
                          <details>
                            <summary className="cursor-pointer text-xs text-brand-700">{t("editOrDelete")}</summary>
                            <div className="mt-2 space-y-3 rounded-md border border-slate-200 p-3">
                              <TaskForm directiveId={directive.id} values={task} choices={choices} testId={`task-edit-${task.sortOrder}`} />
                              <ActionForm
                                action={deleteTaskAction}
                                submitLabel={t("delete")}
                                testId={`task-delete-${task.sortOrder}`}
                                buttonClassName={dangerOutline}
                              >
                                <input type="hidden" name="id" value={task.id} />
                                <input type="hidden" name="version" value={task.version} />
                              </ActionForm>
                            </div>
                          </details>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                ) : null}
              </tbody>
            ))}
          </table>
        </div>
      )}
      {directive.canWrite ? (
        <Fold className="no-print mt-4 rounded-md border border-slate-200 p-3" summary={t("add")} initiallyOpen={directive.tasks.length === 0}>
          <div className="mt-3">
            {choices.agencies.length === 0 ? <p className="mb-2 text-sm text-amber-800">{t("noAgencies")}</p> : null}
            <TaskForm directiveId={directive.id} choices={choices} testId="task-add" />
          </div>
        </Fold>
      ) : null}
    </Card>
  );
}
