"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/client";
import { AVERAGE_KEY, type TrendPoint, type TrendSeries } from "@/lib/profiles/trend";
import { AVERAGE_STYLE, LINE_STYLES, TICK } from "./chart-styles";

/**
 * The drawing of TrendDrawing (trend-chart.tsx): one line per series, and the national average.
 * A missing year leaves a gap, or with `bridgeGaps` a straight line to the next year with data.
 */
export function TrendLines({
  metric,
  points,
  series,
  withAverage,
  yDomain,
  yTicks,
  bridgeGaps = false,
}: {
  metric: "score" | "rank";
  points: TrendPoint[];
  series: TrendSeries[];
  withAverage: boolean;
  yDomain: [number, number];
  yTicks: number[];
  bridgeGaps?: boolean;
}) {
  const t = useTranslations("charts");
  const format = useFormat();
  const value = (v: number) => (metric === "score" ? format.score(v) : format.integer(v));
  return (
    <LineChart responsive accessibilityLayer={false} style={{ width: "100%", height: 260 }} data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" />
      {/* Years on a number scale: gaps between published years keep their width. */}
      <XAxis
        dataKey="year"
        type="number"
        domain={["dataMin", "dataMax"]}
        ticks={points.map((point) => point.year)}
        tickFormatter={String}
        tick={TICK}
        interval="equidistantPreserveStart"
        allowDecimals={false}
        padding={{ left: 12, right: 12 }}
      />
      <YAxis reversed={metric === "rank"} domain={yDomain} ticks={yTicks} tick={TICK} interval={0} allowDecimals={false} width={40} />
      <Tooltip labelFormatter={(year) => t("year", { year: String(year) })} formatter={(v) => (typeof v === "number" ? value(v) : "—")} />
      {series.map((line, i) => {
        const style = LINE_STYLES[i % LINE_STYLES.length];
        return (
          <Line
            key={line.key}
            dataKey={line.key}
            name={line.label}
            stroke={style.stroke}
            strokeDasharray={style.dash}
            strokeWidth={2}
            dot={{ r: 4, fill: style.stroke, strokeDasharray: "0" }}
            connectNulls={bridgeGaps}
            isAnimationActive={false}
          />
        );
      })}
      {withAverage ? (
        <Line
          dataKey={AVERAGE_KEY}
          name={t("nationalAverage")}
          stroke={AVERAGE_STYLE.stroke}
          strokeDasharray={AVERAGE_STYLE.dash}
          strokeWidth={2}
          dot={{ r: 3, fill: AVERAGE_STYLE.stroke, strokeDasharray: "0" }}
          connectNulls={bridgeGaps}
          isAnimationActive={false}
        />
      ) : null}
    </LineChart>
  );
}
