"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatScore } from "@/lib/format";
import { AVERAGE_KEY, type TrendPoint, type TrendSeries } from "@/lib/profiles/trend";
import { AVERAGE_STYLE, LINE_STYLES } from "./chart-styles";

/** The drawing of TrendChart (trend-chart.tsx): one line per series, gaps where a year is missing. */
export function TrendLines({
  metric,
  points,
  series,
  withAverage,
  yDomain,
  yTicks,
}: {
  metric: "score" | "rank";
  points: TrendPoint[];
  series: TrendSeries[];
  withAverage: boolean;
  yDomain: [number, number];
  yTicks: number[];
}) {
  const format = (value: number) => (metric === "score" ? formatScore(value) : String(value));
  return (
    <LineChart responsive accessibilityLayer={false} style={{ width: "100%", height: 260 }} data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis
        dataKey="year"
        type="number"
        domain={["dataMin", "dataMax"]}
        ticks={points.map((point) => point.year)}
        tickFormatter={String}
        interval="equidistantPreserveStart"
        allowDecimals={false}
        padding={{ left: 12, right: 12 }}
      />
      <YAxis reversed={metric === "rank"} domain={yDomain} ticks={yTicks} interval={0} allowDecimals={false} width={40} />
      <Tooltip labelFormatter={(year) => `Năm ${year}`} formatter={(value) => format(Number(value))} />
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
            connectNulls={false}
            isAnimationActive={false}
          />
        );
      })}
      {withAverage ? (
        <Line
          dataKey={AVERAGE_KEY}
          name="Trung bình cả nước"
          stroke={AVERAGE_STYLE.stroke}
          strokeDasharray={AVERAGE_STYLE.dash}
          strokeWidth={2}
          dot={{ r: 3, fill: AVERAGE_STYLE.stroke, strokeDasharray: "0" }}
          connectNulls={false}
          isAnimationActive={false}
        />
      ) : null}
    </LineChart>
  );
}
