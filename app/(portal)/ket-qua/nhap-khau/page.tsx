import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { getImportOptions } from "@/lib/results/queries";
import { ResultImportForm } from "@/components/forms/result-import-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { FilterField, filterInputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("results.import"))("title") };
}

const code = (chunks: React.ReactNode) => <code>{chunks}</code>;

export default async function ResultImportPage() {
  const [actor, t] = await Promise.all([currentActor(), getTranslations("results.import")]);
  let options: Awaited<ReturnType<typeof getImportOptions>>;
  try {
    options = await getImportOptions(actor);
  } catch (error) {
    if ((error as { status?: number }).status === 403) {
      return (
        <Callout tone="error">
          {t("forbidden")}{" "}
          <Link href="/xep-hang" className="font-semibold underline">
            {t("toRanking")}
          </Link>
        </Callout>
      );
    }
    throw error;
  }
  const lastYear = options.currentYear - 1;

  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/ket-qua", label: t("back") }} title={t("title")} lead={t("lead")} />

      <ClientMessages namespaces={["results.importForm"]}>
        <ResultImportForm maxBytes={options.maxImportBytes} />
      </ClientMessages>

      <section className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card className="text-sm">
          <h2 className="font-semibold">{t("formatTitle")}</h2>
          <ul className="mt-2 list-inside list-disc space-y-1 text-slate-700">
            <li>{t.rich("formatHeader", { code })}</li>
            <li>{t.rich("formatComponents", { code })}</li>
            <li>{t.rich("formatYear", { code })}</li>
            <li>{t.rich("formatScore", { code })}</li>
            <li>{t("formatAllOrNothing")}</li>
            {!options.canChangeOtherProvinces ? <li>{t("formatOtherProvinces")}</li> : null}
          </ul>
        </Card>

        <Card className="text-sm">
          <h2 className="font-semibold">{t("templateTitle")}</h2>
          <p className="mt-1 text-slate-600">{t("templateLead")}</p>
          <form method="get" action="/api/v1/exports/results" className="mt-3 flex flex-wrap items-end gap-3" aria-label={t("templateForm")}>
            <FilterField label={t("index")}>
              <select name="index" defaultValue="PAR_INDEX" className={filterInputClass}>
                {options.indices.map((index) => (
                  <option key={index.code} value={index.code}>
                    {index.shortName}
                  </option>
                ))}
              </select>
            </FilterField>
            <FilterField label={t("year")}>
              <input name="year" type="number" min={2000} max={options.currentYear} defaultValue={lastYear} className={`w-24 ${filterInputClass}`} />
            </FilterField>
            <FilterField label={t("format")}>
              <select name="format" defaultValue="xlsx" className={filterInputClass}>
                <option value="xlsx">{t("xlsx")}</option>
                <option value="csv">{t("csv")}</option>
              </select>
            </FilterField>
            <Button type="submit" variant="secondary" className="font-semibold">
              {t("download")}
            </Button>
          </form>
          {options.tables.length > 0 ? (
            <>
              <h3 className="mt-4 font-medium">{t("tables")}</h3>
              <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {options.tables.map((table) => (
                  <li key={`${table.indexCode}-${table.year}`}>
                    <a href={`/api/v1/exports/results?index=${table.indexCode}&year=${table.year}&format=xlsx`} className="link">
                      {table.indexCode.replace(/_/g, " ")} {table.year}
                    </a>{" "}
                    <span className="text-slate-500">{t("tableRows", { count: table.rows })}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Card>
      </section>
    </div>
  );
}
