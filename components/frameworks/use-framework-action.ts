"use client";
// Submits a form to a framework server action without React's automatic form reset, so that a
// refused edit keeps what the user typed next to the message that says what to fix.
import { startTransition, useActionState } from "react";
import type { FrameworkActionResult } from "@/lib/frameworks/actions";

type Action = (previous: FrameworkActionResult | null, form: FormData) => Promise<FrameworkActionResult>;
/** `seq` counts the answers, so that a second identical message is still a new answer. */
export type FormState = (FrameworkActionResult & { seq: number }) | null;

export function useFrameworkAction(action: Action) {
  const [state, dispatch, pending] = useActionState<FormState, FormData>(
    async (previous, form) => ({ ...(await action(previous, form)), seq: (previous?.seq ?? 0) + 1 }),
    null,
  );
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
  return { state, pending, onSubmit };
}

export function fieldError(state: FormState, field: string): string | undefined {
  return state && !state.ok ? state.fieldErrors?.[field] : undefined;
}
