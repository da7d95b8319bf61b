"use client";
// A framework version's description: what it scores, the years it is valid for, the decision
// that defines it, its maximum and caps. Creating also chooses the index and, for an internal
// index, the province.
// Its messages: frameworks.meta, frameworks.statuses, common.agencyKinds.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { createFrameworkAction, updateFrameworkMetaAction } from "@/lib/frameworks/actions";
import { FRAMEWORK_AGENCY_KINDS, STATUSES } from "@/lib/frameworks/labels";
import type { FrameworkDetail, FrameworkFormOptions } from "@/lib/frameworks/types";
import { useFormat } from "@/lib/i18n/client";
import { Feedback, Field, inputClass as INPUT, SubmitButton, useFormAction } from "@/components/forms/form-kit";

export type FrameworkMetaView = Pick<
  FrameworkDetail,
  | "id"
  | "revision"
  | "index"
  | "ownerProvinceId"
  | "agencyKind"
  | "name"
  | "decision"
  | "validFromYear"
  | "validToYear"
  | "maxScore"
  | "bonusCap"
  | "penaltyCap"
  | "status"
  | "note"
  | "componentsAreAdditive"
  | "isIllustrative"
>;

type Props = { mode: "create"; options: FrameworkFormOptions } | { mode: "edit"; framework: FrameworkMetaView };

export function FrameworkMetaForm(props: Props) {
  const t = useTranslations("frameworks.meta");
  const tc = useTranslations("common");
  const ts = useTranslations("frameworks.statuses");
  const format = useFormat();
  const { state, pending, onSubmit, error } = useFormAction(props.mode === "create" ? createFrameworkAction : updateFrameworkMetaAction);
  const f = props.mode === "edit" ? props.framework : null;
  const indices = props.mode === "create" ? props.options.indices : [];
  const [indexCode, setIndexCode] = useState(props.mode === "create" ? (indices[0]?.code ?? "") : f!.index.code);
  const internal = props.mode === "create" ? indices.find((i) => i.code === indexCode)?.subject === "AGENCY" : f!.ownerProvinceId !== null;
  const points = (n: number) => format.decimal(n);
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label={props.mode === "create" ? t("createLabel") : t("editLabel")} data-testid="framework-form">
      {f ? (
        <>
          <input type="hidden" name="frameworkId" value={f.id} />
          <input type="hidden" name="revision" value={f.revision} />
        </>
      ) : null}
      {props.mode === "create" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="indexCode" error={error("indexCode")} label={t("index")}>
            {(control) => (
              <select {...control} value={indexCode} onChange={(e) => setIndexCode(e.target.value)} className={INPUT}>
                {indices.map((i) => (
                  <option key={i.code} value={i.code}>
                    {i.shortName} — {i.nameVi}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="key" error={error("key")} label={t("key")} hint={t("keyHint")}>
            {(control) => <input {...control} className={INPUT} />}
          </Field>
        </div>
      ) : null}
      {internal ? (
        <div className="grid gap-4 sm:grid-cols-2">
          {props.mode === "create" ? (
            <Field name="ownerProvinceId" error={error("ownerProvinceId")} label={t("province")}>
              {(control) => (
                <select {...control} className={INPUT} defaultValue="">
                  <option value="">{t("chooseProvince")}</option>
                  {props.options.provinces.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.nameVi}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <Field name="agencyKind" error={error("agencyKind")} label={t("agencyKind")}>
            {(control) => (
              <select {...control} className={INPUT} defaultValue={f?.agencyKind ?? ""}>
                <option value="">{t("allKinds")}</option>
                {FRAMEWORK_AGENCY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {tc(`agencyKinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      ) : null}
      <Field name="name" error={error("name")} label={t("name")}>
        {(control) => <input {...control} defaultValue={f?.name ?? ""} className={INPUT} />}
      </Field>
      <Field name="decision" error={error("decision")} label={t("decision")} hint={t("decisionHint")}>
        {(control) => <input {...control} defaultValue={f?.decision ?? ""} className={INPUT} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-5">
        <Field name="validFromYear" error={error("validFromYear")} label={t("validFromYear")}>
          {(control) => <input {...control} inputMode="numeric" defaultValue={f?.validFromYear ?? new Date().getFullYear()} className={INPUT} />}
        </Field>
        <Field name="validToYear" error={error("validToYear")} label={t("validToYear")}>
          {(control) => <input {...control} inputMode="numeric" defaultValue={f?.validToYear ?? ""} className={INPUT} />}
        </Field>
        <Field name="maxScore" error={error("maxScore")} label={t("maxScore")}>
          {(control) => <input {...control} inputMode="decimal" defaultValue={f ? points(f.maxScore) : "100"} className={INPUT} />}
        </Field>
        <Field name="bonusCap" error={error("bonusCap")} label={t("bonusCap")}>
          {(control) => <input {...control} inputMode="decimal" defaultValue={f ? points(f.bonusCap) : "0"} className={INPUT} />}
        </Field>
        <Field name="penaltyCap" error={error("penaltyCap")} label={t("penaltyCap")}>
          {(control) => <input {...control} inputMode="decimal" defaultValue={f ? points(f.penaltyCap) : "0"} className={INPUT} />}
        </Field>
      </div>
      {f ? (
        <Field name="status" error={error("status")} label={t("status")} hint={t("statusHint")}>
          {(control) => (
            <select {...control} defaultValue={f.status} className={INPUT}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ts(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field name="note" error={error("note")} label={t("note")}>
        {(control) => <textarea {...control} rows={3} defaultValue={f?.note ?? ""} className={INPUT} />}
      </Field>
      <div className="flex flex-wrap gap-6 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="componentsAreAdditive" defaultChecked={f?.componentsAreAdditive ?? true} />
          {t("additive")}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="isIllustrative" defaultChecked={f?.isIllustrative ?? false} />
          {t("illustrative")}
        </label>
      </div>
      <Feedback state={state} />
      <SubmitButton pending={pending} size="md" label={props.mode === "create" ? t("create") : t("save")} />
    </form>
  );
}
