"use client";
// One target of a directive: its kind decides what else it needs (an index, a criterion, an
// agency, an upper end for "up 10–15 places"). Fields a kind does not use are not sent.
// Its messages: directives.targetForm, directives.targetKinds, directives.targetKindHints.
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { TargetKind } from "@/lib/directives/types";
import { createTargetAction, updateTargetAction } from "@/lib/directives/actions";
import { INDEX_KINDS, TARGET_KINDS_ORDER } from "@/lib/targets/kinds";
import { useFormat } from "@/lib/i18n/client";
import { Feedback, FieldError, inputClass, labelClass, SubmitButton, useFormAction } from "@/components/forms/form-kit";

export type TargetChoices = {
  years: number[];
  indices: { code: string; shortName: string; subject: string }[];
  agencies: { id: number; name: string }[];
  criteria: { framework: string; criteria: { id: number; code: string; name: string; level: string }[] }[];
  /** The units a target is stated in, as stored (lib/directives/labels.ts, TARGET_UNITS). */
  units: { points: string; percent: string };
};

type Values = {
  id: number;
  version: number;
  kind: TargetKind;
  indexCode: string | null;
  year: number;
  value: number;
  valueMax: number | null;
  unit: string | null;
  agency: { id: number } | null;
  criterion: { id: number } | null;
  note: string | null;
};

export function TargetForm({ directiveId, values, choices, testId }: { directiveId: number; values?: Values; choices: TargetChoices; testId: string }) {
  const t = useTranslations("directives.targetForm");
  const kinds = useTranslations("directives.targetKinds");
  const hints = useTranslations("directives.targetKindHints");
  const format = useFormat();
  const { state, pending, onSubmit, error, invalid } = useFormAction(values ? updateTargetAction : createTargetAction, { reset: !values });
  const [kind, setKind] = useState<TargetKind>(values?.kind ?? "MIN_PERCENT_OF_MAX");
  const id = (name: string) => `${testId}-${name}`;
  const described = (name: string) => (invalid(name) ? `${id(name)}-error` : undefined);
  const field = (name: string) => ({
    id: id(name),
    name,
    className: inputClass,
    "aria-invalid": invalid(name),
    "aria-describedby": described(name),
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid={testId}>
      {values ? (
        <>
          <input type="hidden" name="id" value={values.id} />
          <input type="hidden" name="version" value={values.version} />
        </>
      ) : (
        <input type="hidden" name="directiveId" value={directiveId} />
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <label htmlFor={id("kind")} className={labelClass}>
            {t("kind")}
          </label>
          <select {...field("kind")} value={kind} onChange={(event) => setKind(event.target.value as TargetKind)}>
            {TARGET_KINDS_ORDER.map((k) => (
              <option key={k} value={k}>
                {kinds(k)}
              </option>
            ))}
          </select>
          <p className="mt-1 text-xs text-slate-500">{hints(kind)}</p>
          <FieldError name={id("kind")} message={error("kind")} />
        </div>
        <div>
          <label htmlFor={id("year")} className={labelClass}>
            {t("year")}
          </label>
          <select {...field("year")} defaultValue={values?.year ?? choices.years.at(-1)}>
            {choices.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          <FieldError name={id("year")} message={error("year")} />
        </div>
        {INDEX_KINDS.includes(kind) ? (
          <div>
            <label htmlFor={id("indexCode")} className={labelClass}>
              {t("index")}
            </label>
            <select {...field("indexCode")} defaultValue={values?.indexCode ?? "PAR_INDEX"}>
              {choices.indices.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.shortName}
                  {i.subject === "AGENCY" ? t("internalIndex") : ""}
                </option>
              ))}
            </select>
            <FieldError name={id("indexCode")} message={error("indexCode")} />
          </div>
        ) : null}
        <div>
          <label htmlFor={id("value")} className={labelClass}>
            {kind === "RANK_IMPROVEMENT" ? t("valuePlaces") : kind === "MAX_RANK" ? t("valueRank") : t("value")}
          </label>
          <input
            {...field("value")}
            inputMode="decimal"
            defaultValue={format.decimal(values?.value)}
            placeholder={kind === "RANK_IMPROVEMENT" ? "10" : kind === "MAX_RANK" ? "10" : "80"}
          />
          <FieldError name={id("value")} message={error("value")} />
        </div>
        {kind === "RANK_IMPROVEMENT" ? (
          <div>
            <label htmlFor={id("valueMax")} className={labelClass}>
              {t("valueMax")}
            </label>
            <input {...field("valueMax")} inputMode="numeric" defaultValue={format.decimal(values?.valueMax)} placeholder="15" />
            <FieldError name={id("valueMax")} message={error("valueMax")} />
          </div>
        ) : null}
        {kind === "MIN_SCORE" ? (
          <div>
            <label htmlFor={id("unit")} className={labelClass}>
              {t("unit")}
            </label>
            <select {...field("unit")} defaultValue={values?.unit ?? choices.units.points}>
              <option value={choices.units.points}>{t("unitPoints")}</option>
              <option value={choices.units.percent}>{t("unitPercent")}</option>
            </select>
            <FieldError name={id("unit")} message={error("unit")} />
          </div>
        ) : null}
        <div className={kind === "CRITERION_SCORE" ? "" : "sm:col-span-2"}>
          <label htmlFor={id("agencyId")} className={labelClass}>
            {kind === "CRITERION_SCORE" ? t("agency") : t("agencyOptional")}
          </label>
          <select {...field("agencyId")} defaultValue={values?.agency?.id ?? ""}>
            <option value="">{t("wholeProvince")}</option>
            {choices.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <FieldError name={id("agencyId")} message={error("agencyId")} />
        </div>
        {kind === "CRITERION_SCORE" ? (
          <div className="sm:col-span-2">
            <label htmlFor={id("criterionId")} className={labelClass}>
              {t("criterion")}
            </label>
            <select {...field("criterionId")} defaultValue={values?.criterion?.id ?? ""}>
              <option value="">{t("chooseCriterion")}</option>
              {choices.criteria.map((group) => (
                <optgroup key={group.framework} label={group.framework}>
                  {group.criteria.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.code} {c.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            <FieldError name={id("criterionId")} message={error("criterionId")} />
          </div>
        ) : null}
        <div className="sm:col-span-3">
          <label htmlFor={id("note")} className={labelClass}>
            {t("note")}
          </label>
          <input {...field("note")} defaultValue={values?.note ?? ""} />
          <FieldError name={id("note")} message={error("note")} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} label={values ? t("save") : t("add")} />
        <Feedback state={state} />
      </div>
    </form>
  );
}
