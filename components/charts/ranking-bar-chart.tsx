import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/client";
import { Card } from "@/components/ui/card";
import { AVERAGE_COLORS, PRINT_FIT } from "./chart-styles";
import { RankingBars } from "./lazy";
import type { RankingBar } from "./ranking-bars";

/**
 * The scores of a year's ranking as horizontal bars, highest first, with the national (and the
 * region's) average. The axis starts at a round value below the lowest score, and says so: scores
 * are close together and bars from 0 would hide the differences the ranking is about.
 */
export function RankingBarChart({
  title,
  bars,
  partial,
  averages,
  tableId,
}: {
  title: string;
  bars: RankingBar[];
  partial: boolean;
  averages: { label: string; value: number }[];
  /** The table holding the same data (for screen readers and copying). */
  tableId: string;
}) {
  const t = useTranslations("charts");
  const format = useFormat();
  const sorted = [...bars].sort((a, b) => b.score - a.score);
  const lowest = Math.min(...sorted.map((bar) => bar.score), ...averages.map((a) => a.value));
  const axisStart = Math.max(0, Math.floor((lowest - 5) / 10) * 10);
  return (
    <Card as="figure" padding="sm" className={PRINT_FIT} data-testid="ranking-chart">
      <figcaption className="mb-2 text-sm">
        <span className="font-semibold">{title}</span>
        {partial ? (
          <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900" data-testid="chart-partial">
            {t("partial")}
          </span>
        ) : null}
        {averages.length > 0 ? (
          <ul className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-700" data-testid="chart-averages">
            {averages.map((average, i) => (
              <li key={average.label}>
                <svg width="24" height="10" aria-hidden className="mr-1.5 inline-block align-middle">
                  <line x1="0" y1="5" x2="24" y2="5" stroke={AVERAGE_COLORS[i % AVERAGE_COLORS.length]} strokeWidth="2" strokeDasharray="6 4" />
                </svg>
                {average.label} {format.score(average.value)}
              </li>
            ))}
          </ul>
        ) : null}
        <span className="block text-xs text-slate-500">
          {t.rich("axisNote", {
            start: axisStart,
            table: (chunks) => (
              <a href={`#${tableId}`} className="text-brand-700 underline">
                {chunks}
              </a>
            ),
          })}
        </span>
      </figcaption>
      <div
        className="max-w-3xl print:min-h-0!"
        style={{ minHeight: 48 + sorted.length * 30 }}
        role="img"
        aria-label={t("rankingLabel", { title, count: sorted.length })}
      >
        <RankingBars bars={sorted} axisStart={axisStart} averages={averages.map((a) => a.value)} />
      </div>
    </Card>
  );
}
