// The leader summary's trend chart as SVG: one line per unit over the years, vi-VN numbers. Drawn
// here rather than with the page's chart library (recharts renders in a browser): the PDF takes the
// SVG as vectors, Word a picture of it. The SVG's unit is the printed point (its viewBox is the
// chart's size on paper), so a label of font-size 10 prints at 10 pt whatever the chart's size.
import { MM_TO_PT } from "@/lib/io/document/model";

export type TrendSeries = { label: string; points: { year: number; value: number }[] };
/** The axes' titles, from the catalogue. */
export type TrendAxes = { year: string; score: string };

/** Sizes in points, as printed. */
const TEXT = 10;
const LEGEND_ROW = 16;
const PAD = { left: 26, right: 14 };
const COLOURS = ["#1d4ed8", "#b91c1c", "#047857", "#a16207"];
const FONT = "Liberation Serif, Times New Roman, serif";
/** More years than this and every other year is labelled. */
const MAX_YEAR_LABELS = 12;

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
const round = (n: number) => Math.round(n * 100) / 100;
/** A generous estimate of a label's width in Times at `size` pt (no font metrics here): places the legend's entries. */
const textWidth = (text: string, size: number) => text.length * size * 0.5;

/** Nice bounds of the value axis: whole fives around the data. */
function bounds(values: number[]): [number, number] {
  const low = Math.floor(Math.min(...values) / 5) * 5;
  const high = Math.ceil(Math.max(...values) / 5) * 5;
  return low === high ? [low - 5, high + 5] : [low, high];
}

/** The years the axis runs over, every one of them (a year without a result keeps its place), and those it labels. */
export function yearAxis(years: readonly number[]): { first: number; last: number; labelled: number[] } {
  const first = Math.min(...years);
  const last = Math.max(...years);
  const step = last - first + 1 > MAX_YEAR_LABELS ? 2 : 1;
  const labelled: number[] = [];
  for (let year = first; year <= last; year += step) labelled.push(year);
  return { first, last, labelled };
}

/** The chart, `width`×`height` millimetres on paper. */
export function trendChartSvg(series: readonly TrendSeries[], axes: TrendAxes, size: { width: number; height: number }): string {
  const W = round(size.width * MM_TO_PT);
  const H = round(size.height * MM_TO_PT);
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}pt" height="${H}pt" viewBox="0 0 ${W} ${H}">`;
  const points = series.flatMap((s) => s.points);
  if (points.length === 0) return `${open}</svg>`;
  const axis = yearAxis(points.map((p) => p.year));
  const [low, high] = bounds(points.map((p) => p.value));
  // Top to bottom: the legend, the plot, the years, the axis title.
  const plot = { top: LEGEND_ROW + 6, bottom: H - 2 * TEXT - 10, left: PAD.left, right: W - PAD.right };
  const span = axis.last - axis.first;
  // Years spaced by their distance in time: a gap in the results shows as a gap.
  const x = (year: number) => round(span === 0 ? (plot.left + plot.right) / 2 : plot.left + 8 + ((year - axis.first) / span) * (plot.right - plot.left - 16));
  const y = (value: number) => round(plot.top + (1 - (value - low) / (high - low)) * (plot.bottom - plot.top));
  const label = (tx: number, ty: number, text: string, anchor: "start" | "middle" | "end", extra = "") =>
    `<text x="${round(tx)}" y="${round(ty)}" font-size="${TEXT}" text-anchor="${anchor}" font-family="${FONT}"${extra}>${escapeXml(text)}</text>`;
  const parts: string[] = [];
  const step = (high - low) / 4;
  for (let v = low; v <= high + 1e-9; v += step) {
    parts.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${y(v)}" y2="${y(v)}" stroke="#c8c8c8" stroke-width="0.5"/>`);
    parts.push(label(plot.left - 4, y(v) + TEXT * 0.35, number.format(v), "end"));
  }
  // The year axis: a line with a tick at every year, labelled by year, and its title below.
  parts.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" stroke="#000" stroke-width="0.7"/>`);
  for (let year = axis.first; year <= axis.last; year++)
    parts.push(`<line x1="${x(year)}" x2="${x(year)}" y1="${plot.bottom}" y2="${plot.bottom + 3}" stroke="#000" stroke-width="0.7"/>`);
  for (const year of axis.labelled) parts.push(label(x(year), plot.bottom + 3 + TEXT, String(year), "middle"));
  parts.push(label((plot.left + plot.right) / 2, H - 2, axes.year, "middle", ' font-style="italic"'));
  // The value axis' title above its labels, then the legend on the same row.
  parts.push(label(2, LEGEND_ROW - 4, axes.score, "start", ' font-style="italic"'));
  let legendX = plot.left + textWidth(axes.score, TEXT) + 12;
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const sorted = [...s.points].sort((a, b) => a.year - b.year);
    parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="1.5" points="${sorted.map((p) => `${x(p.year)},${y(p.value)}`).join(" ")}"/>`);
    for (const p of sorted) parts.push(`<circle cx="${x(p.year)}" cy="${y(p.value)}" r="2.2" fill="${colour}"/>`);
    parts.push(`<rect x="${round(legendX)}" y="${LEGEND_ROW - 8}" width="12" height="3" fill="${colour}"/>`);
    parts.push(label(legendX + 16, LEGEND_ROW - 4, s.label, "start"));
    legendX += 16 + textWidth(s.label, TEXT) + 14;
  });
  return `${open}${parts.join("")}</svg>`;
}
