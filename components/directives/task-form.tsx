"use client";
// A task's assignment: what to do, the lead agency, coordinating agencies, the due date and the
// criteria it is meant to improve. Its messages: directives.taskForm.
import { useTranslations } from "next-intl";
import { createTaskAction, updateTaskAction } from "@/lib/directives/actions";
import { DateInput } from "@/components/forms/date-input";
import { Feedback, FieldError, inputClass, labelClass, SubmitButton, useFormAction } from "@/components/forms/form-kit";

export type TaskChoices = {
  agencies: { id: number; name: string }[];
  criteria: { framework: string; criteria: { id: number; code: string; name: string; level: string }[] }[];
};

type Values = {
  id: number;
  version: number;
  title: string;
  lead: { id: number } | null;
  coAgencies: { id: number }[];
  dueOn: string | null;
  criteria: { id: number }[];
};

export function TaskForm({ directiveId, values, choices, testId }: { directiveId: number; values?: Values; choices: TaskChoices; testId: string }) {
  const t = useTranslations("directives.taskForm");
  const { state, pending, onSubmit, error, invalid } = useFormAction(values ? updateTaskAction : createTaskAction, { reset: !values });
  const id = (name: string) => `${testId}-${name}`;
  const co = new Set(values?.coAgencies.map((a) => a.id));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid={testId}>
      {values ? (
        <>
          <input type="hidden" name="id" value={values.id} />
          <input type="hidden" name="version" value={values.version} />
        </>
      ) : (
        <input type="hidden" name="directiveId" value={directiveId} />
      )}
      <div>
        <label htmlFor={id("title")} className={labelClass}>
          {t("title")}
        </label>
        <textarea id={id("title")} name="title" rows={2} defaultValue={values?.title} className={inputClass} aria-invalid={invalid("title")} />
        <FieldError name={id("title")} message={error("title")} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={id("leadAgencyId")} className={labelClass}>
            {t("lead")}
          </label>
          <select
            id={id("leadAgencyId")}
            name="leadAgencyId"
            defaultValue={values?.lead?.id ?? ""}
            className={inputClass}
            aria-invalid={invalid("leadAgencyId")}
          >
            <option value="">{t("unassigned")}</option>
            {choices.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <FieldError name={id("leadAgencyId")} message={error("leadAgencyId")} />
        </div>
        <div>
          <label htmlFor={id("dueOn")} className={labelClass}>
            {t("due")}
          </label>
          <DateInput id={id("dueOn")} name="dueOn" defaultValue={values?.dueOn ?? ""} className={inputClass} aria-invalid={invalid("dueOn")} />
          <FieldError name={id("dueOn")} message={error("dueOn")} />
        </div>
      </div>
      <fieldset>
        <legend className={labelClass}>{t("coAgencies")}</legend>
        <div className="mt-1 grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {choices.agencies.map((a) => (
            <label key={a.id} className="flex items-center gap-1">
              <input type="checkbox" name="coAgencyIds" value={a.id} defaultChecked={co.has(a.id)} /> {a.name}
            </label>
          ))}
        </div>
        <FieldError name={id("coAgencyIds")} message={error("coAgencyIds")} />
      </fieldset>
      <div>
        <label htmlFor={id("criterionIds")} className={labelClass}>
          {t("criteria")}
        </label>
        <select
          id={id("criterionIds")}
          name="criterionIds"
          multiple
          size={6}
          defaultValue={values?.criteria.map((c) => String(c.id)) ?? []}
          className={inputClass}
          aria-invalid={invalid("criterionIds")}
        >
          {choices.criteria.map((group) => (
            <optgroup key={group.framework} label={group.framework}>
              {group.criteria.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code} {c.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <FieldError name={id("criterionIds")} message={error("criterionIds")} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} label={values ? t("save") : t("add")} />
        <Feedback state={state} />
      </div>
    </form>
  );
}
