"use client";
// The directive's metadata: number and symbol, kind, issuer, signer, date, title, summary, years
// and the reports it requires. Creating one opens its page; editing names the version it read.
// Its messages: directives.form, directives.kinds, directives.reporting.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { createDirectiveAction, updateDirectiveAction } from "@/lib/directives/actions";
import { DIRECTIVE_KINDS, REPORTING_KINDS } from "@/lib/directives/kinds";
import { DateInput } from "@/components/forms/date-input";
import { Feedback, Field, FieldError, inputClass, labelClass, SubmitButton, useFormAction } from "@/components/forms/form-kit";

type Values = {
  id: number;
  version: number;
  number: string;
  kind: string;
  issuer: string;
  signer: string | null;
  issuedOn: string | null;
  title: string;
  summary: string | null;
  years: number[];
  reporting: string[];
  note: string | null;
};

type Props =
  | { mode: "create"; provinces: { id: number; label: string; issuer: string }[]; defaultProvinceId: number | null; values?: undefined }
  | { mode: "edit"; values: Values; provinces?: undefined; defaultProvinceId?: undefined };

export function DirectiveForm(props: Props) {
  const t = useTranslations("directives.form");
  const kinds = useTranslations("directives.kinds");
  const reporting = useTranslations("directives.reporting");
  const { state, pending, onSubmit, error } = useFormAction(props.mode === "create" ? createDirectiveAction : updateDirectiveAction);
  const v = props.values;
  const initialProvince = props.mode === "create" ? (props.provinces.find((p) => p.id === props.defaultProvinceId) ?? null) : null;
  const [issuer, setIssuer] = useState(v?.issuer ?? initialProvince?.issuer ?? "");
  const [issuerTouched, setIssuerTouched] = useState(false);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid={props.mode === "create" ? "directive-create" : "directive-edit"}>
      {v ? (
        <>
          <input type="hidden" name="id" value={v.id} />
          <input type="hidden" name="version" value={v.version} />
        </>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {props.mode === "create" ? (
          <Field name="provinceId" label={t("province")} hint={t("provinceHint")} error={error("provinceId")} className="sm:col-span-2">
            {(control) => (
              <select
                {...control}
                defaultValue={props.defaultProvinceId ?? ""}
                className={inputClass}
                onChange={(event) => {
                  const chosen = props.provinces.find((p) => String(p.id) === event.target.value);
                  if (chosen && !issuerTouched) setIssuer(chosen.issuer);
                }}
              >
                {props.defaultProvinceId === null ? <option value="">{t("chooseProvince")}</option> : null}
                {props.provinces.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field name="number" label={t("number")} hint={t("numberHint")} error={error("number")}>
          {(control) => <input {...control} defaultValue={v?.number} placeholder={t("numberPlaceholder")} className={inputClass} />}
        </Field>
        <Field name="kind" label={t("kind")} error={error("kind")}>
          {(control) => (
            <select {...control} defaultValue={v?.kind ?? "KE_HOACH"} className={inputClass}>
              {DIRECTIVE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {kinds(kind)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="issuer" label={t("issuer")} error={error("issuer")}>
          {(control) => (
            <input
              {...control}
              value={issuer}
              onChange={(event) => {
                setIssuer(event.target.value);
                setIssuerTouched(true);
              }}
              placeholder={t("issuerPlaceholder")}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="signer" label={t("signer")} error={error("signer")}>
          {(control) => <input {...control} defaultValue={v?.signer ?? ""} placeholder={t("signerPlaceholder")} className={inputClass} />}
        </Field>
        <Field name="issuedOn" label={t("issuedOn")} error={error("issuedOn")}>
          {(control) => <DateInput {...control} defaultValue={v?.issuedOn ?? ""} className={inputClass} />}
        </Field>
        <Field name="years" label={t("years")} hint={t("yearsHint")} error={error("years")}>
          {(control) => <input {...control} defaultValue={v ? v.years.join(", ") : ""} placeholder={t("yearsPlaceholder")} className={inputClass} />}
        </Field>
        <Field name="title" label={t("title")} error={error("title")} className="sm:col-span-2">
          {(control) => <textarea {...control} rows={2} defaultValue={v?.title} className={inputClass} />}
        </Field>
        <Field name="summary" label={t("summary")} error={error("summary")} className="sm:col-span-2">
          {(control) => <textarea {...control} rows={3} defaultValue={v?.summary ?? ""} className={inputClass} />}
        </Field>
        <fieldset className="sm:col-span-2">
          <legend className={labelClass}>{t("reporting")}</legend>
          <div className="mt-1 flex flex-wrap gap-4 text-sm">
            {REPORTING_KINDS.map((kind) => (
              <label key={kind} className="flex items-center gap-1">
                <input type="checkbox" name="reporting" value={kind} defaultChecked={v?.reporting.includes(kind)} /> {reporting(kind)}
              </label>
            ))}
          </div>
          <FieldError name="reporting" message={error("reporting")} />
        </fieldset>
        <Field name="note" label={t("note")} error={error("note")} className="sm:col-span-2">
          {(control) => <textarea {...control} rows={2} defaultValue={v?.note ?? ""} className={inputClass} />}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} label={props.mode === "create" ? t("create") : t("save")} />
        <Feedback state={state} />
      </div>
    </form>
  );
}
