// The year's ranking of the province's agencies across its published periods (issue 17: a
// framework per peer group): by percentage of each agency's applicable maximum, overall and within
// its peer group, whichever framework scored it.
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { forbidden, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { getYearRanking } from "@/lib/assessments/year/queries";
import { ForbiddenError } from "@/lib/errors";
import { getFormat } from "@/lib/i18n/server";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { FilterField, filterInputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scoring.year"))("title") };
}

export default async function YearRankingPage({ searchParams }: { searchParams: Promise<{ nam?: string; tinh?: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const query = await searchParams;
  const provinceId = actor.provinceId ?? (Number(query.tinh) || null);
  if (provinceId === null) forbidden();
  const ranking = await getYearRanking(actor, provinceId, Number(query.nam) || null).catch((error) => {
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  });
  const [t, ts, format] = await Promise.all([getTranslations("scoring.year"), getTranslations("scoring.period"), getFormat()]);
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: "/danh-gia", label: t("back") }}
        title={ranking.year === null ? t("title") : t("heading", { year: String(ranking.year), province: ranking.provinceName })}
        lead={t("lead")}
      />
      {ranking.year === null ? (
        <Callout tone="neutral">{t("none")}</Callout>
      ) : (
        <>
          <Card as="section" className="space-y-3 text-sm">
            <form method="get" className="flex flex-wrap items-end gap-3">
              {actor.provinceId === null ? <input type="hidden" name="tinh" value={provinceId} /> : null}
              <FilterField label={t("year")}>
                <select name="nam" defaultValue={ranking.year} className={filterInputClass}>
                  {ranking.years.map((year) => (
                    <option key={year} value={year}>
                      {year}
                    </option>
                  ))}
                </select>
              </FilterField>
              <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100">
                {t("show")}
              </button>
            </form>
            <ul className="list-inside list-disc text-slate-700" data-testid="year-periods">
              {ranking.periods.map((p) => (
                <li key={p.id}>
                  <Link href={`/danh-gia/${p.id}`} className="link">
                    {p.peerGroup ? t("periodForGroup", { framework: p.framework, group: p.peerGroup }) : p.framework}
                  </Link>{" "}
                  · {t("agencies", { count: p.agencyCount })}
                </li>
              ))}
            </ul>
          </Card>
          <DataTable data-testid="year-ranking">
            <THead>
              <Th>{t("rank")}</Th>
              <Th>{ts("peerRank")}</Th>
              <Th>{t("agency")}</Th>
              <Th>{t("framework")}</Th>
              <Th numeric>{t("final")}</Th>
              <Th numeric>{ts("percent")}</Th>
            </THead>
            <TBody>
              {ranking.rows.map((row) => (
                <tr key={row.assessmentId} data-agency={row.agencyCode}>
                  <Td className="font-semibold tabular-nums">{row.rank}</Td>
                  <Td className="tabular-nums">{row.peerRank ?? "—"}</Td>
                  <Td className="font-medium">
                    {row.agencyName}
                    {row.group ? <span className="block text-xs text-slate-500">{row.group}</span> : null}
                  </Td>
                  <Td className="text-xs">{row.framework}</Td>
                  <Td numeric>{format.score(row.finalTotal)}</Td>
                  <Td numeric className="font-semibold">
                    {ts("percentValue", { value: format.score(row.percent) })}
                    <span className="block text-xs font-normal text-slate-500">{ts("applicableMax", { max: format.score(row.applicableMax) })}</span>
                  </Td>
                </tr>
              ))}
            </TBody>
          </DataTable>
        </>
      )}
    </div>
  );
}
