"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { login, type LoginState } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";

export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState<LoginState, FormData>(login, {});
  return (
    <form action={action} className="space-y-5" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {state.error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
      <Field name="email" label={t("email")} error={state.fieldErrors?.email}>
        {(control) => <input {...control} type="email" autoComplete="username" defaultValue={state.email} className={inputClass} />}
      </Field>
      <Field name="password" label={t("password")} error={state.fieldErrors?.password}>
        {(control) => <input {...control} type="password" autoComplete="current-password" className={inputClass} />}
      </Field>
      <Button type="submit" disabled={pending} size="lg" className="w-full">
        {pending ? t("signingIn") : t("submit")}
      </Button>
    </form>
  );
}
