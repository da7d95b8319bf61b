// The leader summary's trend chart as SVG: one line per unit over the years, vi-VN numbers. Drawn
// here rather than with the page's chart library (recharts renders in a browser): the PDF takes the
// SVG as vectors, Word a picture of it.

export type TrendSeries = { label: string; points: { year: number; value: number }[] };

const W = 640;
const H = 260;
const PAD = { left: 48, right: 16, top: 16, bottom: 56 };
const COLOURS = ["#1d4ed8", "#b91c1c", "#047857", "#a16207"];
const FONT = "Liberation Serif, Times New Roman, serif";

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });

/** Nice bounds of the value axis: whole tens around the data. */
function bounds(values: number[]): [number, number] {
  const low = Math.floor(Math.min(...values) / 10) * 10;
  const high = Math.ceil(Math.max(...values) / 10) * 10;
  return low === high ? [low - 10, high + 10] : [low, high];
}

export function trendChartSvg(series: readonly TrendSeries[]): string {
  const points = series.flatMap((s) => s.points);
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  if (points.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}"></svg>`;
  const [low, high] = bounds(points.map((p) => p.value));
  const x = (year: number) => PAD.left + (years.length === 1 ? 0.5 : years.indexOf(year) / (years.length - 1)) * (W - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + (1 - (value - low) / (high - low)) * (H - PAD.top - PAD.bottom);
  const parts: string[] = [];
  for (let v = low; v <= high; v += (high - low) / 4) {
    parts.push(`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#d4d4d4" stroke-width="1"/>`);
    parts.push(`<text x="${PAD.left - 6}" y="${y(v) + 4}" font-size="11" text-anchor="end" font-family="${FONT}">${number.format(v)}</text>`);
  }
  for (const year of years)
    parts.push(`<text x="${x(year)}" y="${H - PAD.bottom + 16}" font-size="11" text-anchor="middle" font-family="${FONT}">${year}</text>`);
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const sorted = [...s.points].sort((a, b) => a.year - b.year);
    parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2.5" points="${sorted.map((p) => `${x(p.year)},${y(p.value)}`).join(" ")}"/>`);
    for (const p of sorted) parts.push(`<circle cx="${x(p.year)}" cy="${y(p.value)}" r="3.5" fill="${colour}"/>`);
    const legendX = PAD.left + i * 200;
    parts.push(`<rect x="${legendX}" y="${H - 22}" width="14" height="4" fill="${colour}"/>`);
    parts.push(`<text x="${legendX + 20}" y="${H - 16}" font-size="12" font-family="${FONT}">${escapeXml(s.label)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}">${parts.join("")}</svg>`;
}

/** The chart's height for a given width, in the same unit. */
export const chartHeight = (width: number) => (width * H) / W;
