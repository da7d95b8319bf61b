"use client";
// The one way a form talks to a server action that returns an ActionResult: submission without
// React's automatic reset (a refused form keeps what was typed next to the message that says what
// to fix), field errors, and the feedback — what was saved, every problem to fix, or on a
// concurrent edit the current value. ActionForm is the whole kit for forms with a single button.
import { startTransition, useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/api/server-action";
import { Button, buttonClass, type ButtonSize } from "@/components/ui/button";

export { describedBy, Field, FieldError, inputClass, labelClass } from "@/components/ui/field";
export const primaryButton = buttonClass();

/** `seq` counts the answers, so that a second identical message is still a new answer. */
export type FormState<T = undefined> = (ActionResult<T> & { seq: number }) | null;
type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/** `reset`: empty the form once saved (forms that add a new item). */
export function useFormAction<T = undefined>(action: Action<T>, options: { reset?: boolean } = {}) {
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
  const error = (field: string) => (state && !state.ok ? state.fieldErrors?.[field] : undefined);
  const invalid = (field: string) => Boolean(error(field));
  return { state, pending, onSubmit, submit, error, invalid };
}

/**
 * What was saved, or every problem to fix (a refused concurrent edit names the current value).
 * Tests find it by `data-state` and `data-seq`, or by `data-testid` (form-ok / form-error unless
 * the form names its own). `children` follow the message (e.g. a link to what was saved).
 */
export function Feedback<T>({ state, testId, children }: { state: FormState<T>; testId?: string; children?: React.ReactNode }) {
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
  return (
    <div
      role="status"
      data-state="error"
      data-testid={testId ?? "form-error"}
      data-seq={state.seq}
      className="basis-full rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
    >
      {issues.length > 1 ? (
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
};

/** A form with one submit button: fields as children, the answer below them. Emptied once saved. */
export function ActionForm({ action, children, submitLabel, pendingLabel, className, buttonClassName, testId, encType }: ActionFormProps) {
  const t = useTranslations("common.form");
  const { state, pending, onSubmit } = useFormAction(action, { reset: true });
  return (
    <form onSubmit={onSubmit} className={className ?? "flex flex-wrap items-end gap-2"} data-testid={testId} encType={encType}>
      {children}
      <button type="submit" disabled={pending} className={buttonClassName ?? buttonClass()}>
        {pending ? (pendingLabel ?? t("saving")) : submitLabel}
      </button>
      <Feedback state={state} />
    </form>
  );
}
