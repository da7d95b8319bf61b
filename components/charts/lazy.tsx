"use client";

// recharts (about 100 kB gzipped) is loaded after the page, never in its first load: the captions,
// legends and data tables are server-rendered and usable at once; the drawing follows. Every chart
// of the portal is drawn by one of these four; the placeholders keep the drawing's height.
import dynamic from "next/dynamic";

function ChartPlaceholder({ height }: { height: number }) {
  return <div style={{ height }} className="w-full rounded bg-slate-50" />;
}

export const RankingBars = dynamic(() => import("./ranking-bars").then((m) => m.RankingBars), { ssr: false });
export const TrendLines = dynamic(() => import("./trend-lines").then((m) => m.TrendLines), {
  ssr: false,
  loading: () => <ChartPlaceholder height={260} />,
});
export const ComparisonBars = dynamic(() => import("./comparison-bars").then((m) => m.ComparisonBars), {
  ssr: false,
  loading: () => <ChartPlaceholder height={280} />,
});
export const AgencyBars = dynamic(() => import("./agency-bars").then((m) => m.AgencyBars), {
  ssr: false,
  loading: () => <ChartPlaceholder height={300} />,
});
