// The leader's one-page summary of a year: PAR INDEX and SIPAS with rank and change, the year's
// targets and their status, the criteria that lost the most points, and the trend chart.
import type { LeaderDashboard } from "@/lib/dashboards/types";
import { formatFor } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translator";
import type { AdministrativeDocument, Block } from "@/lib/io/document/model";
import { motto, numberLine, placeAndDate, recipients } from "./letterhead";
import { chartHeight, trendChartSvg } from "./trend-chart";
import type { DocumentSettings } from "./types";

const f = formatFor("vi");
/** What fits on one page beside the rest. */
const MAX_TARGETS = 6;
const MAX_WEAK = 5;
const CHART_WIDTH = 130;

export function leaderSummaryDocument(dashboard: LeaderDashboard, settings: DocumentSettings, today: string): AdministrativeDocument {
  const t = translator("vi", "documents");
  const c = translator("vi", "documents.columns");
  const s = translator("vi", "documents.leaderSummary");
  const year = dashboard.year;
  const province = dashboard.province?.name ?? "";
  const indexRows = dashboard.indices.flatMap((index) =>
    index.summary.flatMap((unit) =>
      [unit.latest, unit.previous].flatMap((result) =>
        result
          ? [
              {
                cells: [
                  index.summary.length > 1 ? `${index.shortName} · ${unit.label}` : index.shortName,
                  String(result.year),
                  f.score(result.score),
                  result.rank === null ? "" : s("rankOf", { rank: String(result.rank), count: String(result.unitCount) }),
                  result.change === null ? "" : f.signedPoints(result.change),
                ],
              },
            ]
          : [],
      ),
    ),
  );
  const par = dashboard.indices[0];
  const series = (par?.history ?? []).slice(0, 4).map((h) => ({
    label: h.label, // A result published as a rank only has no point on the trend.
    points: h.rows.flatMap((r) => (r.score === null ? [] : [{ year: r.year, value: r.score }])),
  }));
  const period = dashboard.periods[0];
  const blocks: Block[] = [
    { kind: "heading", text: s("indicesHeading") },
    indexRows.length
      ? {
          kind: "table",
          columns: [
            { title: c("index"), width: 40 },
            { title: c("year"), width: 12, align: "center" },
            { title: c("score"), width: 16, align: "right" },
            { title: c("rank"), width: 16, align: "center" },
            { title: c("change"), width: 16, align: "right" },
          ],
          rows: indexRows,
        }
      : { kind: "paragraph", runs: [{ text: s("noResult") }] },
  ];
  if (series.some((line) => line.points.length > 0))
    blocks.push({
      kind: "chart",
      svg: trendChartSvg(series),
      width: CHART_WIDTH,
      height: chartHeight(CHART_WIDTH),
      caption: s("chartCaption", { index: par.shortName }),
    });
  blocks.push({ kind: "heading", text: s("targetsHeading", { year }) });
  blocks.push(
    dashboard.targets.length
      ? {
          kind: "table",
          columns: [
            { title: c("target"), width: 50 },
            { title: c("actual"), width: 28 },
            { title: c("status"), width: 22 },
          ],
          rows: dashboard.targets.slice(0, MAX_TARGETS).map((target) => ({
            cells: [`${target.unitLabel}: ${target.evaluation.targetText}`, target.evaluation.actualText, s(`status.${target.evaluation.status}`)],
          })),
        }
      : { kind: "paragraph", runs: [{ text: s("noTargets", { year }) }] },
  );
  blocks.push({ kind: "heading", text: s("weakHeading") });
  if (period?.lostCriteria.length) {
    blocks.push({
      kind: "paragraph",
      runs: [{ text: s("weakLead", { year: period.year, finalized: String(period.finalizedCount), count: String(period.agencyCount) }) }],
    });
    blocks.push({
      kind: "table",
      columns: [
        { title: c("code"), width: 12 },
        { title: c("criterion"), width: 58 },
        { title: c("max"), width: 15, align: "right" },
        { title: c("lost"), width: 15, align: "right" },
      ],
      rows: period.lostCriteria.slice(0, MAX_WEAK).map((l) => ({ cells: [l.code, l.name, f.points(l.maxPoints), f.score(l.lost)] })),
    });
  } else blocks.push({ kind: "paragraph", runs: [{ text: s("noWeak") }] });
  return {
    title: s("title", { year, province }),
    landscape: false,
    parentBody: settings.peoplesCommittee,
    issuingBody: settings.homeAffairs,
    motto: motto(),
    number: numberLine(settings.symbols["leader-summary"]),
    placeAndDate: placeAndDate(settings.place, today),
    kind: t("kinds.report"),
    subject: s("subject", { year }),
    reference: null,
    blocks,
    signature: { authority: null, position: settings.director.title, name: settings.director.name },
    recipients: recipients([t("committeeRecipient", { committee: settings.peoplesCommittee })], settings),
  };
}
