"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/client";
import { axisTicks, bandColor, scoreAxis, TICK } from "./chart-styles";

export type AgencyBar = { name: string; total: number; classification: string | null };

/**
 * The agencies' final totals, best first, on an axis just wide enough for them (87,5 and 97,2 must not
 * look alike), each bar coloured by its classification and labelled with score and classification in
 * words, so colour is never the only carrier; the classification thresholds as lines.
 */
export function AgencyBars({
  data,
  thresholds,
  maxScore,
  label,
}: {
  data: AgencyBar[];
  /** The grade bands, best first. */
  thresholds: { label: string; minScore: number }[];
  maxScore: number;
  label: string;
}) {
  const t = useTranslations("charts");
  const format = useFormat();
  const tooltipValue = (value: unknown) => (typeof value === "number" ? format.score(value) : "—");
  const [low, high] = scoreAxis(
    data.map((d) => d.total),
    maxScore,
  );
  const bandIndex = (classification: string | null) => thresholds.findIndex((b) => b.label === classification);
  // A phone has no room for the labels beside the bars: the table under the chart gives each one.
  const narrow = useSyncExternalStore(subscribeNarrow, isNarrow, () => false);
  return (
    <BarChart
      responsive
      // The drawing is hidden from assistive technology (the table under it gives every figure), so it
      // must take no keyboard focus either: Recharts' keyboard layer would make it a focusable hidden element.
      accessibilityLayer={false}
      layout="vertical"
      style={{ width: "100%", height: Math.max(160, 30 * data.length + 50) }}
      data={data}
      margin={{ top: 22, right: narrow ? 12 : 112, bottom: 4, left: 4 }}
      title={label}
    >
      <CartesianGrid stroke="#e2e8f0" horizontal={false} />
      <XAxis type="number" domain={[low, high]} ticks={axisTicks(low, high)} allowDataOverflow tick={TICK} tickFormatter={(v: number) => format.points(v)} />
      <YAxis type="category" dataKey="name" tick={TICK} width={narrow ? 110 : 150} interval={0} />
      <Tooltip formatter={tooltipValue} />
      {thresholds
        .filter((threshold) => threshold.minScore > low && threshold.minScore < high)
        .map((threshold) => (
          <ReferenceLine
            key={threshold.label}
            x={threshold.minScore}
            stroke="#64748b"
            strokeDasharray="4 3"
            // On a phone the bars are too short for the labels not to overlap; the legend lists the thresholds.
            label={{ value: threshold.label, position: "top", fontSize: 11, fill: "#475569", className: "max-sm:hidden" }}
          />
        ))}
      <Bar dataKey="total" name={t("finalScore")} isAnimationActive={false}>
        {data.map((d) => (
          <Cell key={d.name} fill={bandColor(bandIndex(d.classification))} />
        ))}
        {narrow ? null : (
          <LabelList
            dataKey="total"
            position="right"
            fontSize={11}
            fill="#1e293b"
            formatter={(value: unknown) => {
              const entry = data.find((d) => d.total === value);
              return typeof value === "number" ? `${format.score(value)}${entry?.classification ? ` · ${entry.classification}` : ""}` : "";
            }}
          />
        )}
      </Bar>
    </BarChart>
  );
}

const NARROW = "(max-width: 639px)";
function subscribeNarrow(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}
function isNarrow(): boolean {
  return window.matchMedia(NARROW).matches;
}
