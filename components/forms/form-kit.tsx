"use client";
// The one way a form talks to a server action that returns an ActionResult: submission without
// React's automatic reset (a refused form keeps what was typed next to the message that says what
// to fix), field errors, and the feedback — what was saved, every problem to fix, or on a
// concurrent edit the current value. ActionForm is the whole kit for forms with a single button.
import { startTransition, useActionState, useEffect, useId, useRef } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/api/server-action";
import type { Issue } from "@/lib/errors";
import { Button, buttonClass, type ButtonSize } from "@/components/ui/button";

export { describedBy, Field, FieldError, inputClass, labelClass } from "@/components/ui/field";
export const primaryButton = buttonClass();

/** `seq` counts the answers, so that a second identical message is still a new answer. */
export type FormState<T = undefined> = (ActionResult<T> & { seq: number }) | null;
type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * A refused save keeps what was typed and points at what to fix: every control the answer names is
 * marked aria-invalid (described by the message, unless the control has its own error text) and the
 * first one takes the focus. Controls rendered by `Field` get the same from their props; this covers
 * the plain inputs of ActionForm children too, in one place.
 */
function markRefusedFields(form: HTMLFormElement, fieldErrors: Record<string, string> | undefined, messageId: string | undefined) {
  for (const marked of form.querySelectorAll("[data-refused]")) {
    marked.removeAttribute("data-refused");
    marked.removeAttribute("aria-invalid");
    if (marked.getAttribute("aria-describedby") === messageId) marked.removeAttribute("aria-describedby");
  }
  // A control that sends its value through a hidden input (DateInput) names it in data-field-for.
  const controls = Object.keys(fieldErrors ?? {})
    .map((name) => form.querySelector<HTMLElement>(`[data-field-for="${CSS.escape(name)}"]`) ?? form.elements.namedItem(name))
    .filter((control): control is HTMLInputElement => control instanceof HTMLElement && (control as HTMLInputElement).type !== "hidden");
  for (const control of controls) {
    control.setAttribute("data-refused", "");
    control.setAttribute("aria-invalid", "true");
    if (messageId && !control.hasAttribute("aria-describedby")) control.setAttribute("aria-describedby", messageId);
  }
  controls[0]?.focus();
}

/** `reset`: empty the form once saved (forms that add a new item). */
export function useFormAction<T = undefined>(action: Action<T>, options: { reset?: boolean; messageId?: string } = {}) {
  const formRef = useRef<HTMLFormElement | null>(null);
  const [state, dispatch, pending] = useActionState<FormState<T>, FormData>(async (previous, form) => {
    const result = await action(previous, form);
    if (result.ok && options.reset) formRef.current?.reset();
    return { ...result, seq: (previous?.seq ?? 0) + 1 };
  }, null);
  const submit = (form: FormData) => startTransition(() => dispatch(form));
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    formRef.current = event.currentTarget;
    submit(new FormData(event.currentTarget));
  };
  useEffect(() => {
    if (state && formRef.current) markRefusedFields(formRef.current, state.ok ? undefined : state.fieldErrors, options.messageId);
  }, [state, options.messageId]);
  const error = (field: string) => (state && !state.ok ? state.fieldErrors?.[field] : undefined);
  const invalid = (field: string) => Boolean(error(field));
  return { state, pending, onSubmit, submit, error, invalid };
}

/**
 * What was saved, or every problem to fix (a refused concurrent edit names the current value).
 * Tests find it by `data-state` and `data-seq`, or by `data-testid` (form-ok / form-error unless
 * the form names its own). `children` follow the message (e.g. a link to what was saved).
 */
