"use client";
// Agency administration forms on the form kit: create, edit (a rename keeps the agency), end or
// delete, merge several into one, split one into several. Messages: admin.agencies, admin.agency, admin.merge.
import { useTranslations } from "next-intl";
import { createAgencyAction, deleteAgencyAction, mergeAgenciesAction, splitAgencyAction, updateAgencyAction } from "@/lib/agencies/actions";
import type { AgencyRow } from "@/lib/agencies/types";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/forms/date-input";
import { Feedback, Field, inputClass, SubmitButton, useFormAction } from "@/components/forms/form-kit";
import type { Choice } from "./account-forms";

const day = (date: Date | null | undefined) => (date ? new Date(date).toISOString().slice(0, 10) : "");

function AgencyFields({
  kinds,
  peerGroups,
  error,
  agency,
  prefix = "",
}: {
  kinds: Choice[];
  peerGroups: string[];
  error: (f: string) => string | undefined;
  agency?: AgencyRow;
  prefix?: string;
}) {
  const t = useTranslations("admin.agencies");
  const n = (name: string) => `${prefix}${name}`;
  return (
    <>
      <Field name={n("code")} label={t("code")} hint={prefix ? undefined : t("codeHint")} error={error(n("code"))}>
        {(aria) => <input {...aria} defaultValue={agency?.code} className={`${inputClass} font-mono`} />}
      </Field>
      <Field name={n("name")} label={t("name")} error={error(n("name"))}>
        {(aria) => <input {...aria} defaultValue={agency?.name} className={inputClass} />}
      </Field>
      <Field name={n("kind")} label={t("kind")} error={error(n("kind"))}>
        {(aria) => (
          <select {...aria} defaultValue={agency?.kind ?? "COMMUNE"} className={inputClass}>
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {prefix ? null : (
        <>
          <Field name="shortName" label={t("shortName")} error={error("shortName")}>
            {(aria) => <input {...aria} defaultValue={agency?.shortName ?? ""} className={inputClass} />}
          </Field>
          <Field name="peerGroup" label={t("peerGroup")} hint={t("peerGroupHint")} error={error("peerGroup")}>
            {(aria) => (
              <>
                <input {...aria} list="peer-groups" defaultValue={agency?.peerGroup ?? ""} className={inputClass} />
                <datalist id="peer-groups">
                  {peerGroups.map((g) => (
                    <option key={g} value={g} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field name="contactEmail" label={t("contactEmail")} error={error("contactEmail")}>
            {(aria) => <input {...aria} type="email" defaultValue={agency?.contactEmail ?? ""} className={inputClass} />}
          </Field>
          <Field name="contactPhone" label={t("contactPhone")} error={error("contactPhone")}>
            {(aria) => <input {...aria} type="tel" defaultValue={agency?.contactPhone ?? ""} className={inputClass} />}
          </Field>
          <Field name="validFrom" label={t("validFrom")} error={error("validFrom")}>
            {(aria) => <DateInput {...aria} defaultValue={day(agency?.validFrom)} className={inputClass} />}
          </Field>
        </>
      )}
    </>
  );
}

export function AgencyCreateForm({ kinds, peerGroups, provinceCode }: { kinds: Choice[]; peerGroups: string[]; provinceCode: string }) {
  const t = useTranslations("admin.agencies");
  const { state, pending, onSubmit, error } = useFormAction(createAgencyAction, { reset: true });
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="agency-create">
      <input type="hidden" name="provinceCode" value={provinceCode} />
      <AgencyFields kinds={kinds} peerGroups={peerGroups} error={error} />
      <div className="flex items-end">
        <SubmitButton pending={pending} label={t("create")} pendingLabel={t("creating")} />
      </div>
      <Feedback state={state} />
    </form>
  );
}

export function AgencyEditForm({ agency, kinds, peerGroups }: { agency: AgencyRow; kinds: Choice[]; peerGroups: string[] }) {
  const t = useTranslations("admin.agencies");
  const ta = useTranslations("admin.agency");
  const { state, pending, onSubmit, error } = useFormAction(updateAgencyAction);
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" data-testid="agency-edit">
      <input type="hidden" name="id" value={agency.id} />
      <input type="hidden" name="version" value={agency.version} />
      <AgencyFields kinds={kinds} peerGroups={peerGroups} error={error} agency={agency} />
      <Field name="validTo" label={t("validTo")} hint={t("validToHint")} error={error("validTo")}>
        {(aria) => <DateInput {...aria} defaultValue={day(agency.validTo)} className={inputClass} />}
      </Field>
      <p className="text-sm text-slate-600 sm:col-span-2">{ta("renameNote")}</p>
      <div className="sm:col-span-2">
        <SubmitButton pending={pending} label={ta("save")} />
      </div>
      <Feedback state={state} />
    </form>
  );
}

export function AgencyDeleteForm({ agency }: { agency: Pick<AgencyRow, "id" | "version"> }) {
  const t = useTranslations("admin.agency");
  const { state, pending, onSubmit } = useFormAction(deleteAgencyAction);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="id" value={agency.id} />
      <input type="hidden" name="version" value={agency.version} />
      <Button type="submit" variant="danger" disabled={pending}>
        {t("delete")}
      </Button>
      <Feedback state={state} />
    </form>
  );
}

function LineageFields({ error }: { error: (f: string) => string | undefined }) {
  const t = useTranslations("admin.agency");
  return (
    <>
      <Field name="effectiveOn" label={t("effectiveOn")} error={error("effectiveOn")}>
        {(aria) => <DateInput {...aria} className={inputClass} />}
      </Field>
      <Field name="legalBasis" label={t("legalBasis")} hint={t("legalBasisHint")} error={error("legalBasis")}>
        {(aria) => <input {...aria} className={inputClass} />}
      </Field>
    </>
  );
}

export function AgencySplitForm({ agencyId, kinds }: { agencyId: number; kinds: Choice[] }) {
  const t = useTranslations("admin.agency");
  const { state, pending, onSubmit, error } = useFormAction(splitAgencyAction);
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" data-testid="agency-split">
      <input type="hidden" name="sourceId" value={agencyId} />
      <LineageFields error={error} />
      {[0, 1, 2].map((i) => (
        <fieldset key={i} className="grid gap-2 rounded-lg border border-slate-200 p-3 sm:col-span-2 sm:grid-cols-3">
          <legend className="px-1 text-sm font-medium">{t("part", { n: i + 1 })}</legend>
          <AgencyFields kinds={kinds} peerGroups={[]} error={error} prefix={`parts.${i}.`} />
        </fieldset>
      ))}
      <div className="sm:col-span-2">
        <SubmitButton pending={pending} label={t("split")} />
      </div>
      <Feedback state={state} />
    </form>
  );
}

export function AgencyMergeForm({ agencies, kinds }: { agencies: Choice[]; kinds: Choice[] }) {
  const t = useTranslations("admin.merge");
  const { state, pending, onSubmit, error } = useFormAction(mergeAgenciesAction);
  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" data-testid="agency-merge">
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium text-slate-700">{t("sources")}</legend>
        <div className="mt-2 grid max-h-72 gap-1 overflow-y-auto rounded-lg border border-slate-200 p-2 sm:grid-cols-2">
          {agencies.map((a) => (
            <label key={a.value} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="sourceIds" value={a.value} />
              {a.label}
            </label>
          ))}
        </div>
        {error("sourceIds") ? <p className="mt-1 text-sm text-red-700">{error("sourceIds")}</p> : null}
      </fieldset>
      <LineageFields error={error} />
      <Field name="intoId" label={t("into")} error={error("intoId")}>
        {(aria) => (
          <select {...aria} className={inputClass} defaultValue="">
            <option value="">{t("intoNew")}</option>
            {agencies.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="grid gap-2 rounded-lg border border-slate-200 p-3 sm:col-span-2 sm:grid-cols-3">
        <legend className="px-1 text-sm font-medium">{t("newAgency")}</legend>
        <AgencyFields kinds={kinds} peerGroups={[]} error={error} prefix="into." />
      </fieldset>
      <div className="sm:col-span-2">
        <SubmitButton pending={pending} label={t("submit")} />
      </div>
      <Feedback state={state} />
    </form>
  );
}
