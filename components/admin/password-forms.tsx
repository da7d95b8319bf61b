"use client";
// The password pages' forms: set a password through a one-time link (with a strength hint that
// loads the rule's list of common passwords only once the person types), "forgot my password",
// and the signed-in user's own profile and password. Messages: admin.password, admin.forgot, admin.me.
import { Link } from "@/components/ui/link";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction, forgotPasswordAction, setPasswordAction, updateProfileAction } from "@/lib/accounts/passwords/actions";
import type { PasswordVerdict } from "@/lib/accounts/password-rule";
import { ButtonLink } from "@/components/ui/button";
import { Feedback, Field, inputClass, SubmitButton, useFormAction } from "@/components/forms/form-kit";

const MIN = 12;
const TONES = ["bg-red-500", "bg-red-400", "bg-amber-400", "bg-emerald-500", "bg-emerald-600"];
const LEVELS = ["veryWeak", "weak", "fair", "strong", "veryStrong"] as const;

/** The rule's own verdict, computed in the browser as a hint (the server decides). */
function useStrength(password: string, personal: string[]): PasswordVerdict | null {
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);
  const key = personal.join("|");
  useEffect(() => {
    if (!password) return setVerdict(null);
    let live = true;
    void import("@/lib/accounts/password-rule").then(({ checkPassword }) => live && setVerdict(checkPassword(password, key.split("|"))));
    return () => {
      live = false;
    };
  }, [password, key]);
  return verdict;
}

function StrengthHint({ password, personal }: { password: string; personal: string[] }) {
  const t = useTranslations("admin.password");
  const verdict = useStrength(password, personal);
  if (!password || !verdict) return null;
  const missing = MIN - [...password].length;
  return (
    <div className="mt-2 space-y-1 text-sm" data-testid="strength" data-strength={verdict.strength}>
      <div className="flex gap-1" aria-hidden>
        {[0, 1, 2, 3].map((i) => (
          <span key={i} className={`h-1.5 flex-1 rounded ${i < Math.max(1, verdict.strength) ? TONES[verdict.strength] : "bg-slate-200"}`} />
        ))}
      </div>
      <p className="text-slate-600">{missing > 0 ? t("tooShort", { count: missing }) : t("strength", { level: t(`levels.${LEVELS[verdict.strength]}`) })}</p>
    </div>
  );
}

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("admin.password");
  const { state, pending, onSubmit, error } = useFormAction<{ email: string; next: string }>(setPasswordAction);
  const [password, setPassword] = useState("");
  const [shown, setShown] = useState(false);
  if (state?.ok && state.data) {
    return (
      <div className="space-y-3" data-testid="password-set">
        <Feedback state={state} />
        <ButtonLink href={`/dang-nhap?next=${encodeURIComponent(state.data.next)}`}>{t("signIn")}</ButtonLink>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="set-password">
      <input type="hidden" name="token" value={token} />
      <input type="email" name="email" value={email} autoComplete="username" readOnly hidden />
      <Field name="password" label={t("password")} hint={t("rules")} error={error("password") ?? error("token")}>
        {(aria) => (
          <input
            {...aria}
            type={shown ? "text" : "password"}
            autoComplete="new-password"
            className={inputClass}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} />
        {t("show")}
      </label>
      <StrengthHint password={password} personal={[email]} />
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("saving")} />
      <Feedback state={state} />
    </form>
  );
}

export function ForgotPasswordForm() {
  const t = useTranslations("admin.forgot");
  const { state, pending, onSubmit, error } = useFormAction(forgotPasswordAction);
  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="forgot">
      <Field name="email" label={t("email")} error={error("email")}>
        {(aria) => <input {...aria} type="email" autoComplete="username" className={inputClass} />}
      </Field>
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("sending")} />
      <Feedback state={state} />
      <Link href="/dang-nhap" className="block text-sm link">
        {useTranslations("admin.password")("toSignIn")}
      </Link>
    </form>
  );
}

export function ProfileForm({ name, phone, version }: { name: string; phone: string | null; version: number }) {
  const t = useTranslations("admin.me");
  const { state, pending, onSubmit, error } = useFormAction(updateProfileAction);
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" data-testid="profile">
      <input type="hidden" name="version" value={version} />
      <Field name="name" label={t("name")} error={error("name")}>
        {(aria) => <input {...aria} defaultValue={name} className={inputClass} />}
      </Field>
      <Field name="phone" label={t("phone")} error={error("phone")}>
        {(aria) => <input {...aria} type="tel" defaultValue={phone ?? ""} className={inputClass} />}
      </Field>
      <div className="sm:col-span-2">
        <SubmitButton pending={pending} label={t("save")} />
      </div>
      <Feedback state={state} />
    </form>
  );
}

export function ChangePasswordForm({ email, name }: { email: string; name: string }) {
  const t = useTranslations("admin.me");
  const { state, pending, onSubmit, error } = useFormAction(changePasswordAction, { reset: true });
  const [password, setPassword] = useState("");
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" data-testid="change-password">
      <input type="email" name="email" value={email} autoComplete="username" readOnly hidden />
      <Field name="currentPassword" label={t("current")} error={error("currentPassword")}>
        {(aria) => <input {...aria} type="password" autoComplete="current-password" className={inputClass} />}
      </Field>
      <Field name="newPassword" label={t("new")} error={error("newPassword")}>
        {(aria) => (
          <>
            <input
              {...aria}
              type="password"
              autoComplete="new-password"
              className={inputClass}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <StrengthHint password={password} personal={[email, name]} />
          </>
        )}
      </Field>
      <div className="sm:col-span-2">
        <SubmitButton pending={pending} label={t("change")} />
      </div>
      <Feedback state={state} />
    </form>
  );
}
