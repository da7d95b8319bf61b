"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat } from "@/lib/i18n/client";
import { BAR_COLORS, TICK } from "./chart-styles";

export type ComparisonBar = { name: string; value: number; average: number | null; leader: number | null };

/**
 * A unit's components against the national average and the province ranked first. Drawn under
 * aria-hidden (the table beside it gives every figure), so without Recharts' keyboard layer: a hidden
 * element must take no focus.
 */
export function ComparisonBars({ data, labels }: { data: ComparisonBar[]; labels: { value: string; average: string; leader: string } }) {
  const format = useFormat();
  const tooltipValue = (value: unknown) => (typeof value === "number" ? format.score(value) : "—");
  return (
    <BarChart
      responsive
      accessibilityLayer={false}
      style={{ width: "100%", height: 280 }}
      data={data}
      margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
      title={labels.value}
    >
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="name" tick={TICK} interval={0} />
      <YAxis tick={TICK} width={40} />
      <Tooltip formatter={tooltipValue} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="value" name={labels.value} fill={BAR_COLORS.value} isAnimationActive={false} />
      <Bar dataKey="average" name={labels.average} fill={BAR_COLORS.average} isAnimationActive={false} />
      <Bar dataKey="leader" name={labels.leader} fill={BAR_COLORS.leader} isAnimationActive={false} />
    </BarChart>
  );
}
