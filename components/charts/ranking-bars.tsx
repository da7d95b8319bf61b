"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/client";
import { AVERAGE_COLORS } from "./chart-styles";

export type RankingBar = { name: string; score: number };

/** The drawing of RankingBarChart (ranking-bar-chart.tsx), bars already sorted. */
export function RankingBars({ bars, axisStart, averages }: { bars: RankingBar[]; axisStart: number; averages: number[] }) {
  const t = useTranslations("charts");
  const format = useFormat();
  return (
    <BarChart
      responsive
      accessibilityLayer={false}
      style={{ width: "100%", height: 48 + bars.length * 30 }}
      data={bars}
      layout="vertical"
      margin={{ top: 8, right: 56, bottom: 8, left: 8 }}
    >
      <CartesianGrid horizontal={false} strokeDasharray="3 3" />
      <XAxis type="number" domain={[axisStart, 100]} tickFormatter={(value: number) => format.points(value)} />
      <YAxis type="category" dataKey="name" width={170} interval={0} tick={{ fontSize: 12 }} />
      <Tooltip formatter={(value) => [format.score(Number(value)), t("score")]} />
      <Bar dataKey="score" fill="#1d5fbf" isAnimationActive={false} barSize={18}>
        <LabelList dataKey="score" position="right" formatter={(value) => format.score(Number(value))} style={{ fontSize: 12, fill: "#0f172a" }} />
      </Bar>
      {averages.map((value, i) => (
        <ReferenceLine key={i} x={value} stroke={AVERAGE_COLORS[i % AVERAGE_COLORS.length]} strokeDasharray="6 4" strokeWidth={2} />
      ))}
    </BarChart>
  );
}
