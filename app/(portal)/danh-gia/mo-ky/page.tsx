import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { holds, reachOf } from "@/lib/auth/policy";
import { openingOptions, provincesWithInternalFrameworks } from "@/lib/assessments/periods/queries";
import { openPeriodAction } from "@/lib/assessments/actions";
import { ActionForm } from "@/components/forms/form-kit";
import { Callout } from "@/components/ui/callout";
import { cardClass } from "@/components/ui/card";
import { filterInputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assessments.open"))("title") };
}

export default async function OpenPeriodPage({ searchParams }: { searchParams: Promise<{ tinh?: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const [t, tc] = await Promise.all([getTranslations("assessments.open"), getTranslations("common")]);
  const chosen = Number((await searchParams).tinh) || null;
  // Whoever manages every province's assessments picks one; Home Affairs staff open their own.
  const everywhere = reachOf(actor.role, "assessment.manage") === "all";
  const provinceId = everywhere ? chosen : actor.provinceId;
  if (everywhere && !provinceId) {
    const provinces = await provincesWithInternalFrameworks(actor);
    return (
      <div className="space-y-4">
        <PageHeader title={t("chooseProvince")} />
        <ul className="list-inside list-disc">
          {provinces.map((p) => (
            <li key={p.id}>
              <Link href={`/danh-gia/mo-ky?tinh=${p.id}`} className="text-brand-700 hover:underline">
                {p.name}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (!provinceId || !holds(actor, "assessment.manage")) {
    return <Callout tone="error">{t("forbidden")}</Callout>;
  }
  const options = await openingOptions(actor, provinceId);
  const nextYear = new Date().getFullYear();
  const control = `mt-1 ${filterInputClass}`;
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      {options.frameworks.length === 0 ? (
        <Callout tone="warn">{t("noFramework")}</Callout>
      ) : (
        <ActionForm action={openPeriodAction} submitLabel={t("submit")} className={`space-y-5 p-6 ${cardClass}`} testId="open-period">
          <label className="block">
            <span className="block text-sm font-medium">{t("framework")}</span>
            <select name="frameworkId" className={`${control} w-full`}>
              {options.frameworks.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.validToYear
                    ? t("frameworkRange", { name: f.name, version: f.version, from: f.validFromYear, to: f.validToYear })
                    : t("frameworkFrom", { name: f.name, version: f.version, from: f.validFromYear })}
                </option>
              ))}
            </select>
          </label>
          <div className="flex flex-wrap gap-4">
            <label className="block">
              <span className="block text-sm font-medium">{t("year")}</span>
              <input name="year" type="number" defaultValue={nextYear} min={2000} max={2100} className={`${control} w-32`} />
            </label>
            <label className="block">
              <span className="block text-sm font-medium">{t("deadline")}</span>
              <input name="deadline" type="date" required className={control} />
            </label>
          </div>
          <fieldset>
            <legend className="text-sm font-medium">{t("agencies")}</legend>
            <div className="mt-2 grid gap-1 sm:grid-cols-2">
              {options.agencies.map((a) => (
                <label key={a.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="agencyIds" value={a.id} defaultChecked />
                  {a.name} <span className="text-xs text-slate-500">({tc(`agencyKinds.${a.kind}`)})</span>
                </label>
              ))}
            </div>
          </fieldset>
        </ActionForm>
      )}
    </div>
  );
}
