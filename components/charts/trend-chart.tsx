import { AVERAGE_KEY, type TrendPoint, type TrendSeries } from "@/lib/profiles/trend";
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

/**
 * A profile's trend: one line per unit (never a combined one), a line only between consecutive
 * years with data. Scores with the national average, or ranks with 1 at the top.
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
  /** Number of units ranked (the bottom of the rank axis). */
  maxRank?: number;
  tableId: string;
}) {
  const withAverage = metric === "score" && points.some((point) => typeof point[AVERAGE_KEY] === "number");
  const values = points.flatMap((point) => Object.entries(point).filter(([key, value]) => key !== "year" && typeof value === "number").map(([, value]) => value as number));
  // Round ticks: every 5 points from just below the lowest score; ranks 1, 10, 20… and the last.
  const scoreFloor = values.length === 0 ? 0 : Math.max(0, Math.floor((Math.min(...values) - 3) / 5) * 5);
  const bottom = maxRank ?? Math.max(1, ...values);
  const [yDomain, yTicks]: [[number, number], number[]] =
    metric === "score"
      ? [[scoreFloor, 100], Array.from({ length: (100 - scoreFloor) / 5 + 1 }, (_, i) => scoreFloor + i * 5)]
      : [[1, bottom], [1, ...Array.from({ length: Math.floor(bottom / 10) }, (_, i) => (i + 1) * 10).filter((rank) => rank <= bottom - 5), bottom]];
  return (
    <figure className={`rounded-xl border border-slate-200 bg-white p-4 shadow-sm ${PRINT_FIT}`} data-testid={`trend-${metric}`}>
      <figcaption className="mb-2 text-sm font-semibold">
        {title}
        <span className="block text-xs font-normal text-slate-500">
          Mỗi đơn vị một đường, không cộng gộp; năm không có số liệu để trống. Số liệu có trong{" "}
          <a href={`#${tableId}`} className="text-brand-700 underline">
            bảng bên dưới
          </a>
          .
        </span>
      </figcaption>
      {points.length === 0 ? (
        <p className="text-sm text-slate-500">{metric === "rank" ? "Chưa có thứ hạng xác định nào." : "Chưa có số liệu."}</p>
      ) : (
        <>
          {/* The legend is HTML: it wraps long unit names and prints at any width. */}
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
                Trung bình cả nước
              </li>
            ) : null}
          </ul>
          <div className="min-h-[260px] print:min-h-0" role="img" aria-label={`${title}: ${series.map((s) => s.label).join("; ")}. Số liệu trong bảng bên dưới.`}>
            <TrendLines metric={metric} points={points} series={series} withAverage={withAverage} yDomain={yDomain} yTicks={yTicks} />
          </div>
        </>
      )}
    </figure>
  );
}
