"use client";
// Pieces shared by the forms bound to server actions (directives, frameworks): submission without
// React's automatic reset (a refused form keeps what was typed next to the message that says what
// to fix), field errors, feedback.
import { startTransition, useActionState, useRef } from "react";
import type { ActionResult } from "@/lib/api/server-action";

/** `seq` counts the answers, so that a second identical message is still a new answer. */
export type FormState<T = undefined> = (ActionResult<T> & { seq: number }) | null;
type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";
export const labelClass = "block text-sm font-medium text-slate-700";
export const primaryButton = "rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60";

/** `reset`: empty the form once saved (forms that add a new item). */
export function useFormAction<T = undefined>(action: Action<T>, options: { reset?: boolean } = {}) {
  const formRef = useRef<HTMLFormElement | null>(null);
  const [state, dispatch, pending] = useActionState<FormState<T>, FormData>(async (previous, form) => {
    const result = await action(previous, form);
    if (result.ok && options.reset) formRef.current?.reset();
    return { ...result, seq: (previous?.seq ?? 0) + 1 };
  }, null);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    formRef.current = event.currentTarget;
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
  const error = (field: string) => (state && !state.ok ? state.fieldErrors?.[field] : undefined);
  const invalid = (field: string) => Boolean(error(field));
  return { state, pending, onSubmit, error, invalid };
}

export function FieldError({ message, name }: { message: string | undefined; name: string }) {
  return message ? (
    <p id={`${name}-error`} className="mt-1 text-sm text-red-700" data-field-error={name}>
      {message}
    </p>
  ) : null;
}

/**
 * What was saved, or every problem to fix (a refused concurrent edit names the current value).
 * Tests find it by `data-state` or by `data-testid` (form-ok / form-error).
 */
export function Feedback<T>({ state }: { state: FormState<T> }) {
  if (!state) return null;
  if (state.ok) {
    return (
      <p role="status" data-state="ok" data-testid="form-ok" data-seq={state.seq} className="text-sm text-emerald-700">
        {state.message}
      </p>
    );
  }
  const issues = state.issues ?? [];
  return (
    <div role="status" data-state="error" data-testid="form-error" data-seq={state.seq} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {issues.length > 1 ? (
        <ul className="list-inside list-disc space-y-1">
          {issues.map((issue, i) => (
            <li key={i}>{issue.message}</li>
          ))}
        </ul>
      ) : (
        <p>{state.error}</p>
      )}
    </div>
  );
}