export function Feedback<T>({ state, testId, id, children }: { state: FormState<T>; testId?: string; id?: string; children?: React.ReactNode }) {
  if (!state) return null;
  if (state.ok) {
    return (
      <p role="status" data-state="ok" data-testid={testId ?? "form-ok"} data-seq={state.seq} className="basis-full text-sm text-emerald-700">
        {state.message}
        {children}
      </p>
    );
  }
  const issues = state.issues ?? [];
  const located = issues.some((issue) => issue.row !== undefined || issue.column !== undefined);
  return (
    <div
      id={id}
      role="status"
      data-state="error"
      data-testid={testId ?? "form-error"}
      data-seq={state.seq}
      className="basis-full rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
    >
      {located ? (
        <>
          <p className="font-semibold">{state.error}</p>
          <IssueTable issues={issues} />
        </>
      ) : issues.length > 1 ? (
        <ul className="list-inside list-disc space-y-1">
          {issues.map((issue, i) => (
            <li key={i}>{issue.message}</li>
          ))}
        </ul>
      ) : (
        <p>{state.error}</p>
      )}
      {children}
    </div>
  );
}

/** Every problem of a refused file, by row and column (header = row 1). */
export function IssueTable({ issues }: { issues: Issue[] }) {
  const t = useTranslations("common.form");
  return (
    <table className="mt-3 min-w-full bg-white text-left text-sm" data-testid="issue-table">
      <thead className="bg-red-100">
        <tr>
          <th scope="col" className="cell-head">
            {t("row")}
          </th>
          <th scope="col" className="cell-head">
            {t("column")}
          </th>
          <th scope="col" className="cell-head">
            {t("error")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-red-100">
        {issues.map((issue, i) => (
          <tr key={i}>
            <td className="cell tabular-nums">{issue.row ?? "—"}</td>
            <td className="cell font-mono text-xs">{issue.column ?? "—"}</td>
            <td className="cell">{issue.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SubmitButton({
  pending,
  label,
  pendingLabel,
  size,
  className,
}: {
  pending: boolean;
  label: string;
  pendingLabel?: string;
  size?: ButtonSize;
  className?: string;
}) {
  const t = useTranslations("common.form");
  return (
    <Button type="submit" disabled={pending} size={size} className={className}>
      {pending ? (pendingLabel ?? t("saving")) : label}
    </Button>
  );
}

type ActionFormProps = {
  action: Action<undefined>;
  children: React.ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  className?: string;
  /** Replaces the primary button's look (e.g. a small "Xóa" link-like button in a list). */
  buttonClassName?: string;
  testId?: string;
  encType?: "multipart/form-data";
  /** A step that cannot simply be taken back: what it does, asked before it is sent. */
  confirm?: string;
};

/** A form with one submit button: fields as children, the answer below them. Emptied once saved. */
export function ActionForm({ action, children, submitLabel, pendingLabel, className, buttonClassName, testId, encType, confirm }: ActionFormProps) {
  const t = useTranslations("common.form");
  const messageId = useId();
  const { state, pending, onSubmit } = useFormAction(action, { reset: true, messageId });
  const dialog = useRef<HTMLDialogElement>(null);
  const confirmed = useRef(false);
  const ask = (event: React.FormEvent<HTMLFormElement>) => {
    if (!confirm || confirmed.current) {
      confirmed.current = false;
      onSubmit(event);
      return;
    }
    event.preventDefault();
    dialog.current?.showModal();
  };
  return (
    <form onSubmit={ask} className={className ?? "flex flex-wrap items-end gap-2"} data-testid={testId} encType={encType}>
      {confirm ? (
        <dialog ref={dialog} data-testid="confirm" className="m-auto max-w-md rounded-xl border border-slate-200 p-5 shadow-xl backdrop:bg-slate-900/40">
          <p className="text-sm text-slate-800">{confirm}</p>
          <div className="mt-4 flex justify-end gap-2">
            <Button type="button" variant="secondary" size="sm" onClick={() => dialog.current?.close()}>
              {t("cancel")}
            </Button>
            <Button
              type="button"
              size="sm"
              data-testid="confirm-yes"
              onClick={(event) => {
                confirmed.current = true;
                dialog.current?.close();
                event.currentTarget.form?.requestSubmit();
              }}
            >
              {t("confirm")}
            </Button>
          </div>
        </dialog>
      ) : null}
      {children}
      <button type="submit" disabled={pending} className={buttonClassName ?? buttonClass()}>
        {pending ? (pendingLabel ?? t("saving")) : submitLabel}
      </button>
      <Feedback state={state} id={messageId} />
    </form>
  );
}
