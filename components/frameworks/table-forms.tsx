"use client";
// Small framework forms: grade bands, published components, and importing the tree from a file.
// Their messages: frameworks.tables.
import { useTranslations } from "next-intl";
import { importTreeAction, setComponentsAction, setGradeBandsAction } from "@/lib/frameworks/actions";
import { useFormat } from "@/lib/i18n/client";
import { FileInput } from "@/components/forms/file-input";
import { Feedback, SubmitButton, useFormAction } from "@/components/forms/form-kit";

const CELL = "w-full rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100";
/** Room to add rows; blank rows are left out when saved. */
const BLANK_ROWS = 2;

type Target = { frameworkId: number; revision: number };

function Hidden({ frameworkId, revision }: Target) {
  return (
    <>
      <input type="hidden" name="frameworkId" value={frameworkId} />
      <input type="hidden" name="revision" value={revision} />
    </>
  );
}

export function GradeBandsForm({ bands, ...target }: Target & { bands: { label: string; minScore: number }[] }) {
  const t = useTranslations("frameworks.tables");
  const format = useFormat();
  const { state, pending, onSubmit } = useFormAction(setGradeBandsAction);
  const rows = [...bands, ...Array.from({ length: BLANK_ROWS }, () => null)];
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label={t("bandsLabel")}>
      <Hidden {...target} />
      <table className="w-full text-sm">
        <thead className="text-left text-slate-600">
          <tr>
            <th className="py-1 pr-2 font-medium">{t("band")}</th>
            <th className="py-1 font-medium">{t("minScore")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((band, i) => (
            <tr key={i}>
              <td className="py-1 pr-2">
                <input name={`bands.${i}.label`} defaultValue={band?.label ?? ""} aria-label={t("bandRow", { row: i + 1 })} className={CELL} />
              </td>
              <td className="py-1">
                <input
                  name={`bands.${i}.minScore`}
                  defaultValue={band ? format.decimal(band.minScore) : ""}
                  inputMode="decimal"
                  aria-label={t("minScoreRow", { row: i + 1 })}
                  className={CELL}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-500">{t("bandsHint")}</p>
      <Feedback state={state} />
      <SubmitButton pending={pending} label={t("saveBands")} />
    </form>
  );
}

export function ComponentsForm({ components, ...target }: Target & { components: { code: string; nameVi: string; maxPoints: number }[] }) {
  const t = useTranslations("frameworks.tables");
  const format = useFormat();
  const { state, pending, onSubmit } = useFormAction(setComponentsAction);
  const rows = [...components, ...Array.from({ length: BLANK_ROWS }, () => null)];
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label={t("componentsLabel")}>
      <Hidden {...target} />
      <table className="w-full text-sm">
        <thead className="text-left text-slate-600">
          <tr>
            <th className="py-1 pr-2 font-medium">{t("code")}</th>
            <th className="py-1 pr-2 font-medium">{t("componentName")}</th>
            <th className="py-1 font-medium">{t("maxPoints")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c, i) => (
            <tr key={i}>
              <td className="w-32 py-1 pr-2">
                <input name={`components.${i}.code`} defaultValue={c?.code ?? ""} aria-label={t("codeRow", { row: i + 1 })} className={CELL} />
              </td>
              <td className="py-1 pr-2">
                <input name={`components.${i}.nameVi`} defaultValue={c?.nameVi ?? ""} aria-label={t("nameRow", { row: i + 1 })} className={CELL} />
              </td>
              <td className="w-24 py-1">
                <input
                  name={`components.${i}.maxPoints`}
                  defaultValue={c ? format.decimal(c.maxPoints) : ""}
                  inputMode="decimal"
                  aria-label={t("maxPointsRow", { row: i + 1 })}
                  className={CELL}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Feedback state={state} />
      <SubmitButton pending={pending} label={t("saveComponents")} />
    </form>
  );
}

export function ImportTreeForm(target: Target) {
  const t = useTranslations("frameworks.tables");
  const { state, pending, onSubmit } = useFormAction(importTreeAction);
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label={t("importLabel")} data-testid="import-form">
      <Hidden {...target} />
      <FileInput label={t("file")} name="file" accept=".csv,.xlsx" className="block" />
      <p className="text-xs text-slate-600">{t("importHelp")}</p>
      <Feedback state={state} />
      <SubmitButton pending={pending} label={t("import")} pendingLabel={t("importing")} />
    </form>
  );
}
