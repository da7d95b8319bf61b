import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { indexCodeSchema } from "@/lib/results/schema";
import { NotFoundError } from "@/lib/errors";
import { getFormat } from "@/lib/i18n/server";
import { getProvinceProfile } from "@/lib/profiles/queries";
import { profileDateSchema, provinceCodeSchema, targetRankSchema } from "@/lib/profiles/schema";
import { trendPoints } from "@/lib/profiles/trend";
import { profileMapYear } from "@/lib/maps/geometry";
import { getProvinceMap, resultYears } from "@/lib/maps/queries";
import { currentYearInVietnam } from "@/lib/time";
import { TrendChart } from "@/components/charts/trend-chart";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ProvinceMap } from "@/components/maps/province-map";
import { ProfileResultsTable } from "@/components/tables/profile-results-table";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { FilterField, filterInputClass } from "@/components/ui/field";

type Params = { code: string };
type Search = { ngay?: string; index?: string; hang?: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const [{ code }, t] = await Promise.all([params, getTranslations("units.profile")]);
  return { title: t("title", { code }) };
}

export default async function ProvinceProfilePage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  const [{ code }, search, t, format] = await Promise.all([params, searchParams, getTranslations("units.profile"), getFormat()]);
  const codeParsed = provinceCodeSchema.safeParse(code);
  if (!codeParsed.success) return <ErrorBox message={codeParsed.error.issues[0].message} />;
  const dateParsed = profileDateSchema.safeParse(search.ngay);
  if (!dateParsed.success) return <ErrorBox message={dateParsed.error.issues[0].message} />;
  // A bad index or rank only affects the "score needed" form: the profile is still shown.
  const indexParsed = indexCodeSchema.optional().safeParse(search.index || undefined);
  const targetParsed = targetRankSchema.safeParse(search.hang);
  const formError = !indexParsed.success ? indexParsed.error.issues[0].message : !targetParsed.success ? targetParsed.error.issues[0].message : null;

  let profile: Awaited<ReturnType<typeof getProvinceProfile>>;
  try {
    profile = await getProvinceProfile(codeParsed.data, dateParsed.data, {
      indexCode: indexParsed.success ? (indexParsed.data ?? null) : null,
      target: targetParsed.success ? targetParsed.data : null,
    });
  } catch (error) {
    if (error instanceof NotFoundError) return <ErrorBox message={error.message} />;
    throw error;
  }
  const { unit, scoreForRank } = profile;
  // The province on the map of its own period (63 or 34 units), for the first index it is ranked by.
  const mapIndex = profile.indices[0]?.code ?? null;
  const mapYear = mapIndex ? profileMapYear(await resultYears(mapIndex), currentYearInVietnam(), unit) : null;
  const map = mapIndex && mapYear !== null ? await getProvinceMap(mapIndex, mapYear) : null;

  return (
    <div className="space-y-8">
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_24rem]">
        <header className="space-y-3">
          <p className="no-print text-sm">
            <Link href="/xep-hang" className="link">
              {t("back")}
            </Link>
          </p>
          <h1 className="text-2xl font-bold text-brand-900" data-testid="profile-name">
            {unit.name}
          </h1>
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-500">{t("kind")}</dt>
            <dd>
              {t("kindCode", { kind: t(`kinds.${unit.kind}`), code: unit.code })}
              {unit.codeDecision ? <span className="text-slate-500"> ({unit.codeDecision})</span> : null}
            </dd>
            <dt className="text-slate-500">{t("validity")}</dt>
            <dd data-testid="validity">
              {unit.validTo
                ? `${format.calendarDate(unit.validFrom)} – ${format.calendarDate(unit.validTo)}`
                : t("validFrom", { date: format.calendarDate(unit.validFrom) })}
            </dd>
            <dt className="text-slate-500">{t("region")}</dt>
            <dd data-testid="region">{unit.regionName ?? <span className="text-slate-600">{unit.regionNote ?? t("noRegion")}</span>}</dd>
            {profile.formedFrom.length > 0 ? (
              <>
                <dt className="text-slate-500">{t("formedFrom")}</dt>
                <dd data-testid="formed-from">
                  <UnitLinks links={profile.formedFrom} />{" "}
                  {t("lineage", { basis: profile.formedFrom[0].legalBasis, date: format.calendarDate(profile.formedFrom[0].effectiveOn) })}
                </dd>
              </>
            ) : null}
            {profile.wentInto.length > 0 ? (
              <>
                <dt className="text-slate-500">{t("wentInto")}</dt>
                <dd data-testid="went-into">
                  <UnitLinks links={profile.wentInto} />{" "}
                  {t("lineage", { basis: profile.wentInto[0].legalBasis, date: format.calendarDate(profile.wentInto[0].effectiveOn) })}
                </dd>
              </>
            ) : null}
          </dl>
          {profile.formedFrom.length > 1 ? (
            <Callout tone="info" size="sm">
              {t("merged", { date: format.calendarDate(unit.validFrom) })}
            </Callout>
          ) : null}
        </header>
        {map ? <ProvinceMap data={map} highlight={unit.code} /> : null}
      </div>

      {profile.indices.map((index) => {
        const score = trendPoints(
          index.rows,
          index.lines.map((line) => ({ id: line.id, label: line.label })),
          "score",
          index.nationalAverages,
        );
        const rank = trendPoints(
          index.rows,
          index.lines.map((line) => ({ id: line.id, label: line.label })),
          "rank",
        );
        const tableId = `bang-${index.code.toLowerCase()}`;
        return (
          <section key={index.code} className="space-y-3" aria-labelledby={`tieu-de-${index.code}`} data-testid={`index-${index.code}`}>
            <h2 id={`tieu-de-${index.code}`} className="text-xl font-semibold text-brand-900">
              {index.shortName} <span className="text-base font-normal text-slate-600">· {index.nameVi}</span>
            </h2>
            {index.rows.length === 0 ? (
              <Callout tone="neutral" className="text-sm">
                {profile.formedFrom.length > 0
                  ? t("noResultsMerged", { index: index.shortName, unit: unit.name })
                  : t("noResults", { index: index.shortName, unit: unit.name })}
              </Callout>
            ) : (
              <>
                <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 print:grid-cols-1">
                  <TrendChart
                    title={t("scoreChart", { index: index.shortName })}
                    metric="score"
                    points={score.points}
                    series={score.series}
                    tableId={tableId}
                  />
                  <TrendChart
                    title={t("rankChart", { index: index.shortName })}
                    metric="rank"
                    points={rank.points}
                    series={rank.series}
                    maxRank={Math.max(...index.rows.map((row) => row.unitCount))}
                    tableId={tableId}
                  />
                </div>
                <ClientMessages namespaces={["units.profileTable", "results.table"]}>
                  <ProfileResultsTable index={index} id={tableId} currentUnitId={unit.id} />
                </ClientMessages>
              </>
            )}
          </section>
        );
      })}

      <Card as="section" className="space-y-3" aria-labelledby="diem-can" data-testid="score-for-rank-section">
        <h2 id="diem-can" className="text-xl font-semibold text-brand-900">
          {t("scoreForRank", { rank: scoreForRank.target })}
        </h2>
        <p className="text-sm text-slate-600">
          {scoreForRank.year
            ? t("scoreForRankLeadYear", { index: scoreForRank.index.shortName, year: scoreForRank.year })
            : t("scoreForRankLead", { index: scoreForRank.index.shortName })}
          {scoreForRank.targetIsDefault ? t("scoreForRankDefault") : null}
        </p>
        <form method="get" className="no-print flex flex-wrap items-end gap-3" aria-label={t("scoreForRankForm")}>
          {search.ngay ? <input type="hidden" name="ngay" value={search.ngay} /> : null}
          <FilterField label={t("index")}>
            <select name="index" defaultValue={scoreForRank.index.code} className={filterInputClass}>
              {profile.indices.map((index) => (
                <option key={index.code} value={index.code}>
                  {index.shortName}
                </option>
              ))}
            </select>
          </FilterField>
          <FilterField label={t("targetRank")}>
            <input
              name="hang"
              type="number"
              min={1}
              max={scoreForRank.unitCount || undefined}
              defaultValue={scoreForRank.target}
              className={`w-24 ${filterInputClass}`}
            />
          </FilterField>
          <Button type="submit">{t("compute")}</Button>
        </form>
        {formError || scoreForRank.error ? (
          <Callout tone="error" size="sm" data-testid="score-for-rank-error">
            {formError ?? scoreForRank.error}
          </Callout>
        ) : (
          <p className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="score-for-rank">
            {scoreForRank.sentence}
          </p>
        )}
      </Card>
    </div>
  );
}

function UnitLinks({ links }: { links: { unit: { id: number; label: string; path: string } }[] }) {
  return (
    <>
      {links.map((link, i) => (
        <span key={link.unit.id}>
          {i > 0 ? ", " : null}
          <Link href={link.unit.path} className="link print:text-slate-900">
            {link.unit.label}
          </Link>
        </span>
      ))}
    </>
  );
}

async function ErrorBox({ message }: { message: string }) {
  const t = await getTranslations("units.profile");
  return (
    <Callout tone="error">
      {message}{" "}
      <Link href="/xep-hang" className="font-semibold underline">
        {t("toRanking")}
      </Link>
    </Callout>
  );
}
