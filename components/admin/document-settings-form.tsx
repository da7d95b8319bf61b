"use client";
// What the province's documents print (lib/documents): the issuing bodies, the place, the signers
// and each kind's symbol, under the version the page read. Messages: admin.documentSettings.
import { useTranslations } from "next-intl";
import { saveDocumentSettingsAction } from "@/lib/documents/actions";
import { DOCUMENT_KINDS, type DocumentSettings } from "@/lib/documents/types";
import { Feedback, Field, inputClass, SubmitButton, useFormAction } from "@/components/forms/form-kit";

/** The catalogue's camelCase key of each kind. */
const KIND_KEYS = {
  "self-assessment": "selfAssessment",
  "appraisal-notice": "appraisalNotice",
  "ranking-annex": "rankingAnnex",
  "directive-report": "directiveReport",
  "leader-summary": "leaderSummary",
} as const satisfies Record<(typeof DOCUMENT_KINDS)[number], string>;

type SettingsField = "peoplesCommittee" | "homeAffairs" | "place" | "archiveUnit" | "chairmanTitle" | "chairmanName" | "directorTitle" | "directorName";

export function DocumentSettingsForm({ provinceId, version, settings }: { provinceId: number; version: number; settings: DocumentSettings }) {
  const t = useTranslations("admin.documentSettings");
  const { state, pending, onSubmit, error } = useFormAction(saveDocumentSettingsAction);
  const text = (name: SettingsField, value: string, hint?: string) => (
    <Field name={name} label={t(`fields.${name}`)} hint={hint} error={error(name)}>
      {(aria) => <input {...aria} defaultValue={value} className={inputClass} />}
    </Field>
  );
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" data-testid="document-settings">
      <input type="hidden" name="provinceId" value={provinceId} />
      <input type="hidden" name="version" value={version} />
      <h3 className="text-base font-semibold sm:col-span-2">{t("bodies")}</h3>
      {text("peoplesCommittee", settings.peoplesCommittee)}
      {text("homeAffairs", settings.homeAffairs)}
      {text("place", settings.place, t("placeHint"))}
      {text("archiveUnit", settings.archiveUnit, t("archiveUnitHint"))}
      <h3 className="text-base font-semibold sm:col-span-2">{t("signers")}</h3>
      {text("chairmanTitle", settings.chairman.title)}
      {text("chairmanName", settings.chairman.name)}
      {text("directorTitle", settings.director.title)}
      {text("directorName", settings.director.name)}
      <h3 className="text-base font-semibold sm:col-span-2">{t("symbols")}</h3>
      {DOCUMENT_KINDS.map((kind) => (
        <Field key={kind} name={`symbols.${kind}`} label={t(`kinds.${KIND_KEYS[kind]}`)} error={error(`symbols.${kind}`)}>
          {(aria) => <input {...aria} defaultValue={settings.symbols[kind]} className={`${inputClass} font-mono`} />}
        </Field>
      ))}
      <div className="sm:col-span-2">
        <SubmitButton pending={pending} label={t("save")} />
      </div>
      <Feedback state={state} />
    </form>
  );
}
