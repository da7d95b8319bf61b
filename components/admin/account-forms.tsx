"use client";
// Account administration forms on the form kit: create (the invitation link comes back to copy),
// edit, and the buttons of a row (new link, disable/enable, unlock, delete). Messages: admin.
import { useTranslations } from "next-intl";
import { accountCommandAction, createAccountAction, updateAccountAction, type LinkData } from "@/lib/accounts/actions";
import type { AccountRow } from "@/lib/accounts/types";
import { Button } from "@/components/ui/button";
import { Feedback, Field, inputClass, SubmitButton, useFormAction } from "@/components/forms/form-kit";
import { LinkBox } from "./link-box";

export type Choice = { value: string; label: string };
type UnitChoices = { roles: Choice[]; provinces: Choice[] | null; agencies: Choice[]; fixedProvince: string | null; agencyHint: string };

function UnitFields({ choices, error, current }: { choices: UnitChoices; error: (field: string) => string | undefined; current?: AccountRow }) {
  const t = useTranslations("admin.accounts");
  return (
    <>
      <Field name="role" label={t("role")} error={error("role")}>
        {(aria) => (
          <select {...aria} className={inputClass} defaultValue={current?.role ?? "AGENCY_HEAD"}>
            {choices.roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {choices.provinces ? (
        <Field name="provinceCode" label={t("provinceOf")} error={error("provinceCode")}>
          {(aria) => (
            <select {...aria} className={inputClass} defaultValue={current?.provinceCode ?? choices.fixedProvince ?? ""}>
              <option value="">{t("noProvince")}</option>
              {choices.provinces!.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <input type="hidden" name="provinceCode" value={choices.fixedProvince ?? ""} />
      )}
      <Field name="agencyId" label={t("agency")} hint={choices.agencyHint} error={error("agencyId")}>
        {(aria) => (
          <select {...aria} className={inputClass} defaultValue={current?.agencyId ? String(current.agencyId) : ""}>
            <option value="">{t("noAgency")}</option>
            {choices.agencies.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

export function AccountCreateForm({ choices }: { choices: UnitChoices }) {
  const t = useTranslations("admin.accounts");
  const { state, pending, onSubmit, error } = useFormAction<LinkData>(createAccountAction, { reset: true });
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="account-create">
      <Field name="email" label={t("email")} error={error("email")}>
        {(aria) => <input {...aria} type="email" autoComplete="off" className={inputClass} />}
      </Field>
      <Field name="name" label={t("name")} error={error("name")}>
        {(aria) => <input {...aria} className={inputClass} />}
      </Field>
      <Field name="phone" label={t("phone")} error={error("phone")}>
        {(aria) => <input {...aria} type="tel" className={inputClass} />}
      </Field>
      <UnitFields choices={choices} error={error} />
      <div className="flex items-end sm:col-span-2 lg:col-span-3">
        <SubmitButton pending={pending} label={t("create")} pendingLabel={t("creating")} />
      </div>
      <div className="sm:col-span-2 lg:col-span-3">
        <Feedback state={state}>{state?.ok && state.data ? <LinkBox {...state.data} /> : null}</Feedback>
      </div>
    </form>
  );
}

export function AccountEditForm({ account, choices, saveLabel }: { account: AccountRow; choices: UnitChoices; saveLabel: string }) {
  const t = useTranslations("admin.accounts");
  const { state, pending, onSubmit, error } = useFormAction<LinkData>(updateAccountAction);
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" data-testid="account-edit">
      <input type="hidden" name="id" value={account.id} />
      <input type="hidden" name="version" value={account.version} />
      <Field name="email" label={t("email")} error={error("email")}>
        {(aria) => <input {...aria} type="email" defaultValue={account.email} className={inputClass} />}
      </Field>
      <Field name="name" label={t("name")} error={error("name")}>
        {(aria) => <input {...aria} defaultValue={account.name} className={inputClass} />}
      </Field>
      <Field name="phone" label={t("phone")} error={error("phone")}>
        {(aria) => <input {...aria} type="tel" defaultValue={account.phone ?? ""} className={inputClass} />}
      </Field>
      <UnitFields choices={choices} error={error} current={account} />
      <div className="sm:col-span-2">
        <SubmitButton pending={pending} label={saveLabel} />
      </div>
      <Feedback state={state} />
    </form>
  );
}

/** The buttons of an account's row; each answer (a link, a refusal) shows under them. */
export function AccountRowActions({ account, self = false }: { account: Pick<AccountRow, "id" | "email" | "status" | "version">; self?: boolean }) {
  const t = useTranslations("admin.accounts");
  const command = useFormAction<LinkData>(accountCommandAction);
  const update = useFormAction<LinkData>(updateAccountAction);
  const run = (intent: string) => {
    if (intent === "delete" && !window.confirm(t("confirmDelete", { email: account.email }))) return;
    const form = new FormData();
    form.set("id", String(account.id));
    form.set("version", String(account.version));
    form.set("intent", intent);
    command.submit(form);
  };
  const setDisabled = (disabled: boolean) => {
    if (disabled && !window.confirm(t("confirmDisable", { email: account.email }))) return;
    const form = new FormData();
    form.set("id", String(account.id));
    form.set("version", String(account.version));
    form.set("disabled", String(disabled));
    update.submit(form);
  };
  const pending = command.pending || update.pending;
  const disabled = account.status === "disabled";
  return (
    <div className="space-y-1" data-testid={`account-actions-${account.email}`}>
      <div className="flex flex-wrap gap-1">
        {!disabled ? (
          <Button size="xs" variant="secondary" disabled={pending} onClick={() => run("reset")}>
            {t("reset")}
          </Button>
        ) : null}
        {account.status === "locked" ? (
          <Button size="xs" variant="secondary" disabled={pending} onClick={() => run("unlock")}>
            {t("unlock")}
          </Button>
        ) : null}
        {self ? null : (
          <Button size="xs" variant={disabled ? "outline" : "secondary"} disabled={pending} onClick={() => setDisabled(!disabled)}>
            {disabled ? t("enable") : t("disable")}
          </Button>
        )}
        {account.status === "invited" ? (
          <Button size="xs" variant="danger" disabled={pending} onClick={() => run("delete")}>
            {t("delete")}
          </Button>
        ) : null}
      </div>
      <Feedback state={command.state}>{command.state?.ok && command.state.data ? <LinkBox {...command.state.data} email={account.email} /> : null}</Feedback>
      <Feedback state={update.state} />
    </div>
  );
}
