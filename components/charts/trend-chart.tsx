import { useTranslations } from "next-intl";
import { AVERAGE_KEY, type TrendPoint, type TrendSeries } from "@/lib/profiles/trend";
import { Card } from "@/components/ui/card";
import { AVERAGE_STYLE, LINE_STYLES, PRINT_FIT } from "./chart-styles";
import { TrendLines } from "./lazy";

function Swatch({ stroke, dash }: { stroke: string; dash: string | undefined }) {
  return (
    <svg width="28" height="10" aria-hidden className="mr-1.5 inline-block align-middle">
      <line x1="0" y1="5" x2="28" y2="5" stroke={stroke} strokeWidth="2.5" strokeDasharray={dash} />
      <circle cx="14" cy="5" r="3" fill={stroke} />
    </svg>
  );
}

/** Round ticks: every 5 points from just below the lowest score; ranks 1, 10, 20… and the last. */
function axis(metric: "score" | "rank", points: TrendPoint[], maxRank: number | undefined): { domain: [number, number]; ticks: number[] } {
  const values = points.flatMap((point) =>
    Object.entries(point)
      .filter(([key, value]) => key !== "year" && typeof value === "number")
      .map(([, value]) => value as number),
  );
  if (metric === "score") {
    const floor = values.length === 0 ? 0 : Math.max(0, Math.floor((Math.min(...values) - 3) / 5) * 5);
    return { domain: [floor, 100], ticks: Array.from({ length: (100 - floor) / 5 + 1 }, (_, i) => floor + i * 5) };
  }
  const bottom = maxRank ?? Math.max(1, ...values);
  const tens = Array.from({ length: Math.floor(bottom / 10) }, (_, i) => (i + 1) * 10).filter((rank) => rank <= bottom - 5);
  return { domain: [1, bottom], ticks: [1, ...tens, bottom] };
}

/**
 * Lines by year, one per unit (never a combined one), with an HTML legend that wraps long unit
 * names and prints at any width. Scores with the national average, or ranks with 1 at the top.
 */
export function TrendDrawing({
  metric,
  points,
  series,
  maxRank,
  bridgeGaps,
  label,
}: {
  metric: "score" | "rank";
  points: TrendPoint[];
  series: TrendSeries[];
  /** Number of units ranked (the bottom of the rank axis). */
  maxRank?: number;
  bridgeGaps?: boolean;
  /** What the drawing shows, for screen readers (the data are in a table next to it). */
  label: string;
}) {
  const t = useTranslations("charts");
  const withAverage = metric === "score" && points.some((point) => typeof point[AVERAGE_KEY] === "number");
  const { domain, ticks } = axis(metric, points, maxRank);
  return (
    <>
      <ul className="mb-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" data-testid="legend">
        {series.map((line, i) => (
          <li key={line.key}>
            <Swatch {...LINE_STYLES[i % LINE_STYLES.length]} />
            {line.label}
          </li>
        ))}
        {withAverage ? (
          <li>
            <Swatch {...AVERAGE_STYLE} />
            {t("nationalAverage")}
          </li>
        ) : null}
      </ul>
      <div className="min-h-[260px] print:min-h-0" role="img" aria-label={label}>
        <TrendLines metric={metric} points={points} series={series} withAverage={withAverage} yDomain={domain} yTicks={ticks} bridgeGaps={bridgeGaps} />
      </div>
    </>
  );
}

/**
 * A profile's trend: one line per unit, a line only between consecutive years with data, in a
 * card whose caption points to the table of the same numbers.
 */
export function TrendChart({
  title,
  metric,
  points,
  series,
  maxRank,
  tableId,
}: {
  title: string;
  metric: "score" | "rank";
  points: TrendPoint[];
  series: TrendSeries[];
  maxRank?: number;
  tableId: string;
}) {
  const t = useTranslations("charts");
  return (
    <Card as="figure" padding="sm" className={PRINT_FIT} data-testid={`trend-${metric}`}>
      <figcaption className="mb-2 text-sm font-semibold">
        {title}
        <span className="block text-xs font-normal text-slate-500">
          {t.rich("trendNote", {
            table: (chunks) => (
              <a href={`#${tableId}`} className="text-brand-700 underline">
                {chunks}
              </a>
            ),
          })}
        </span>
      </figcaption>
      {points.length === 0 ? (
        <p className="text-sm text-slate-500">{metric === "rank" ? t("noRank") : t("noData")}</p>
      ) : (
        <TrendDrawing
          metric={metric}
          points={points}
          series={series}
          maxRank={maxRank}
          label={t("trendLabel", { title, lines: series.map((s) => s.label).join("; ") })}
        />
      )}
    </Card>
  );
}
