// The directive's tasks: who leads, who coordinates, by when, the criteria they aim at, status and
// progress with overdue flags (Viet Nam calendar). The lead agency's head reports progress and
// evidence; staff assign and re-assign.
import { addTaskFileAction, deleteTaskAction, removeTaskFileAction, taskProgressAction } from "@/lib/directives/actions";
import { dayLabel } from "@/lib/directives/labels";
import type { DirectiveDetail, TaskItem } from "@/lib/directives/types";
import { ACCEPTED_EVIDENCE } from "@/lib/storage/files";
import { ActionForm } from "@/components/forms/form-kit";
import { OverdueBadge, TaskStatusBadge } from "./badges";
import { Fold } from "./fold";
import { TaskForm, type TaskChoices } from "./task-form";
import { TASK_STATUS_LABELS, TASK_STATUSES } from "@/lib/tasks/labels";

const input = "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm";

function ProgressForm({ task }: { task: TaskItem }) {
  return (
    <ActionForm action={taskProgressAction} submitLabel="Cập nhật tiến độ" testId={`progress-${task.sortOrder}`} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="id" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
      <label className="text-sm">
        Tình trạng
        <select name="status" defaultValue={task.status} className={input}>
          {TASK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {TASK_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Tiến độ (%)
        <input name="progressPercent" type="number" min={0} max={100} defaultValue={task.progressPercent} className={`${input} w-24`} />
      </label>
      <label className="min-w-64 flex-1 text-sm">
        Kết quả thực hiện
        <textarea name="progressNote" rows={2} defaultValue={task.progressNote ?? ""} className={`${input} w-full`} />
      </label>
    </ActionForm>
  );
}

function FileList({ task, canRemove }: { task: TaskItem; canRemove: boolean }) {
  if (task.files.length === 0) return <span className="text-xs text-slate-500">Chưa có</span>;
  return (
    <ul className="space-y-1">
      {task.files.map((f) => (
        <li key={f.id} className="flex flex-wrap items-center gap-2">
          <a href={`/api/v1/directive-files/${f.id}`} className="text-brand-700 hover:underline">
            {f.fileName}
          </a>
          {canRemove ? (
            <ActionForm action={removeTaskFileAction} submitLabel="Xóa" className="no-print inline-flex items-center gap-1" buttonClassName="text-xs text-red-700 hover:underline">
              <input type="hidden" name="fileId" value={f.id} />
            </ActionForm>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function TasksSection({ directive }: { directive: DirectiveDetail }) {
  const choices: TaskChoices = { agencies: directive.choices.agencies, criteria: directive.choices.criteria };
  const overdue = directive.tasks.filter((t) => t.overdue).length;
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="tasks-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="tasks-heading" className="text-lg font-semibold">
          Nhiệm vụ
        </h2>
        <p className="text-sm text-slate-600">
          {directive.tasks.filter((t) => t.status === "DONE").length}/{directive.tasks.length} hoàn thành
          {overdue > 0 ? <span className="font-semibold text-red-700"> · {overdue} quá hạn</span> : null} · hôm nay {dayLabel(directive.today)}
        </p>
      </div>
      {directive.tasks.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">Chưa giao nhiệm vụ nào.</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="tasks-table">
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">#</th>
                <th scope="col" className="px-3 py-2">Nhiệm vụ</th>
                <th scope="col" className="px-3 py-2">Chủ trì</th>
                <th scope="col" className="px-3 py-2">Phối hợp</th>
                <th scope="col" className="px-3 py-2">Hạn</th>
                <th scope="col" className="px-3 py-2">Tình trạng</th>
                <th scope="col" className="px-3 py-2">Minh chứng</th>
              </tr>
            </thead>
            {directive.tasks.map((t) => (
              <tbody key={t.id} id={`nhiem-vu-${t.sortOrder}`} className="border-t border-slate-100" data-task={t.sortOrder} data-overdue={t.overdue}>
                <tr className={`align-top ${t.overdue ? "bg-red-50" : ""}`}>
                  <td className="px-3 py-2 tabular-nums">{t.sortOrder}</td>
                  <td className="max-w-md px-3 py-2">
                    {t.title}
                    {t.criteria.length > 0 ? (
                      <div className="mt-1 flex flex-wrap gap-1">
                        {t.criteria.map((c) => (
                          <span key={c.id} className="rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-900" title={`${c.framework}: ${c.name}`}>
                            Tiêu chí {c.code}
                          </span>
                        ))}
                      </div>
                    ) : null}
                    {t.progressNote ? <p className="mt-1 text-xs text-slate-600" data-cell="progress-note">Kết quả: {t.progressNote}</p> : null}
                  </td>
                  <td className="px-3 py-2" data-cell="lead">{t.lead?.name ?? <span className="text-slate-500">Chưa giao</span>}</td>
                  <td className="px-3 py-2 text-xs">{t.coAgencies.map((a) => a.name).join(", ") || "—"}</td>
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                    {dayLabel(t.dueOn)}
                    {t.overdue ? (
                      <div className="mt-1">
                        <OverdueBadge days={t.daysOverdue} />
                      </div>
                    ) : null}
                  </td>
                  <td className="px-3 py-2" data-cell="status">
                    <TaskStatusBadge status={t.status} />
                    <div className="mt-1 h-1.5 w-20 rounded bg-slate-200" aria-hidden>
                      <div className="h-1.5 rounded bg-brand-600" style={{ width: `${t.progressPercent}%` }} />
                    </div>
                    <span className="text-xs tabular-nums text-slate-600">{t.progressPercent}%</span>
                  </td>
                  <td className="px-3 py-2">
                    <FileList task={t} canRemove={t.canReport} />
                  </td>
                </tr>
                {t.canReport || directive.canWrite ? (
                  <tr className="no-print">
                    <td colSpan={7} className="px-3 pb-3">
                      <div className="flex flex-col gap-2">
                        {t.canReport ? (
                          <details>
                            <summary className="cursor-pointer text-xs text-brand-700">Cập nhật tiến độ, minh chứng</summary>
                            <div className="mt-2 space-y-3 rounded-md border border-slate-200 p-3">
                              <ProgressForm task={t} />
                              <ActionForm
                                action={addTaskFileAction}
                                submitLabel="Tải lên minh chứng"
                                testId={`task-file-${t.sortOrder}`}
                                encType="multipart/form-data"
                                className="flex flex-wrap items-center gap-3 text-sm"
                              >
                                <input type="hidden" name="taskId" value={t.id} />
                                <input type="file" name="file" required className="text-sm" aria-label={`Tệp minh chứng nhiệm vụ ${t.sortOrder} (${ACCEPTED_EVIDENCE})`} />
                              </ActionForm>
                            </div>
                          </details>
                        ) : null}
                        {directive.canWrite ? (
                          <details>
                            <summary className="cursor-pointer text-xs text-brand-700">Sửa phân công hoặc xóa nhiệm vụ</summary>
                            <div className="mt-2 space-y-3 rounded-md border border-slate-200 p-3">
                              <TaskForm directiveId={directive.id} values={t} choices={choices} testId={`task-edit-${t.sortOrder}`} />
                              <ActionForm action={deleteTaskAction} submitLabel="Xóa nhiệm vụ" testId={`task-delete-${t.sortOrder}`} buttonClassName="rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50">
                                <input type="hidden" name="id" value={t.id} />
                                <input type="hidden" name="version" value={t.version} />
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
        <Fold className="no-print mt-4 rounded-md border border-slate-200 p-3" summary="Thêm nhiệm vụ" initiallyOpen={directive.tasks.length === 0}>
          <div className="mt-3">
            {choices.agencies.length === 0 ? <p className="mb-2 text-sm text-amber-800">Tỉnh chưa có danh sách cơ quan, đơn vị: nhiệm vụ chưa giao được cho cơ quan chủ trì.</p> : null}
            <TaskForm directiveId={directive.id} choices={choices} testId="task-add" />
          </div>
        </Fold>
      ) : null}
    </section>
  );
}
