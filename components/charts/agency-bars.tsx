"use client";

import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/client";
import { BAR_COLORS, TICK } from "./chart-styles";

export type AgencyBar = { name: string; total: number };

/** The agencies' final totals, best first, with the classification thresholds as lines. */
export function AgencyBars({
  data,
  thresholds,
  maxScore,
  label,
}: {
  data: AgencyBar[];
  thresholds: { label: string; minScore: number }[];
  maxScore: number;
  label: string;
}) {
  const t = useTranslations("charts");
  const format = useFormat();
  const tooltipValue = (value: unknown) => (typeof value === "number" ? format.score(value) : "—");
  return (
    <BarChart
      responsive
      layout="vertical"
      style={{ width: "100%", height: Math.max(160, 28 * data.length + 50) }}
      data={data}
      margin={{ top: 22, right: 24, bottom: 4, left: 8 }}
      title={label}
    >
      <CartesianGrid stroke="#e2e8f0" horizontal={false} />
      <XAxis type="number" domain={[0, maxScore]} tick={TICK} />
      <YAxis type="category" dataKey="name" tick={TICK} width={190} interval={0} />
      <Tooltip formatter={tooltipValue} />
      {thresholds
        .filter((threshold) => threshold.minScore > 0)
        .map((threshold) => (
          <ReferenceLine
            key={threshold.label}
            x={threshold.minScore}
            stroke="#94a3b8"
            strokeDasharray="4 3"
            // On a phone the bars are too short for the labels not to overlap; the caption lists the thresholds.
            label={{ value: threshold.label, position: "top", fontSize: 11, fill: "#475569", className: "max-sm:hidden" }}
          />
        ))}
      <Bar dataKey="total" name={t("finalScore")} fill={BAR_COLORS.value} isAnimationActive={false} />
    </BarChart>
  );
}
