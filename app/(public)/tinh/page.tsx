import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getFormat } from "@/lib/i18n/server";
import { matchesProvince } from "@/lib/units/find";
import { isValidOn } from "@/lib/units/lineage";
import { provinceProfilePath } from "@/lib/units/profile-path";
import { provinceDirectory } from "@/lib/units/queries";
import { FindProvinceForm } from "@/components/units/find-province-form";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SectionHeading } from "@/components/ui/section-heading";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("public.find"))("title") };
}

/** What a person types is only ever searched for: any text, cut to a sensible length. */
const querySchema = z.string().max(200).optional().catch(undefined);

export default async function ProvinceDirectoryPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const [search, t, format, units] = await Promise.all([searchParams, getTranslations("public.find"), getFormat(), provinceDirectory()]);
  const query = querySchema.parse(Array.isArray(search.q) ? search.q[0] : search.q)?.trim() ?? "";
  const today = new Date();
  const found = units.filter((unit) => matchesProvince(unit, query));
  const current = found.filter((unit) => isValidOn(unit, today));
  const former = found.filter((unit) => !isValidOn(unit, today) && unit.validTo !== null);
  const currentTotal = units.filter((unit) => isValidOn(unit, today)).length;
  const formerTotal = units.filter((unit) => !isValidOn(unit, today) && unit.validTo !== null).length;
  const since = current[0]?.validFrom ?? units.find((unit) => isValidOn(unit, today))?.validFrom ?? null;

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")}>
        <p className="text-slate-600">{t("lead", { current: currentTotal, former: formerTotal })}</p>
      </PageHeader>
      <FindProvinceForm defaultValue={query} />
      {query !== "" ? (
        <p className="text-sm text-slate-700" role="status" data-testid="find-count">
          {t("foundCount", { count: current.length + former.length, query })}{" "}
          <Link href="/tinh" className="text-brand-700 underline">
            {t("showAll")}
          </Link>
        </p>
      ) : null}
      {current.length + former.length === 0 ? <Callout tone="neutral">{t("none", { query })}</Callout> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        {current.length > 0 ? (
          <Card as="section" padding="md" aria-labelledby="tinh-hien-nay" data-testid="current-provinces">
            <SectionHeading id="tinh-hien-nay">{t("current", { count: currentTotal, date: format.calendarDate(since) })}</SectionHeading>
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {current.map((unit) => (
                <li key={unit.id} className="py-1.5">
                  <Link href={provinceProfilePath(unit)} className="font-semibold link">
                    {unit.nameVi}
                  </Link>{" "}
                  <span className="text-slate-500">{t("code", { code: unit.code })}</span>
                  {unit.formedFrom.length > 1 ? (
                    <span className="block text-slate-600">{t("formedFrom", { units: unit.formedFrom.map((u) => u.nameVi).join(", ") })}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {former.length > 0 ? (
          <Card as="section" padding="md" aria-labelledby="tinh-truoc-day" data-testid="former-provinces">
            <SectionHeading id="tinh-truoc-day">{t("former", { count: formerTotal })}</SectionHeading>
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {former.map((unit) => (
                <li key={unit.id} className="py-1.5">
                  <Link href={provinceProfilePath(unit)} className="font-semibold link">
                    {unit.nameVi}
                  </Link>{" "}
                  <span className="text-slate-500">
                    {t("code", { code: unit.code })} · {t("until", { date: format.calendarDate(unit.validTo) })}
                  </span>
                  {unit.wentInto.length > 0 ? (
                    <span className="block text-slate-600">{t("wentInto", { units: unit.wentInto.map((u) => u.nameVi).join(", ") })}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
