"use client";

// recharts (about 100 kB gzipped) is loaded after the page, never in its first load: the captions,
// legends and data tables are server-rendered and usable at once; the drawing follows.
import dynamic from "next/dynamic";

export const RankingBars = dynamic(() => import("./ranking-bars").then((m) => m.RankingBars), { ssr: false });
export const TrendLines = dynamic(() => import("./trend-lines").then((m) => m.TrendLines), { ssr: false });
