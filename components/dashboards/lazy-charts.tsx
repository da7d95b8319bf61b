"use client";
// recharts is loaded after the page, never in its first load: captions and data tables are
// server-rendered and usable at once, the drawings follow. The placeholders keep their height.
import dynamic from "next/dynamic";

const placeholder = (height: number) =>
  function ChartPlaceholder() {
    return <div style={{ height }} className="w-full rounded bg-slate-50" />;
  };

export const TrendChart = dynamic(() => import("./charts").then((m) => m.TrendChart), { ssr: false, loading: placeholder(280) });
export const ComponentsChart = dynamic(() => import("./charts").then((m) => m.ComponentsChart), { ssr: false, loading: placeholder(280) });
export const AgenciesChart = dynamic(() => import("./charts").then((m) => m.AgenciesChart), { ssr: false, loading: placeholder(300) });
