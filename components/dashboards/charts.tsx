"use client";
// The dashboards' charts (recharts, drawn in the browser and loaded after the page: see
// lazy-charts.tsx). The pages always show a table of the same numbers next to each chart: that
// table is the accessible and copyable form of the data.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatScore } from "@/lib/format";
import { AVERAGE_STYLE, LINE_STYLES } from "@/components/charts/chart-styles";

const BAR_COLORS = { value: "#1d5fbf", average: "#94a3b8", leader: "#047857" };

const tooltipValue = (value: unknown) => (typeof value === "number" ? formatScore(value) : "—");
const tick = { fontSize: 12, fill: "#334155" };
// Charts are not redrawn for print: the SVG scales down with its viewBox and the legend follows it.
const frame = "w-full print:[&_.recharts-legend-wrapper]:!static print:[&_.recharts-wrapper]:!w-full";

export type TrendSeries = { key: string; label: string; average?: boolean };

/** Scores by year, one line per unit (and the national average, dashed). Gaps are bridged. */
export function TrendChart({ data, series, label }: { data: Record<string, number | null>[]; series: TrendSeries[]; label: string }) {
  return (
    <div className={frame}>
      <LineChart responsive style={{ width: "100%", height: 280 }} data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }} title={label}>
        <CartesianGrid stroke="#e2e8f0" />
        {/* Years on a number scale: gaps between published years keep their width. */}
        <XAxis dataKey="year" type="number" domain={["dataMin", "dataMax"]} ticks={data.map((d) => d.year as number)} tick={tick} padding={{ left: 12, right: 12 }} />
        <YAxis tick={tick} domain={["dataMin - 5", "dataMax + 3"]} tickFormatter={(v: number) => String(Math.round(v))} width={40} />
        <Tooltip formatter={tooltipValue} labelFormatter={(year) => `Năm ${year}`} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s, i) => {
          // Lines differ by colour and dash pattern, so they stay apart in grey print.
          const style = s.average ? AVERAGE_STYLE : LINE_STYLES[i % LINE_STYLES.length];
          return (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              type="linear"
              connectNulls
              isAnimationActive={false}
              stroke={style.stroke}
              strokeDasharray={style.dash}
              strokeWidth={2}
              dot={{ r: s.average ? 2 : 4, strokeDasharray: "0" }}
            />
          );
        })}
      </LineChart>
    </div>
  );
}

export type ComponentBar = { name: string; value: number; average: number | null; leader: number | null };

/** A unit's components against the national average and the province ranked first. */
export function ComponentsChart({ data, labels }: { data: ComponentBar[]; labels: { value: string; average: string; leader: string } }) {
  return (
    <div className={frame}>
      <BarChart responsive style={{ width: "100%", height: 280 }} data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }} title={labels.value}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="name" tick={tick} interval={0} />
        <YAxis tick={tick} width={40} />
        <Tooltip formatter={tooltipValue} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="value" name={labels.value} fill={BAR_COLORS.value} isAnimationActive={false} />
        <Bar dataKey="average" name={labels.average} fill={BAR_COLORS.average} isAnimationActive={false} />
        <Bar dataKey="leader" name={labels.leader} fill={BAR_COLORS.leader} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}

export type AgencyBar = { name: string; total: number };

/** The agencies' final totals, best first, with the classification thresholds as lines. */
export function AgenciesChart({ data, thresholds, maxScore, label }: { data: AgencyBar[]; thresholds: { label: string; minScore: number }[]; maxScore: number; label: string }) {
  return (
    <div className={frame}>
      <BarChart
        responsive
        layout="vertical"
        style={{ width: "100%", height: Math.max(160, 28 * data.length + 50) }}
        data={data}
        margin={{ top: 22, right: 24, bottom: 4, left: 8 }}
        title={label}
      >
        <CartesianGrid stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" domain={[0, maxScore]} tick={tick} />
        <YAxis type="category" dataKey="name" tick={tick} width={190} interval={0} />
        <Tooltip formatter={tooltipValue} />
        {thresholds
          .filter((t) => t.minScore > 0)
          .map((t) => (
            <ReferenceLine key={t.label} x={t.minScore} stroke="#94a3b8" strokeDasharray="4 3" label={{ value: t.label, position: "top", fontSize: 11, fill: "#475569" }} />
          ))}
        <Bar dataKey="total" name="Điểm cuối cùng" fill={BAR_COLORS.value} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
