// Styles shared by the server-rendered chart frames (captions, legends) and the lazily loaded
// recharts drawings, so that a legend swatch always matches its line.

// Printing lays the page out again without running a chart's resize code: the SVG, drawn at
// screen width, is scaled to the paper by its viewBox instead, and a chart is not split across pages.
export const PRINT_FIT =
  "print:break-inside-avoid print:shadow-none print:[&_.recharts-wrapper]:h-auto! print:[&_svg.recharts-surface]:h-auto! print:[&_svg.recharts-surface]:w-full! print:[&_.recharts-legend-wrapper]:static!";

// Lines differ by colour AND dash pattern, so they stay apart in grey print and for colour-blind readers.
export const LINE_STYLES = [
  { stroke: "#1d5fbf", dash: undefined },
  { stroke: "#c2410c", dash: "8 4" },
  { stroke: "#7c3aed", dash: "2 3" },
  { stroke: "#0f766e", dash: "12 4 2 4" },
];
export const AVERAGE_STYLE = { stroke: "#64748b", dash: "2 4" };

/** Reference lines of the bar chart: the national average, then the region's. */
export const AVERAGE_COLORS = ["#b45309", "#047857"];

/** Bars of a comparison: the unit, the national average, the leading province. */
export const BAR_COLORS = { value: "#1d5fbf", average: "#94a3b8", leader: "#047857" };

export const TICK = { fontSize: 12, fill: "#334155" };

/** Bars coloured by classification, best band first (green to red); unclassified is grey. */
export const BAND_COLORS = ["#047857", "#1d5fbf", "#7c3aed", "#b45309", "#b91c1c"];
export const UNCLASSIFIED_COLOR = "#94a3b8";

/** The colour of a grade band by its place (0 = best), grey for none (-1). */
export function bandColor(index: number): string {
  return index < 0 ? UNCLASSIFIED_COLOR : BAND_COLORS[Math.min(index, BAND_COLORS.length - 1)];
}

/**
 * A score axis just wide enough for the values: from 5 points below the lowest, rounded down to a
 * multiple of 5 (never below 0), to the maximum score, so that close scores stay apart.
 */
export function scoreAxis(values: readonly number[], maxScore: number): [number, number] {
  if (values.length === 0) return [0, maxScore];
  const low = Math.max(0, Math.floor((Math.min(...values) - 5) / 5) * 5);
  return [Math.min(low, maxScore), maxScore];
}

/** Ticks every 5 points (every 10 or 20 on a wide axis) from the axis' low end to its high end. */
export function axisTicks(low: number, high: number): number[] {
  const step = high - low > 60 ? 20 : high - low > 30 ? 10 : 5;
  const ticks: number[] = [];
  for (let tick = low; tick < high; tick += step) ticks.push(tick);
  return [...ticks, high];
}
