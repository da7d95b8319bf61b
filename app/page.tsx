import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { getFormat } from "@/lib/i18n/server";
import { getProvinceMap } from "@/lib/maps/queries";
import { getNationalOverview } from "@/lib/overview/queries";
import { indexCodeSchema } from "@/lib/results/schema";
import { listProvinceIndices } from "@/lib/results/queries";
import type { RankingItem } from "@/lib/results/types";
import { ProvinceMap } from "@/components/maps/province-map";
import { FindProvinceForm } from "@/components/units/find-province-form";
import { ButtonLink } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { SiteFooter } from "@/components/ui/site-footer";
import { MAIN_ID, SiteHeader } from "@/components/ui/site-header";

type Search = { index?: string };

export default async function LandingPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [actor, t, landing, format, search, indices] = await Promise.all([
    currentActor(),
    getTranslations("public.home"),
    getTranslations("home.landing"),
    getFormat(),
    searchParams,
    listProvinceIndices(),
  ]);
  // An unknown index falls back to PAR INDEX: the home page always shows the national picture.
  const parsed = indexCodeSchema.safeParse(search.index ?? "PAR_INDEX");
  const indexCode = parsed.success && indices.some((index) => index.code === parsed.data) ? parsed.data : "PAR_INDEX";
  const overview = await getNationalOverview(indexCode);
  const map = overview.year !== null ? await getProvinceMap(indexCode, overview.year) : null;
  const rankingPath = overview.year !== null ? `/xep-hang?index=${indexCode}&year=${overview.year}` : `/xep-hang?index=${indexCode}`;
  const { current, previous, change } = overview.average;

  return (
    <>
      <SiteHeader user={actor ? { name: actor.name, role: actor.role } : null} />
      <main id={MAIN_ID} tabIndex={-1} className="mx-auto max-w-6xl space-y-6 px-4 py-8 focus:outline-none">
        <header className="space-y-3">
          <h1 className="max-w-3xl text-3xl font-bold leading-tight text-brand-900">{landing("title")}</h1>
          <p className="max-w-3xl text-slate-700">{landing("lead")}</p>
          <div className="flex flex-wrap gap-3">
            <ButtonLink href={rankingPath}>{t("rankings", { index: overview.index.shortName })}</ButtonLink>
            <ButtonLink href="/tinh" variant="outline">
              {t("findProvince")}
            </ButtonLink>
            <ButtonLink href="/so-sanh" variant="outline">
              {t("compare")}
            </ButtonLink>
            <ButtonLink href="/du-lieu" variant="outline">
              {t("openData")}
            </ButtonLink>
            {actor ? (
              <ButtonLink href="/trang-chu" variant="secondary" className="font-semibold">
                {landing("workspace")}
              </ButtonLink>
            ) : null}
          </div>
          <FindProvinceForm />
        </header>

        <nav className="flex gap-2 text-sm" aria-label={t("chooseIndex")}>
          {indices.map((index) => (
            <Link
              key={index.code}
              href={`/?index=${index.code}`}
              aria-current={index.code === indexCode ? "page" : undefined}
              className={
                index.code === indexCode
                  ? "rounded-full bg-brand-600 px-3 py-1 font-semibold text-white"
                  : "rounded-full border border-slate-300 px-3 py-1 hover:bg-slate-100"
              }
            >
              {index.shortName}
            </Link>
          ))}
        </nav>

        {overview.year === null || !map ? (
          <Callout tone="neutral">{t("noResults", { index: overview.index.shortName })}</Callout>
        ) : (
          <section aria-labelledby="buc-tranh" className="space-y-4">
            <h2 id="buc-tranh" className="text-2xl font-semibold text-brand-900">
              {t("yearHeading", { index: overview.index.shortName, year: overview.year })}
            </h2>
            <p className="text-sm text-slate-700" data-testid="completeness">
              {t("completeness", { known: overview.known, count: overview.unitCount })}
              {overview.sources.length > 0 ? ` ${t("sources", { sources: overview.sources.join(", ") })}` : null}{" "}
              {overview.known < overview.unitCount ? t("partial") : null}
            </p>
            <div className="grid gap-4 lg:grid-cols-[minmax(0,28rem)_1fr]">
              <ProvinceMap data={map} />
              <div className="space-y-4">
                <Card as="section" padding="md" aria-labelledby="trung-binh" data-testid="national-average">
                  <h3 id="trung-binh" className="font-semibold">
                    {t("average")}
                  </h3>
                  {current ? (
                    <p className="mt-1">
                      <strong className="text-2xl tabular-nums text-brand-900">{format.score(current.value)}%</strong>{" "}
                      {previous && change !== null ? (
                        <span className="text-sm text-slate-700">{t("averageChange", { change: format.signedPoints(change), year: previous.year })}</span>
                      ) : null}
                    </p>
                  ) : (
                    <p className="mt-1 text-sm text-slate-600">{t("noAverage", { year: overview.year })}</p>
                  )}
                  {overview.averages.length > 0 ? (
                    <table className="mt-2 text-sm">
                      <caption className="sr-only">{t("averageTrend")}</caption>
                      <thead>
                        <tr className="text-slate-600">
                          <th scope="col" className="pr-4 text-left font-medium">
                            {t("year")}
                          </th>
                          <th scope="col" className="text-right font-medium">
                            {t("averageColumn")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {overview.averages.map((point) => (
                          <tr key={point.year}>
                            <td className="pr-4">{point.year}</td>
                            <td className="text-right tabular-nums">{format.score(point.value)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                </Card>
                <UnitList
                  id="dung-dau"
                  title={overview.bottom.length > 0 ? t("top", { count: overview.top.length }) : t("known", { count: overview.top.length })}
                  items={overview.top}
                  unitCount={overview.unitCount}
                  testId="top-units"
                />
                {overview.bottom.length > 0 ? (
                  <UnitList
                    id="cuoi-bang"
                    title={t("bottom", { count: overview.bottom.length })}
                    items={overview.bottom}
                    unitCount={overview.unitCount}
                    testId="bottom-units"
                  />
                ) : null}
                <Card as="section" padding="md" aria-labelledby="thay-doi" data-testid="movers">
                  <h3 id="thay-doi" className="font-semibold">
                    {t("movers", { year: overview.year - 1 })}
                  </h3>
                  {overview.up.length + overview.down.length === 0 ? (
                    <p className="mt-1 text-sm text-slate-600">{t("noMovers", { year: overview.year - 1 })}</p>
                  ) : (
                    <ul className="mt-1 space-y-1 text-sm">
                      {[...overview.up, ...overview.down].map((item) => (
                        <li key={item.unitCode}>
                          <Link href={item.profilePath} className="link">
                            {item.unitName}
                          </Link>{" "}
                          <span className={item.change! > 0 ? "text-emerald-800" : "text-red-800"}>
                            {item.change! > 0 ? t("up", { places: item.change! }) : t("down", { places: -item.change! })}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </Card>
              </div>
            </div>
            <p className="text-sm">
              <Link href={rankingPath} className="font-semibold text-brand-700 underline">
                {t("fullTable", { index: overview.index.shortName, year: overview.year })}
              </Link>
            </p>
          </section>
        )}
      </main>
      <SiteFooter />
    </>
  );
}

async function UnitList({ id, title, items, unitCount, testId }: { id: string; title: string; items: RankingItem[]; unitCount: number; testId: string }) {
  const [t, format] = await Promise.all([getTranslations("public.home"), getFormat()]);
  return (
    <Card as="section" padding="md" aria-labelledby={id} data-testid={testId}>
      <h3 id={id} className="font-semibold">
        {title}
      </h3>
      <ol className="mt-1 space-y-1 text-sm">
        {items.map((item) => (
          <li key={item.unitCode} className="flex justify-between gap-3">
            <span>
              <span className="inline-block w-14 text-slate-600 tabular-nums">
                {item.rank !== null ? `${item.rank}/${unitCount}` : t("rankBounds", { min: item.rankMin, max: item.rankMax })}
              </span>
              <Link href={item.profilePath} className="link">
                {item.unitName}
              </Link>
            </span>
            <span className="tabular-nums">{item.score !== null ? format.score(item.score) : t("scoreNotPublished")}</span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
