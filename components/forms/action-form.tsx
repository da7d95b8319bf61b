"use client";
// A form bound to a server action that returns an ActionResult: shows the success message, the
// error (naming the field to fix) or, on a concurrent edit, the current value.
import { useActionState } from "react";
import type { ActionResult } from "@/lib/api/server-action";

type Props = {
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  children: React.ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  className?: string;
  buttonClassName?: string;
  testId?: string;
  encType?: "multipart/form-data";
};

export function ActionForm({ action, children, submitLabel, pendingLabel, className, buttonClassName, testId, encType }: Props) {
  // Each answer carries a sequence number, so a repeated message still reads as a new answer.
  const [state, formAction, pending] = useActionState<(ActionResult & { seq: number }) | null, FormData>(
    async (previous, formData) => ({ ...(await action(previous, formData)), seq: (previous?.seq ?? 0) + 1 }),
    null,
  );
  return (
    <form action={formAction} className={className ?? "flex flex-wrap items-end gap-2"} data-testid={testId} encType={encType}>
      {children}
      <button
        type="submit"
        disabled={pending}
        className={buttonClassName ?? "rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"}
      >
        {pending ? (pendingLabel ?? "Đang lưu…") : submitLabel}
      </button>
      {state ? (
        <p
          role="status"
          data-state={state.ok ? "ok" : "error"}
          data-seq={state.seq}
          className={`basis-full text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}
        >
          {state.ok ? state.message : state.error}
        </p>
      ) : null}
    </form>
  );
}
