import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { AVERAGE_COLUMNS, OPEN_DATA_RESULT_COLUMNS, openDataSummary } from "@/lib/profiles/open-data/queries";
import { OPEN_DATA_FORMATS } from "@/lib/profiles/open-data/schema";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { SectionHeading } from "@/components/ui/section-heading";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("public.openData"))("title") };
}

type Unit = "none" | "year" | "code" | "date" | "points" | "componentPoints" | "rank" | "text";
const UNITS: Record<string, Unit> = {
  year: "year",
  index: "code",
  unit_code: "code",
  unit_name: "text",
  unit_valid_from: "date",
  unit_valid_to: "date",
  score: "points",
  rank: "rank",
  source: "text",
  note: "text",
  kind: "code",
  subject: "code",
  value: "points",
};
const EXAMPLE_PROVINCE = "/api/v1/open-data/provinces/91.json";
const EMBED_EXAMPLE = "/nhung/ban-do?index=PAR_INDEX&year=2023";

export default async function OpenDataPage() {
  const [t, tMap, tApi, summary] = await Promise.all([
    getTranslations("public.openData"),
    getTranslations("public.map"),
    getTranslations("openapi.page"),
    openDataSummary(),
  ]);
  const datasets = [
    {
      key: "results",
      href: "/api/v1/open-data/results",
      title: t("resultsTitle"),
      text: t("resultsSummary", { count: summary.results, first: summary.firstYear ?? "", last: summary.lastYear ?? "", rankOnly: summary.rankOnly }),
    },
    { key: "averages", href: "/api/v1/open-data/averages", title: t("averagesTitle"), text: t("averagesSummary", { count: summary.averages }) },
  ];
  const codebookRow = (column: string, meaning: string, unit: Unit) => (
    <tr key={column}>
      <Td label={t("column")}>
        <code>{column}</code>
      </Td>
      <Td label={t("meaning")}>{meaning}</Td>
      <Td label={t("unit")}>{t(`units.${unit}`)}</Td>
    </tr>
  );
  const codebookTable = (title: string, rows: React.ReactNode) => (
    <section className="mt-4">
      <h3 className="mb-2 font-semibold text-slate-800">{title}</h3>
      <DataTable stacked>
        <THead>
          <Th>{t("column")}</Th>
          <Th>{t("meaning")}</Th>
          <Th>{t("unit")}</Th>
        </THead>
        <TBody>{rows}</TBody>
      </DataTable>
    </section>
  );
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} titleTestId="open-data-title" />
      <Card as="section" aria-labelledby="open-data-downloads">
        <SectionHeading id="open-data-downloads">{t("downloads")}</SectionHeading>
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          {datasets.map((dataset) => (
            <div key={dataset.key} className="rounded-lg border border-slate-200 p-4" data-testid={`open-data-${dataset.key}`}>
              <h3 className="font-semibold text-slate-800">{dataset.title}</h3>
              <p className="mt-1 text-sm text-slate-600">{dataset.text}</p>
              <div className="mt-3 flex flex-wrap gap-2">
                {OPEN_DATA_FORMATS.map((format) => (
                  <a
                    key={format}
                    href={`${dataset.href}?format=${format}`}
                    className={buttonClass("secondary")}
                    aria-label={t("downloadLabel", { dataset: dataset.title, format: format.toUpperCase() })}
                    download
                  >
                    {t("download", { format: format.toUpperCase() })}
                  </a>
                ))}
              </div>
            </div>
          ))}
        </div>
        <p className="mt-3 text-sm text-slate-600">{t("formatsNote")}</p>
      </Card>
      <Card as="section" aria-labelledby="open-data-provinces">
        <SectionHeading id="open-data-provinces">{t("provinceTitle")}</SectionHeading>
        <p className="mt-2 text-sm text-slate-700">
          {t("provinceText")}{" "}
          <Link href="/tinh" className="text-brand-700 underline">
            /tinh
          </Link>
        </p>
        <p className="mt-2 break-all text-sm">
          {t("provinceExample")}{" "}
          <a href={EXAMPLE_PROVINCE} className="font-mono text-brand-700 underline">
            {EXAMPLE_PROVINCE}
          </a>
        </p>
      </Card>
      <Card as="section" aria-labelledby="open-data-api">
        <SectionHeading id="open-data-api">{tApi("apiTitle")}</SectionHeading>
        <p className="mt-2 text-sm text-slate-700">{tApi("apiText")}</p>
        <p className="mt-2 text-sm">
          <Link href="/du-lieu/api" className="text-brand-700 underline" data-testid="open-data-api-link">
            {tApi("linkFromOpenData")}
          </Link>{" "}
          ·{" "}
          <a href="/api/v1/openapi.json" className="font-mono text-brand-700 underline">
            /api/v1/openapi.json
          </a>
        </p>
      </Card>
      <Card as="section" aria-labelledby="open-data-embed">
        <SectionHeading id="open-data-embed">{t("embedTitle")}</SectionHeading>
        <p className="mt-2 text-sm text-slate-700">{t("embedText")}</p>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-3 text-xs" data-testid="open-data-embed-code">
          {`<iframe src="${EMBED_EXAMPLE}" title="${t("embedFrameTitle")}" width="100%" height="720" style="border:0"></iframe>`}
        </pre>
        <p className="mt-2 text-sm">
          <a href={EMBED_EXAMPLE} className="text-brand-700 underline">
            {t("embedPreview")}
          </a>
        </p>
      </Card>
      <Card as="section" aria-labelledby="open-data-codebook">
        <SectionHeading id="open-data-codebook">{t("codebook")}</SectionHeading>
        {codebookTable(t("resultsFile"), [
          ...OPEN_DATA_RESULT_COLUMNS.map((column) => codebookRow(column, t(`columns.${column as "year"}`), UNITS[column])),
          ...summary.components.map((c) => codebookRow(c.column, t("columns.component", { name: c.nameVi, index: c.indexCode }), "componentPoints")),
        ])}
        {codebookTable(
          t("averagesFile"),
          AVERAGE_COLUMNS.map((column) => codebookRow(column, t(`columns.${column as "year"}`), UNITS[column])),
        )}
      </Card>
      <Card as="section" aria-labelledby="open-data-sources">
        <SectionHeading id="open-data-sources">{t("sourcesTitle")}</SectionHeading>
        <ul className="mt-2 list-disc space-y-1 break-words pl-5 text-sm text-slate-700" data-testid="open-data-sources">
          {summary.sources.map((source) => (
            <li key={source}>{source}</li>
          ))}
        </ul>
        <SectionHeading className="mt-5">{t("licenceTitle")}</SectionHeading>
        <p className="mt-2 text-sm text-slate-700">{t("licenceData")}</p>
        <p className="mt-2 text-sm text-slate-700">{tMap("attribution")}</p>
      </Card>
    </div>
  );
}
