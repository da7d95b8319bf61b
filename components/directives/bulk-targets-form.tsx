"use client";
// The commitments every agency signs with the chairman: one form that gives the same target to
// every selected agency (completion of its tasks, or a criterion's score).
// Its messages: directives.bulk.
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { bulkTargetsAction } from "@/lib/directives/actions";
import type { TargetChoices } from "./target-form";
import { Feedback, FieldError, inputClass, labelClass, SubmitButton, useFormAction } from "@/components/forms/form-kit";

export function BulkTargetsForm({ directiveId, choices }: { directiveId: number; choices: TargetChoices }) {
  const t = useTranslations("directives.bulk");
  const { state, pending, onSubmit, error, invalid } = useFormAction(bulkTargetsAction, { reset: true });
  const [kind, setKind] = useState<"COMMITMENT_COMPLETION" | "CRITERION_SCORE">("COMMITMENT_COMPLETION");
  const boxes = useRef<HTMLFieldSetElement>(null);
  const setAll = (checked: boolean) =>
    boxes.current?.querySelectorAll<HTMLInputElement>("input[type=checkbox]").forEach((box) => {
      box.checked = checked;
    });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="bulk-targets">
      <input type="hidden" name="directiveId" value={directiveId} />
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className={labelClass}>{t("kind")}</legend>
        <label className="flex items-center gap-1">
          <input
            type="radio"
            name="kind"
            value="COMMITMENT_COMPLETION"
            checked={kind === "COMMITMENT_COMPLETION"}
            onChange={() => setKind("COMMITMENT_COMPLETION")}
          />{" "}
          {t("commitment")}
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="kind" value="CRITERION_SCORE" checked={kind === "CRITERION_SCORE"} onChange={() => setKind("CRITERION_SCORE")} />{" "}
          {t("criterionScore")}
        </label>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor="bulk-year" className={labelClass}>
            {t("year")}
          </label>
          <select id="bulk-year" name="year" defaultValue={choices.years.at(-1)} className={inputClass} aria-invalid={invalid("year")}>
            {choices.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          <FieldError name="bulk-year" message={error("year")} />
        </div>
        <div>
          <label htmlFor="bulk-value" className={labelClass}>
            {kind === "COMMITMENT_COMPLETION" ? t("completionRate") : t("minScore")}
          </label>
          <input
            id="bulk-value"
            name="value"
            inputMode="decimal"
            defaultValue={kind === "COMMITMENT_COMPLETION" ? "100" : ""}
            className={inputClass}
            aria-invalid={invalid("value")}
          />
          <FieldError name="bulk-value" message={error("value")} />
        </div>
        {kind === "CRITERION_SCORE" ? (
          <div>
            <label htmlFor="bulk-criterion" className={labelClass}>
              {t("criterion")}
            </label>
            <select id="bulk-criterion" name="criterionId" defaultValue="" className={inputClass} aria-invalid={invalid("criterionId")}>
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
            <FieldError name="bulk-criterion" message={error("criterionId")} />
          </div>
        ) : null}
        <div className="sm:col-span-3">
          <label htmlFor="bulk-note" className={labelClass}>
            {t("note")}
          </label>
          <input id="bulk-note" name="note" placeholder={t("notePlaceholder")} className={inputClass} />
        </div>
      </div>
      <fieldset ref={boxes} aria-invalid={invalid("agencyIds")}>
        <legend className={labelClass}>{t("agencies")}</legend>
        <div className="mt-1 flex gap-3 text-xs">
          <button type="button" className="link" onClick={() => setAll(true)}>
            {t("all")}
          </button>
          <button type="button" className="link" onClick={() => setAll(false)}>
            {t("none")}
          </button>
        </div>
        <div className="mt-2 grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {choices.agencies.map((a) => (
            <label key={a.id} className="flex items-center gap-1">
              <input type="checkbox" name="agencyIds" value={a.id} /> {a.name}
            </label>
          ))}
        </div>
        <FieldError name="bulk-agencyIds" message={error("agencyIds")} />
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
        <Feedback state={state} />
      </div>
    </form>
  );
}
