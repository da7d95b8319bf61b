import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getRanking, latestResultYear, listProvinceIndices, UnknownIndexError } from "@/lib/results/queries";
import { filterByRegion, NO_REGION, rankByComponent, unknownRegionMessage } from "@/lib/results/ranking-view";
import { componentParamSchema, indexCodeSchema, regionParamSchema, yearSchema } from "@/lib/results/schema";
import { getFormat } from "@/lib/i18n/server";
import { mapYears } from "@/lib/maps/geometry";
import { getProvinceMap } from "@/lib/maps/queries";
import { currentYearInVietnam } from "@/lib/time";
import { RankingBarChart } from "@/components/charts/ranking-bar-chart";
import { ProvinceMap } from "@/components/maps/province-map";
import { FindProvinceForm } from "@/components/units/find-province-form";
import { ComponentRankingTable } from "@/components/tables/component-ranking-table";
import { GroupLegend, RankingTable } from "@/components/tables/ranking-table";
import { Button, buttonClass } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { FilterField, filterInputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rankings"))("title") };
}

type Search = { index?: string; year?: string; region?: string; component?: string };

export default async function RankingPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const [indices, t, format] = await Promise.all([listProvinceIndices(), getTranslations("rankings"), getFormat()]);
  const indexParsed = indexCodeSchema.safeParse(params.index ?? "PAR_INDEX");
  if (!indexParsed.success) return <ErrorBox message={indexParsed.error.issues[0].message} />;
  const regionParsed = regionParamSchema.safeParse(params.region);
  if (!regionParsed.success) return <ErrorBox message={regionParsed.error.issues[0].message} />;
  const region = regionParsed.data;
  const componentParsed = componentParamSchema.safeParse(params.component);
  if (!componentParsed.success) return <ErrorBox message={componentParsed.error.issues[0].message} />;

  // Without a year, show the latest year that has results.
  let year: number | null = null;
  if (params.year !== undefined && params.year !== "") {
    const yearParsed = yearSchema.safeParse(params.year);
    if (!yearParsed.success) return <ErrorBox message={yearParsed.error.issues[0].message} />;
    year = yearParsed.data;
  }
  let ranking: Awaited<ReturnType<typeof getRanking>>;
  try {
    year ??= (await latestResultYear(indexParsed.data)) ?? new Date().getFullYear();
    ranking = await getRanking(indexParsed.data, year);
  } catch (error) {
    if (error instanceof UnknownIndexError) return <ErrorBox message={error.message} />;
    throw error;
  }
  const regionProblem = unknownRegionMessage(ranking.regions, region);
  if (regionProblem) return <ErrorBox message={regionProblem} />;
  const map = await getProvinceMap(ranking.index.code, ranking.year);
  // The years with results, and the latest one due, whose boundaries (and units) may be new.
  const yearOptions = [...new Set([ranking.year, ...mapYears(ranking.years, currentYearInVietnam())])].sort((a, b) => b - a);

  // Ranks stay national under a region filter; units without a region are named, never dropped silently.
  const { items, unassigned } = filterByRegion(ranking.items, region);
  const regionName = region && region !== NO_REGION ? (ranking.regions.find((r) => r.code === region)?.nameVi ?? null) : null;
  const filtered = region === NO_REGION || regionName !== null;
  const regionHeading = region === NO_REGION ? t("noRegionHeading") : regionName ? t("regionHeading", { region: regionName }) : null;
  const regionAverage = region ? ranking.regionAverages.find((r) => r.regionCode === region) : undefined;
  const hasUnassigned = ranking.items.some((item) => item.regionCode === null);
  const query = new URLSearchParams({ index: ranking.index.code, year: String(ranking.year), ...(region ? { region } : {}) });
  // Ranking by a component, where the year's results publish it (never an empty table or chart).
  const component = componentParsed.data ? (ranking.components.find((c) => c.code === componentParsed.data) ?? null) : null;
  const byComponent = component ? rankByComponent(items, component.code, ranking.unitCount) : [];
  const index = ranking.index.shortName;
  const title =
    region === NO_REGION
      ? t("titleNoRegion", { index, year: ranking.year })
      : regionName
        ? t("titleRegion", { index, year: ranking.year, region: regionName })
        : t("titleYear", { index, year: ranking.year });

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("heading", { index, year: ranking.year })}
        actions={
          <form method="get" className="no-print flex flex-wrap items-end gap-3" aria-label={t("choose")}>
            <FilterField label={t("index")}>
              <select name="index" defaultValue={ranking.index.code} className={filterInputClass}>
                {indices.map((option) => (
                  <option key={option.code} value={option.code}>
                    {option.shortName}
                  </option>
                ))}
              </select>
            </FilterField>
            <FilterField label={t("year")}>
              <select name="year" defaultValue={String(ranking.year)} className={filterInputClass}>
                {yearOptions.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </FilterField>
            <FilterField label={t("region")}>
              <select name="region" defaultValue={region ?? ""} className={filterInputClass}>
                <option value="">{t("nationwide")}</option>
                {ranking.regions.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.nameVi}
                  </option>
                ))}
                {hasUnassigned || region === NO_REGION ? <option value={NO_REGION}>{t("noRegion")}</option> : null}
              </select>
            </FilterField>
            {ranking.components.length > 0 ? (
              <FilterField label={t("byComponent.label")}>
                <select name="component" defaultValue={component?.code.toLowerCase() ?? ""} className={filterInputClass} data-testid="component-select">
                  <option value="">{t("byComponent.total")}</option>
                  {ranking.components.map((c) => (
                    <option key={c.code} value={c.code.toLowerCase()}>
                      {c.nameVi}
                    </option>
                  ))}
                </select>
              </FilterField>
            ) : null}
            <Button type="submit">{t("view")}</Button>
          </form>
        }
      >
        {regionHeading ? (
          <p className="font-semibold text-brand-700" data-testid="region-heading">
            {t("nationalRanks", { heading: regionHeading })}
          </p>
        ) : null}
        <p className="text-slate-600">{t("lead", { index: ranking.index.nameVi })}</p>
      </PageHeader>

      <nav className="no-print flex gap-2 text-sm" aria-label={t("index")}>
        {indices.map((option) => (
          <Link
            key={option.code}
            href={`/xep-hang?${new URLSearchParams({ index: option.code, year: String(ranking.year), ...(region ? { region } : {}) })}`}
            aria-current={option.code === ranking.index.code ? "page" : undefined}
            className={
              option.code === ranking.index.code
                ? "rounded-full bg-brand-600 px-3 py-1 font-semibold text-white"
                : "rounded-full border border-slate-300 px-3 py-1 hover:bg-slate-100"
            }
          >
            {option.shortName}
          </Link>
        ))}
      </nav>

      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,28rem)_1fr]">
        <ProvinceMap data={map} />
        <Card as="section" padding="md" className="no-print space-y-2">
          <FindProvinceForm />
          <p className="text-sm">
            <Link href="/so-sanh" className="font-semibold text-brand-700 underline">
              {t("compareLink")}
            </Link>
          </p>
        </Card>
      </div>

      {ranking.items.length === 0 ? (
        <Callout tone="neutral" className="text-slate-700">
          {t("noResults", { index, year: ranking.year })}
        </Callout>
      ) : (
        <>
          {ranking.partial ? (
            <Callout tone="warn" role="note" data-testid="partial-note" className="text-sm">
              {t.rich("partial", {
                known: ranking.items.length,
                count: ranking.unitCount,
                year: ranking.year,
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </Callout>
          ) : null}
          {unassigned.length > 0 ? (
            <Callout tone="neutral" role="note" data-testid="unassigned-note" className="text-sm">
              {t.rich("unassigned", {
                units: unassigned.map((item) => item.unitName).join(", "),
                strong: (chunks) => <strong>{chunks}</strong>,
              })}{" "}
              <Link
                href={`/xep-hang?${new URLSearchParams({ index: ranking.index.code, year: String(ranking.year), region: NO_REGION })}`}
                className="font-semibold text-brand-700 underline"
              >
                {t("seeUnassigned")}
              </Link>
            </Callout>
          ) : null}
          {items.length === 0 ? (
            <Callout tone="neutral" className="text-slate-700">
              {filtered && regionName
                ? t("noResultsInRegion", { index, year: ranking.year, region: regionName })
                : t("noResultsInFilter", { index, year: ranking.year })}
            </Callout>
          ) : (
            <>
              {ranking.components.length === 0 || (componentParsed.data && !component) ? (
                <Callout tone="neutral" role="note" className="text-sm" data-testid="no-components-note">
                  {componentParsed.data && !component
                    ? t("byComponent.notPublished", { component: componentParsed.data.toLowerCase(), index, year: ranking.year })
                    : t("byComponent.none", { index, year: ranking.year })}
                </Callout>
              ) : null}
              {component && byComponent.length > 0 ? (
                <Card as="section" padding="md" aria-labelledby="component-ranking" className="space-y-3">
                  <h2 id="component-ranking" className="font-semibold text-brand-900">
                    {t("byComponent.heading", { component: component.nameVi, title })}
                  </h2>
                  <p className="text-sm text-slate-600">{t("byComponent.known", { known: byComponent.length, count: ranking.unitCount })}</p>
                  <ComponentRankingTable
                    id="bang-xep-hang-thanh-phan"
                    rows={byComponent}
                    unitCount={ranking.unitCount}
                    maxPoints={component.maxPoints}
                    caption={t("byComponent.heading", { component: component.nameVi, title })}
                  />
                </Card>
              ) : null}
              <RankingBarChart
                title={t("chartTitle", { title })}
                bars={items.flatMap((item) => (item.score === null ? [] : [{ name: item.unitName, score: item.score }]))}
                partial={ranking.partial}
                averages={[
                  ...(ranking.nationalAverage ? [{ label: t("nationalAverageShort"), value: ranking.nationalAverage.value }] : []),
                  ...(regionAverage ? [{ label: t("regionAverageShort"), value: regionAverage.value }] : []),
                ]}
                tableId="bang-xep-hang"
              />
              <div className="no-print flex flex-wrap items-center gap-2 text-sm">
                <span className="text-slate-600">{t("downloadShown")}</span>
                <a href={`/api/v1/rankings/export?${query}&format=csv`} download className={buttonClass("secondary", "sm", "font-semibold")}>
                  {t("downloadCsv")}
                </a>
                <a href={`/api/v1/rankings/export?${query}&format=xlsx`} download className={buttonClass("secondary", "sm", "font-semibold")}>
                  {t("downloadXlsx")}
                </a>
              </div>
              <RankingTable
                id="bang-xep-hang"
                items={items}
                unitCount={ranking.unitCount}
                caption={filtered ? t("tableCaptionFiltered", { title }) : t("tableCaption", { title })}
              />
              <GroupLegend groups={ranking.groups} />
            </>
          )}
        </>
      )}

      {ranking.nationalAverage || ranking.regionAverages.length > 0 ? (
        <Card as="section" padding="md">
          <h2 className="font-semibold">{t("averages", { year: ranking.year })}</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {ranking.nationalAverage ? (
              <li>
                {t("nationwideAverage")} <strong className="tabular-nums">{format.score(ranking.nationalAverage.value)}%</strong>{" "}
                <span className="text-slate-500">({ranking.nationalAverage.source})</span>
              </li>
            ) : null}
            {ranking.regionAverages.map((average) => (
              <li key={average.regionCode} className={average.regionCode === region ? "font-semibold text-brand-900" : undefined}>
                {average.regionName}: <strong className="tabular-nums">{format.score(average.value)}%</strong>
                {average.regionCode === region ? t("currentRegion") : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}

async function ErrorBox({ message }: { message: string }) {
  const t = await getTranslations("rankings");
  return (
    <Callout tone="error">
      {message}{" "}
      <Link href="/xep-hang" className="font-semibold underline">
        {t("latest")}
      </Link>
    </Callout>
  );
}
