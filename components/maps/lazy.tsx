"use client";

// d3-geo, topojson-client and the boundaries are loaded after the page, never in its first load:
// the caption, the legend's table and the data table are server-rendered and usable at once.
import dynamic from "next/dynamic";

export const ProvinceMapView = dynamic(() => import("./province-map-view").then((m) => m.ProvinceMapView), {
  ssr: false,
  loading: () => <div style={{ aspectRatio: "440 / 520" }} className="w-full max-w-md rounded bg-slate-50" />,
});
