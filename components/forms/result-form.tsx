"use client";
// The entry form of one published result, on the form kit: a refused entry keeps what was typed
// next to the message that says what to fix. Its messages: results.form.
import { Link } from "@/components/ui/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { saveResultAction, type SaveResultData } from "@/lib/results/actions";
import type { ResultEntry } from "@/lib/results/types";
import { useFormat } from "@/lib/i18n/client";
import { Card } from "@/components/ui/card";
import { Feedback, Field, FieldError, inputClass, labelClass, describedBy, SubmitButton, useFormAction } from "./form-kit";

type Current = { id: number; version: number };

export function ResultForm({ entry }: { entry: ResultEntry }) {
  const t = useTranslations("results.form");
  const format = useFormat();
  const { state, pending, onSubmit, error } = useFormAction<SaveResultData>(saveResultAction);
  const [provinceId, setProvinceId] = useState(String(entry.result?.provinceId ?? (entry.units.length === 1 ? entry.units[0].id : "")));
  const saved = state?.ok ? state.data : undefined;
  const id = saved?.id ?? entry.result?.id;
  const version = saved?.version ?? entry.result?.version;
  const taken = entry.result ? undefined : entry.taken.find((x) => String(x.provinceId) === provinceId && x.resultId !== saved?.id);
  const current = state && !state.ok ? (state.current as Current | null | undefined) : undefined;
  const framework = entry.framework;
  const decimalField = (name: string, label: React.ReactNode, value: number | null | undefined, hint?: string) => (
    <Field key={name} name={name} label={label} hint={hint} error={error(name)}>
      {(control) => <input {...control} inputMode="decimal" defaultValue={format.decimal(value)} className={inputClass} />}
    </Field>
  );

  return (
    <form className="space-y-6" noValidate data-testid="result-form" onSubmit={onSubmit}>
      <input type="hidden" name="id" value={id ?? ""} />
      <input type="hidden" name="version" value={version ?? ""} />
      <input type="hidden" name="indexCode" value={entry.index.code} />
      <input type="hidden" name="year" value={entry.year} />

      <Card as="section">
        <h2 className="font-semibold">{t("unitAndTotal")}</h2>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="provinceId" className={labelClass}>
              {t("province", { year: entry.year })}
            </label>
            {entry.result ? (
              <>
                <input type="hidden" name="provinceId" value={entry.result.provinceId} />
                <p id="provinceId" className="mt-1 py-2 font-semibold">
                  {entry.result.unitLabel}
                </p>
              </>
            ) : (
              <select
                id="provinceId"
                name="provinceId"
                value={provinceId}
                onChange={(event) => setProvinceId(event.target.value)}
                aria-invalid={Boolean(error("provinceId"))}
                aria-describedby={describedBy("provinceId", error("provinceId"))}
                className={inputClass}
              >
                {entry.units.length !== 1 ? <option value="">{t("chooseProvince")}</option> : null}
                {entry.units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.label}
                  </option>
                ))}
              </select>
            )}
            <FieldError name="provinceId" message={error("provinceId")} />
            {taken ? (
              <p className="mt-1 text-sm text-amber-800" data-testid="taken">
                {t("taken", { index: entry.index.shortName, year: entry.year, score: format.points(taken.score) })}{" "}
                <Link href={`/ket-qua/nhap?id=${taken.resultId}`} className="font-semibold underline">
                  {t("openToEdit")}
                </Link>
              </p>
            ) : null}
          </div>
          <Field
            name="score"
            label={t("score", { max: format.points(entry.index.maxScore) })}
            hint={
              framework?.componentsAreAdditive && framework.components.length > 0 ? t("scoreHintSum", { count: framework.components.length }) : t("scoreHint")
            }
            error={error("score")}
          >
            {(control) => (
              <input
                {...control}
                inputMode="decimal"
                placeholder={t("scorePlaceholder")}
                defaultValue={format.decimal(entry.result?.score)}
                className={inputClass}
              />
            )}
          </Field>
          <Field name="officialRank" label={t("rank", { count: entry.unitCount })} hint={t("rankHint")} error={error("officialRank")}>
            {(control) => <input {...control} inputMode="numeric" defaultValue={entry.result?.officialRank ?? ""} className={inputClass} />}
          </Field>
        </div>
      </Card>

      {framework && framework.components.length > 0 ? (
        <Card as="fieldset">
          <legend className="px-1 font-semibold">{framework.componentsAreAdditive ? t("components") : t("elements")}</legend>
          <p className="text-xs text-slate-500">{t("componentsNote", { framework: framework.name })}</p>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            {framework.components.map((component) =>
              decimalField(
                `components.${component.code}`,
                <>
                  {component.nameVi} <span className="font-normal text-slate-500">{t("max", { max: format.points(component.maxPoints) })}</span>
                </>,
                entry.result?.components[component.code],
              ),
            )}
          </div>
        </Card>
      ) : null}

      {framework && framework.fields.length > 0 ? (
        <Card as="fieldset">
          <legend className="px-1 font-semibold">{t("fields")}</legend>
          {framework.isIllustrative ? (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900">
              {t.rich("fieldsIllustrative", { strong: (chunks) => <strong>{chunks}</strong> })}
            </p>
          ) : null}
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            {framework.fields.map((field) =>
              decimalField(
                `fieldScores.${field.id}`,
                <>
                  {field.code}. {field.name}{" "}
                  <span className="font-normal text-slate-500">
                    {field.isIllustrative ? t("maxIllustrative", { max: format.points(field.maxPoints) }) : t("max", { max: format.points(field.maxPoints) })}
                  </span>
                </>,
                entry.result?.fieldScores[String(field.id)],
              ),
            )}
          </div>
        </Card>
      ) : null}

      <Card as="section">
        <h2 className="font-semibold">{t("sourceTitle")}</h2>
        <div className="mt-4 space-y-4">
          <Field name="source" label={t("source")} error={error("source")}>
            {(control) => <input {...control} placeholder={t("sourcePlaceholder")} defaultValue={entry.result?.source ?? ""} className={inputClass} />}
          </Field>
          <Field name="note" label={t("note")} error={error("note")}>
            {(control) => <textarea {...control} rows={2} defaultValue={entry.result?.note ?? ""} className={inputClass} />}
          </Field>
        </div>
      </Card>

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} label={t("save")} size="md" />
        <Link href="/ket-qua" className="text-sm link">
          {t("toList")}
        </Link>
      </div>

      <Feedback state={state} testId="form-status">
        {state?.ok ? (
          <>
            {" "}
            <Link href="/ket-qua" className="font-semibold underline">
              {t("seeResults")}
            </Link>
          </>
        ) : current ? (
          <p className="mt-1">
            <Link href={`/ket-qua/nhap?id=${current.id}`} className="font-semibold underline">
              {t("openCurrent", { version: current.version })}
            </Link>
          </p>
        ) : null}
      </Feedback>
    </form>
  );
}
