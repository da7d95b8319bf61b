// The leader's dashboard of a province: where it stands nationally (through the old units it was
// formed from, each on its own), its targets of the year, its agencies and weakest criteria.
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import type { IndexSection, LeaderDashboard, PeriodSection } from "@/lib/dashboards/types";
import { useFormat } from "@/lib/i18n/client";
import { AVERAGE_KEY, type TrendPoint } from "@/lib/profiles/trend";
import { rankLabel } from "@/lib/results/ranking-view";
import type { EvaluatedTarget } from "@/lib/targets/types";
import { IllustrativeBadge } from "@/components/assessments/badges";
import { bandColor, PRINT_FIT } from "@/components/charts/chart-styles";
import { AgencyBars, ComparisonBars } from "@/components/charts/lazy";
import { TrendDrawing } from "@/components/charts/trend-chart";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { RankChange } from "./badges";
import { TargetsTable } from "./targets-table";
import { SummaryStrip } from "./summary-strip";
import { SectionHeading } from "@/components/ui/section-heading";

export function LeaderDashboardView({ data }: { data: LeaderDashboard & { province: NonNullable<LeaderDashboard["province"]> } }) {
  const t = useTranslations("dashboards.leader");
  return (
    <div className="space-y-6">
      <SummaryStrip data={data} />

      <section aria-labelledby="national-heading" className="space-y-4">
        <SectionHeading id="national-heading">{t("national")}</SectionHeading>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 print:grid-cols-1">
          {data.indices.map((index) => (
            <NationalSummary key={index.code} index={index} province={data.province} />
          ))}
        </div>
      </section>

      <Targets targets={data.targets} year={data.year} />

      <section aria-labelledby="agencies-heading" className="space-y-4">
        <SectionHeading id="agencies-heading">{t("agencies", { year: data.year })}</SectionHeading>
        {data.periods.length === 0 ? (
          <Card as="p" padding="md" data-testid="no-period">
            {t("noPeriod", { year: data.year })}
          </Card>
        ) : (
          data.periods.map((period) => <Period key={period.id} period={period} />)
        )}
      </section>
      <section aria-labelledby="trend-heading" className="space-y-4">
        <SectionHeading id="trend-heading">{t("trend")}</SectionHeading>
        {data.indices.map((index) => (
          <Trend key={index.code} index={index} />
        ))}
      </section>

      <section aria-labelledby="components-heading" className="space-y-4">
        <SectionHeading id="components-heading">{t("components")}</SectionHeading>
        {data.indices.map((index) => (
          <Components key={index.code} index={index} />
        ))}
      </section>
    </div>
  );
}

function NationalSummary({ index, province }: { index: IndexSection; province: { label: string; firstResultYear: number } }) {
  const t = useTranslations("dashboards.leader");
  const format = useFormat();
  return (
    <Card padding="md" data-testid={`national-${index.code}`}>
      <h3 className="font-semibold">{index.shortName}</h3>
      <p className="text-sm text-slate-600">{t.rich("latestYear", { year: index.latestYear ?? "—", strong: (chunks) => <strong>{chunks}</strong> })}</p>
      {!index.selfHasResult ? (
        <Callout tone="warn" size="sm" className="mt-3" data-testid={`no-own-result-${index.code}`}>
          {t("noOwnResult", { province: province.label, index: index.shortName, year: province.firstResultYear })}
          {index.summary.length > 0 ? t("formedFromLines") : ""}
        </Callout>
      ) : null}
      {index.summary.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("noResult", { index: index.shortName })}</p>
      ) : (
        <div className="mt-3">
          <DataTable framed={false} data-testid={`summary-${index.code}`}>
            <caption className="sr-only">{t("summaryCaption", { index: index.shortName })}</caption>
            <THead>
              <Th>{t("unit")}</Th>
              <Th>{t("year")}</Th>
              <Th numeric>{t("scorePercent")}</Th>
              <Th>{t("rank")}</Th>
              <Th>{t("previousYear")}</Th>
              <Th>{t("change")}</Th>
            </THead>
            <TBody>
              {index.summary.map((s) => (
                <tr key={s.unitId} data-unit={s.unitId}>
                  <Td className="font-medium">
                    <Link href={s.profilePath} className="link">
                      {s.label}
                    </Link>
                  </Td>
                  <Td>{s.latest.year}</Td>
                  <Td numeric className="font-semibold">
                    {format.score(s.latest.score)}
                  </Td>
                  <Td className="tabular-nums">{rankLabel(s.latest, s.latest.unitCount, { ofCount: true })}</Td>
                  <Td className="text-xs text-slate-700">
                    {s.previous
                      ? t("previous", {
                          year: s.previous.year,
                          score: format.score(s.previous.score),
                          rank: rankLabel(s.previous, s.previous.unitCount, { ofCount: true }),
                        })
                      : t("noPrevious", { year: s.latest.year - 1 })}
                  </Td>
                  <Td>
                    <RankChange change={s.latest.change} />
                  </Td>
                </tr>
              ))}
            </TBody>
          </DataTable>
        </div>
      )}
    </Card>
  );
}

