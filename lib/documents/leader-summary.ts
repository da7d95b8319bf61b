// The leader's one-page summary of a year: PAR INDEX and SIPAS with rank and change, the year's
// targets and their status, the criteria that lost the most points, and the trend chart.
import type { LeaderDashboard } from "@/lib/dashboards/types";
import { formatFor } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translator";
import type { AdministrativeDocument, Block, Column } from "@/lib/io/document/model";
import { motto, numberLine, placeAndDate, recipients } from "./letterhead";
import { trendChartSvg } from "./trend-chart";
import type { DocumentSettings } from "./types";

const f = formatFor("vi");
/** The chart on paper, in millimetres: wide and low, its labels printed at 10 pt (./trend-chart.ts). */
const CHART = { width: 150, height: 40 };
/**
 * The lines of 11 pt table text one A4 page has room for beside the letterhead, the title, three
 * headings, the chart and the signature (checked by rendering the fullest summary: one page).
 */
export const TABLE_LINES = 16;
/** At most, when there is room: the targets listed and the weakest criteria. */
const MAX_TARGETS = 6;
const MAX_WEAK = 5;
/** The text width of the portrait page, in millimetres, and roughly the room a character of 11 pt Times takes. */
const TEXT_WIDTH = 165;
const MM_PER_CHARACTER = 1.75;

type Row = { cells: string[] };

/** The lines a row takes: its longest cell, wrapped at its column's width (an estimate by characters). */
export function rowLines(row: Row, columns: readonly Column[]): number {
  return Math.max(
    1,
    ...row.cells.map((cell, i) => Math.ceil(cell.length / Math.max(1, Math.floor((TEXT_WIDTH * columns[i].width) / 100 / MM_PER_CHARACTER - 1)))),
  );
}

/** The first rows that fit in `lines` with their header row; the rows left out are counted. */
export function rowsThatFit(rows: readonly Row[], columns: readonly Column[], lines: number): { rows: Row[]; used: number; left: number } {
  let used = rowLines({ cells: columns.map((c) => c.title) }, columns);
  const kept: Row[] = [];
  for (const row of rows) {
    const needed = rowLines(row, columns);
    if (used + needed > lines) break;
    kept.push(row);
    used += needed;
  }
  return { rows: kept, used, left: rows.length - kept.length };
}

export function leaderSummaryDocument(dashboard: LeaderDashboard, settings: DocumentSettings, today: string): AdministrativeDocument {
  const t = translator("vi", "documents");
  const c = translator("vi", "documents.columns");
  const s = translator("vi", "documents.leaderSummary");
  const year = dashboard.year;
  const province = dashboard.province?.name ?? "";
  // Each unit's latest result, with its rank and the change since the year before: one row each.
  const indexRows = dashboard.indices.flatMap((index) =>
    index.summary.map(({ label, latest }) => ({
      cells: [
        index.summary.length > 1 ? `${index.shortName} · ${label}` : index.shortName,
        String(latest.year),
        f.score(latest.score),
        latest.rank === null ? "" : s("rankOf", { rank: String(latest.rank), count: String(latest.unitCount) }),
        latest.change === null ? "" : f.signedPoints(latest.change),
      ],
    })),
  );
  const indexColumns: Column[] = [
    { title: c("index"), width: 44 },
    { title: c("year"), width: 9, align: "center" },
    { title: c("score"), width: 12, align: "right" },
    { title: c("rank"), width: 13, align: "center" },
    { title: c("change"), width: 22, align: "right" },
  ];
  const indices = rowsThatFit(indexRows, indexColumns, TABLE_LINES);
  const par = dashboard.indices[0];
  const series = (par?.history ?? []).slice(0, 4).map((h) => ({
    label: h.label, // A result published as a rank only has no point on the trend.
    points: h.rows.flatMap((r) => (r.score === null ? [] : [{ year: r.year, value: r.score }])),
  }));
  const period = dashboard.periods[0];
  const blocks: Block[] = [
    { kind: "heading", text: s("indicesHeading") },
    indices.rows.length ? { kind: "table", columns: indexColumns, rows: indices.rows } : { kind: "paragraph", runs: [{ text: s("noResult") }] },
  ];
  if (series.some((line) => line.points.length > 0))
    blocks.push({
      kind: "chart",
      svg: trendChartSvg(series, { year: s("chartYearAxis"), score: s("chartScoreAxis") }, CHART),
      ...CHART,
      caption: s("chartCaption", { index: par.shortName }),
    });
  blocks.push({ kind: "heading", text: s("targetsHeading", { year }) });
  const weakColumns: Column[] = [
    { title: c("code"), width: 10 },
    { title: c("criterion"), width: 60 },
    { title: c("max"), width: 15, align: "right" },
    { title: c("lost"), width: 15, align: "right" },
  ];
  const weakRows = (period?.lostCriteria ?? []).slice(0, MAX_WEAK).map((l) => ({ cells: [l.code, l.name, f.points(l.maxPoints), f.score(l.lost)] }));
  // Room kept for the weakest criterion at least (its lead line, the header row and its own row)
  // and for the line counting the targets left out.
  const weakReserve = weakRows.length ? 1 + rowsThatFit(weakRows.slice(0, 1), weakColumns, Number.POSITIVE_INFINITY).used : 1;
  const targetColumns: Column[] = [
    { title: c("target"), width: 50 },
    { title: c("actual"), width: 30 },
    { title: c("status"), width: 20 },
  ];
  const targets = rowsThatFit(
    dashboard.targets.slice(0, MAX_TARGETS).map((target) => ({
      cells: [`${target.unitLabel}: ${target.evaluation.targetText}`, target.evaluation.actualText, s(`status.${target.evaluation.status}`)],
    })),
    targetColumns,
    TABLE_LINES - indices.used - weakReserve - 1,
  );
  if (targets.rows.length) blocks.push({ kind: "table", columns: targetColumns, rows: targets.rows });
  else if (!dashboard.targets.length) blocks.push({ kind: "paragraph", runs: [{ text: s("noTargets", { year }) }] });
  // The targets left out for room: counted, the dashboard lists them all.
  const targetsLeft = dashboard.targets.length - targets.rows.length;
  if (targetsLeft > 0) {
    const text = targets.rows.length ? s("moreTargets", { count: String(targetsLeft) }) : s("targetsElsewhere", { year, count: String(targetsLeft) });
    blocks.push({ kind: "paragraph", runs: [{ text, italic: true }] });
  }
  blocks.push({ kind: "heading", text: s("weakHeading") });
  // The weakest first, as many as the page has room for (the lead line takes one).
  const weak = rowsThatFit(weakRows, weakColumns, TABLE_LINES - indices.used - (targets.rows.length ? targets.used : 1) - (targetsLeft > 0 ? 1 : 0) - 1);
  if (period && weak.rows.length) {
    blocks.push({
      kind: "paragraph",
      runs: [{ text: s("weakLead", { year: period.year, finalized: String(period.finalizedCount), count: String(period.agencyCount) }) }],
    });
    blocks.push({ kind: "table", columns: weakColumns, rows: weak.rows });
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