function Trend({ index }: { index: IndexSection }) {
  const t = useTranslations("dashboards.leader");
  const format = useFormat();
  if (index.history.length === 0) {
    return (
      <Card padding="md">
        <h3 className="font-semibold">{index.shortName}</h3>
        <p className="text-sm text-slate-600">{t("noTrend")}</p>
      </Card>
    );
  }
  const years = [...new Set([...index.history.flatMap((h) => h.rows.map((r) => r.year)), ...index.nationalAverages.map((a) => a.year)])].sort((a, b) => a - b);
  const first = Math.min(...index.history.flatMap((h) => h.rows.map((r) => r.year)));
  const shown = years.filter((y) => y >= first);
  const key = (unitId: number) => `u${unitId}`;
  const points: TrendPoint[] = shown.map((year) => ({
    year,
    ...Object.fromEntries(index.history.map((h) => [key(h.unitId), h.rows.find((r) => r.year === year)?.score ?? null])),
    [AVERAGE_KEY]: index.nationalAverages.find((a) => a.year === year)?.value ?? null,
  }));
  const caption = t("trendCaption", { index: index.shortName, year: first, units: index.history.map((h) => h.label).join(", ") });
  return (
    <Card as="figure" padding="md" aria-labelledby={`trend-${index.code}-caption`}>
      <figcaption id={`trend-${index.code}-caption`} className="font-semibold">
        {caption}
      </figcaption>
      <p className="text-xs text-slate-500">{t("trendNote")}</p>
      <div className={`mt-3 ${PRINT_FIT}`}>
        <TrendDrawing metric="score" points={points} series={index.history.map((h) => ({ key: key(h.unitId), label: h.label }))} label={caption} bridgeGaps />
      </div>
      <div className="mt-3">
        <DataTable framed={false} data-testid={`trend-table-${index.code}`}>
          <caption className="text-left text-xs text-slate-500">{t("trendTableCaption")}</caption>
          <THead>
            <Th>{t("year")}</Th>
            {index.history.map((h) => (
              <Th key={h.unitId} numeric>
                {h.label}
              </Th>
            ))}
            <Th numeric>{t("nationalAverage")}</Th>
          </THead>
          <TBody>
            {shown.map((year) => (
              <tr key={year} data-year={year}>
                <th scope="row" className="cell text-left font-medium">
                  {year}
                </th>
                {index.history.map((h) => {
                  const r = h.rows.find((row) => row.year === year);
                  return (
                    <Td key={h.unitId} numeric>
                      {r ? (
                        <>
                          {format.score(r.score)}{" "}
                          <span className="text-xs text-slate-500">{t("rankInTable", { rank: rankLabel(r, r.unitCount, { ofCount: true }) })}</span>
                        </>
                      ) : (
                        "—"
                      )}
                    </Td>
                  );
                })}
                <Td numeric>{format.score(index.nationalAverages.find((a) => a.year === year)?.value)}</Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      </div>
    </Card>
  );
}

function Components({ index }: { index: IndexSection }) {
  const t = useTranslations("dashboards.leader");
  const format = useFormat();
  if (index.components.length === 0) {
    return (
      <Card as="p" padding="md" className="text-sm text-slate-700" data-testid={`components-empty-${index.code}`}>
        {t.rich("noComponents", { index: index.shortName, strong: (chunks) => <strong>{chunks}</strong> })}
      </Card>
    );
  }
  return (
    <>
      {index.components.map((comparison) => {
        const leader = comparison.leader ? t("leaderOf", { year: comparison.year, province: comparison.leader.label }) : t("leaderProvince");
        const caption = t("componentsCaption", { index: index.shortName, year: comparison.year, unit: comparison.unitLabel });
        return (
          <Card
            as="figure"
            padding="md"
            key={`${comparison.unitLabel}-${comparison.year}`}
            aria-labelledby={`components-${index.code}-${comparison.year}`}
            data-testid={`components-${index.code}`}
          >
            <figcaption id={`components-${index.code}-${comparison.year}`} className="font-semibold">
              {caption}
            </figcaption>
            <p className="text-xs text-slate-500">
              {comparison.leader ? t("leaderScore", { leader, score: format.score(comparison.leader.score) }) : t("noLeader")} {t("emptyCell")}
            </p>
            <div aria-hidden className={`mt-3 ${PRINT_FIT}`}>
              <ComparisonBars
                data={comparison.items.map((item) => ({
                  name: item.nameVi,
                  value: item.value,
                  average: item.nationalAverage,
                  leader: item.leaderValue,
                }))}
                labels={{ value: comparison.unitLabel, average: t("nationalAverage"), leader }}
              />
            </div>
            <div className="mt-3">
              <DataTable framed={false}>
                <caption className="text-left text-xs text-slate-500">{t("chartData")}</caption>
                <THead>
                  <Th>{t("component")}</Th>
                  <Th numeric>{t("max")}</Th>
                  <Th numeric>{comparison.unitLabel}</Th>
                  <Th numeric>{t("nationalAverage")}</Th>
                  <Th numeric>{comparison.leader?.label ?? t("leaderProvince")}</Th>
                </THead>
                <TBody>
                  {comparison.items.map((item) => (
                    <tr key={item.code} data-component={item.code}>
                      <th scope="row" className="cell text-left font-medium">
                        {item.nameVi}
                      </th>
                      <Td numeric>{format.points(item.maxPoints)}</Td>
                      <Td numeric className="font-semibold">
                        {format.score(item.value)}
                      </Td>
                      <Td numeric>{format.score(item.nationalAverage)}</Td>
                      <Td numeric>{format.score(item.leaderValue)}</Td>
                    </tr>
                  ))}
                </TBody>
              </DataTable>
            </div>
          </Card>
        );
      })}
    </>
  );
}

function Targets({ targets, year }: { targets: EvaluatedTarget[]; year: number }) {
  const t = useTranslations("dashboards.leader");
  return (
    <Card as="section" padding="md" aria-labelledby="targets-heading">
      <SectionHeading id="targets-heading">{t("targets", { year })}</SectionHeading>
      {targets.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700" data-testid="targets-empty">
          {t("noTargets", { year })}
        </p>
      ) : (
        <div className="mt-3">
          <TargetsTable targets={targets} testId="targets-table" showUnit />
        </div>
      )}
    </Card>
  );
}

function Period({ period }: { period: PeriodSection }) {
  const t = useTranslations("dashboards.leader");
  const tw = useTranslations("work.summary");
  const ta = useTranslations("assessments");
  const format = useFormat();
  const published = period.status === "PUBLISHED";
  const caption = t("standingsCaption", { count: period.standings.length, year: period.year });
  return (
    <div className="space-y-4">
      <Card padding="md">
        <p className="text-sm text-slate-700">
          {period.frameworkName}
          {period.illustrative ? <IllustrativeBadge /> : null} ·{" "}
          {t("periodLine", { status: ta(`periodStatus.${period.status}`), finalized: period.finalizedCount, agencies: period.agencyCount })} ·{" "}
          <Link href={`/danh-gia/${period.id}`} className="link">
            {t("periodLink")}
          </Link>
        </p>
        {!published ? (
          <Callout tone="warn" size="sm" className="mt-2">
            {t("notPublished")}
          </Callout>
        ) : null}
        {period.standings.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600" data-testid={`no-standings-${period.year}`}>
            {tw("noFinalized", { year: period.year, agencies: period.agencyCount })}
          </p>
        ) : (
          <figure className="mt-3" aria-labelledby={`agencies-${period.id}-caption`}>
            <figcaption id={`agencies-${period.id}-caption`} className="font-semibold">
              {caption}
            </figcaption>
            <div aria-hidden className={`mt-2 ${PRINT_FIT}`}>
              <AgencyBars
                label={caption}
                data={period.standings.map((s) => ({ name: s.name, total: s.finalTotal, classification: s.classification }))}
                thresholds={period.gradeBands}
                maxScore={period.maxScore}
              />
            </div>
            <BandLegend bands={period.gradeBands} classified={published} />
            <div className="mt-3">
              <DataTable framed={false} data-testid={`standings-${period.year}`}>
                <caption className="text-left text-xs text-slate-500">
                  {t("standingsTableCaption", {
                    bands: period.gradeBands.map((b) => `${b.label} ≥ ${format.points(b.minScore)}`).join("; "),
                  })}
                </caption>
                <THead>
                  <Th>{t("rank")}</Th>
                  <Th>{t("agency")}</Th>
                  <Th numeric>{t("finalScore")}</Th>
                  <Th>{t("classification")}</Th>
                </THead>
                <TBody>
                  {period.standings.map((s) => (
                    <tr key={s.agencyId} data-agency={s.code}>
                      <Td className="font-semibold tabular-nums" label={t("rank")}>
                        {s.rank ?? "—"}
                      </Td>
                      <Td label={t("agency")}>
                        <Link href={`/co-quan/${s.agencyId}?nam=${period.year}`} className="link">
                          {s.name}
                        </Link>
                      </Td>
                      <Td numeric className="font-semibold" label={t("finalScore")}>
                        {format.score(s.finalTotal)}
                      </Td>
                      <Td label={t("classification")}>{s.classification ?? "—"}</Td>
                    </tr>
                  ))}
                </TBody>
              </DataTable>
            </div>
          </figure>
        )}
      </Card>

      <Card padding="md">
        <h3 className="font-semibold">{t("lostTitle", { year: period.year })}</h3>
        <p className="text-xs text-slate-500">{t("lostLead", { finalized: period.finalizedCount })}</p>
        {period.finalizedCount === 0 ? (
          <p className="mt-2 text-sm text-slate-600" data-testid={`no-lost-${period.year}`}>
            {tw("noFinalizedLost", { year: period.year })}
          </p>
        ) : period.lostCriteria.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("noLost")}</p>
        ) : (
          <div className="mt-3">
            <DataTable framed={false} data-testid={`lost-criteria-${period.year}`}>
              <THead>
                <Th>{t("code")}</Th>
                <Th>{t("criterion")}</Th>
                <Th numeric>{t("max")}</Th>
                <Th numeric>{t("lost")}</Th>
                <Th numeric>{t("notScored")}</Th>
                <Th numeric>{t("belowMax")}</Th>
              </THead>
              <TBody>
                {period.lostCriteria.map((c) => (
                  <tr key={c.code} data-code={c.code}>
                    <Td className="tabular-nums">{c.code}</Td>
                    <Td>{c.name}</Td>
                    <Td numeric>{format.points(c.maxPoints)}</Td>
                    <Td numeric className="font-semibold">
                      {format.points(c.lost)}
                    </Td>
                    <Td numeric>
                      {c.notScored}/{c.assessed}
                    </Td>
                    <Td numeric>
                      {c.belowMax}/{c.assessed}
                    </Td>
                  </tr>
                ))}
              </TBody>
            </DataTable>
          </div>
        )}
      </Card>
    </div>
  );
}

/** What each bar colour means, with the thresholds in words (the table says each agency's classification too). */
function BandLegend({ bands, classified }: { bands: PeriodSection["gradeBands"]; classified: boolean }) {
  const t = useTranslations("work.summary");
  const format = useFormat();
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label={t("legend")} data-testid="band-legend">
      {(classified ? bands : []).map((band, i) => (
        <li key={band.label} className="flex items-center gap-1">
          <span aria-hidden className="inline-block h-3 w-3 rounded-sm" style={{ background: bandColor(i) }} />
          {t("band", { label: band.label, min: format.points(band.minScore) })}
        </li>
      ))}
      {classified ? null : (
        <li className="flex items-center gap-1">
          <span aria-hidden className="inline-block h-3 w-3 rounded-sm" style={{ background: bandColor(-1) }} />
          {t("unclassified")}
        </li>
      )}
    </ul>
  );
}
