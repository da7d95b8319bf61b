"use client";

// The drawing of a province map: SVG paths projected with d3-geo from the TopoJSON of the year's
// boundaries (public/geo), fetched after the page. Each province is a link to its profile, reached
// with the mouse or the keyboard (Tab, Enter); hover and focus show its name, score and rank.
// Hoàng Sa and Trường Sa are drawn as marked islands and labelled at every size: at national
// scale their polygons are about a pixel wide.
import { geoCentroid, geoDistance, geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useState } from "react";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { classOfScore, groupColors, scoreClasses } from "@/lib/maps/choropleth";
import { geometryByKey } from "@/lib/maps/geometry";
import type { MapUnit, ProvinceMapData } from "@/lib/maps/types";
import { useFormat } from "@/lib/i18n/client";

const WIDTH = 440;
const HEIGHT = 520;
/** Islands of an archipelago lie within this distance of its label point (radians, about 1.5°). */
const ARCHIPELAGO_RADIUS = 0.026;

type ProvinceFeature = Feature<Polygon | MultiPolygon, { code: string; name: string }>;
type ArchipelagoFeature = Feature<Point, { code: string; name: string; name_en: string }>;
type Boundaries = { provinces: ProvinceFeature[]; archipelagos: ArchipelagoFeature[] };

const loaded = new Map<string, Promise<Boundaries>>();

function loadBoundaries(path: string): Promise<Boundaries> {
  let promise = loaded.get(path);
  if (!promise) {
    promise = fetch(path)
      .then((response) => {
        if (!response.ok) throw new Error(`${path}: ${response.status}`);
        return response.json() as Promise<Topology>;
      })
      .then((topology) => ({
        provinces: (feature(topology, topology.objects.provinces) as FeatureCollection<Polygon | MultiPolygon, ProvinceFeature["properties"]>).features,
        archipelagos: (feature(topology, topology.objects.archipelagos) as FeatureCollection<Point, ArchipelagoFeature["properties"]>).features,
      }));
    promise.catch(() => loaded.delete(path));
    loaded.set(path, promise);
  }
  return promise;
}

/** The island polygons of an archipelago: the parts of its province near its label point. */
function islandCentroids(province: ProvinceFeature | undefined, point: [number, number]): [number, number][] {
  if (!province) return [];
  const polygons = province.geometry.type === "Polygon" ? [province.geometry.coordinates] : province.geometry.coordinates;
  return polygons
    .map((coordinates) => geoCentroid({ type: "Polygon", coordinates }) as [number, number])
    .filter((centroid) => geoDistance(centroid, point) < ARCHIPELAGO_RADIUS);
}

export function ProvinceMapView({ data, highlight }: { data: ProvinceMapData; highlight: string | null }) {
  const t = useTranslations("public.map");
  const format = useFormat();
  const locale = useLocale();
  const id = useId();
  const [boundaries, setBoundaries] = useState<Boundaries | null>(null);
  const [failed, setFailed] = useState(false);
  const [mode, setMode] = useState<"score" | "group">("score");
  const [active, setActive] = useState<string | null>(null);
  const geometry = geometryByKey(data.geometry);

  useEffect(() => {
    let live = true;
    setBoundaries(null);
    setFailed(false);
    loadBoundaries(geometry.path).then(
      (result) => live && setBoundaries(result),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [geometry.path]);

  const classes = useMemo(() => scoreClasses(data.units.flatMap((unit) => (unit.score === null ? [] : [unit.score]))), [data.units]);
  const groups = useMemo(() => groupColors(data.bands), [data.bands]);
  const byCode = useMemo(() => new Map(data.units.map((unit) => [unit.code, unit])), [data.units]);
  const colorOf = (unit: MapUnit | undefined): string | null => {
    if (!unit) return null;
    if (mode === "group") return groups.find((group) => group.label === unit.group)?.color ?? null;
    return classOfScore(unit.score, classes)?.color ?? null;
  };

  const drawing = useMemo(() => {
    if (!boundaries) return null;
    const projection = geoMercator().fitExtent(
      [
        [8, 8],
        [WIDTH - 75, HEIGHT - 30],
      ],
      { type: "FeatureCollection", features: boundaries.provinces },
    );
    const path = geoPath(projection);
    const byFeatureCode = new Map(boundaries.provinces.map((province) => [province.properties.code, province]));
    return {
      provinces: [...boundaries.provinces]
        .sort((a, b) => a.properties.code.localeCompare(b.properties.code))
        .map((province) => ({ code: province.properties.code, d: path(province) ?? "" })),
      archipelagos: boundaries.archipelagos.map((archipelago) => {
        const point = archipelago.geometry.coordinates as [number, number];
        const [x, y] = projection(point)!;
        return {
          code: archipelago.properties.code,
          name: archipelago.properties.name,
          nameEn: archipelago.properties.name_en,
          x,
          y,
          islands: islandCentroids(byFeatureCode.get(archipelago.properties.code), point).map((c) => projection(c)!),
        };
      }),
    };
  }, [boundaries]);

  const describe = (unit: MapUnit) =>
    unit.rank === null
      ? t("unitNoData", { name: unit.name })
      : unit.score === null
        ? t("unitRankOnly", { name: unit.name, rank: unit.rank, count: data.unitCount })
        : t("unitScore", { name: unit.name, score: format.score(unit.score), rank: unit.rank, count: data.unitCount });
  const shown = byCode.get(active ?? highlight ?? "");

  return (
    <div className="space-y-2">
      {groups.length > 0 ? (
        <fieldset className="flex flex-wrap items-center gap-2 text-sm">
          <legend className="sr-only">{t("colourBy")}</legend>
          <span aria-hidden className="text-slate-600">
            {t("colourBy")}
          </span>
          {(["score", "group"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={mode === option}
              onClick={() => setMode(option)}
              className={
                mode === option
                  ? "rounded-full bg-brand-600 px-3 py-0.5 font-semibold text-white"
                  : "rounded-full border border-slate-300 px-3 py-0.5 hover:bg-slate-100"
              }
            >
              {option === "score" ? t("byScore") : t("byGroup")}
            </button>
          ))}
        </fieldset>
      ) : null}
      <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700" data-testid="map-legend">
        {mode === "score"
          ? classes.map((c) => (
              <li key={c.min} className="flex items-center gap-1">
                <Swatch color={c.color} />
                {c.min === c.max ? format.score(c.min) : t("range", { min: format.score(c.min), max: format.score(c.max) })}
              </li>
            ))
          : groups.map((group) => (
              <li key={group.label} className="flex items-center gap-1">
                <Swatch color={group.color} />
                {t("group", { group: group.label })}
              </li>
            ))}
        <li className="flex items-center gap-1">
          <Swatch hatched patternId={`${id}-legend`} />
          {t("noData")}
        </li>
      </ul>
      <p className="min-h-10 rounded border border-slate-200 bg-white px-2 py-1 text-xs" aria-hidden data-testid="map-info">
        {shown ? describe(shown) : t("hint")}
      </p>
      <div>
        {failed ? (
          <p className="pt-10 text-sm text-red-800">{t("failed")}</p>
        ) : !drawing ? (
          <div style={{ aspectRatio: `${WIDTH} / ${HEIGHT}` }} className="w-full max-w-md rounded bg-slate-50" aria-busy="true">
            <span className="sr-only">{t("loading")}</span>
          </div>
        ) : (
          <svg
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            className="h-auto w-full max-w-md"
            role="group"
            aria-label={t("label", { index: data.index.shortName, year: data.year, count: data.unitCount })}
            data-testid="province-map"
            data-geometry={data.geometry}
          >
            <defs>
              <HatchPattern id={`${id}-hatch`} />
            </defs>
            {drawing.provinces.map((province) => {
              const unit = byCode.get(province.code);
              const color = colorOf(unit);
              return (
                <a
                  key={province.code}
                  href={unit?.profilePath}
                  aria-label={unit ? describe(unit) : province.code}
                  className="group outline-none"
                  data-code={province.code}
                  onMouseEnter={() => setActive(province.code)}
                  onMouseLeave={() => setActive(null)}
                  onFocus={() => setActive(province.code)}
                  onBlur={() => setActive(null)}
                >
                  <path
                    d={province.d}
                    fill={color ?? `url(#${id}-hatch)`}
                    stroke="#475569"
                    strokeWidth={0.5}
                    className="group-hover:stroke-black group-hover:stroke-[1.5] group-focus-visible:stroke-black group-focus-visible:stroke-[2.5]"
                  />
                </a>
              );
            })}
            {highlight
              ? drawing.provinces
                  .filter((province) => province.code === highlight)
                  .map((province) => (
                    <path key="highlight" d={province.d} fill="none" stroke="#c2410c" strokeWidth={2.5} pointerEvents="none" data-testid="map-highlight" />
                  ))
              : null}
            {drawing.archipelagos.map((archipelago) => {
              const color = colorOf(byCode.get(archipelago.code));
              return (
                <g key={archipelago.code} pointerEvents="none" data-testid="archipelago">
                  {archipelago.islands.map(([x, y], i) => (
                    <circle key={i} cx={x} cy={y} r={2.2} fill={color ?? "#fff"} stroke="#334155" strokeWidth={0.8} />
                  ))}
                  <text
                    x={archipelago.x}
                    y={Math.max(archipelago.y, ...archipelago.islands.map(([, y]) => y)) + 14}
                    textAnchor="middle"
                    fontSize={13}
                    fill="#1e293b"
                    className="font-medium"
                  >
                    {archipelago.name}
                    {locale === "vi" ? null : (
                      <tspan x={archipelago.x} dy={13} fontSize={11} fill="#475569">
                        {t("archipelagoEn", { name: archipelago.nameEn })}
                      </tspan>
                    )}
                  </text>
                </g>
              );
            })}
          </svg>
        )}
      </div>
    </div>
  );
}

function HatchPattern({ id }: { id: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={5} height={5} patternTransform="rotate(45)">
      <rect width={5} height={5} fill="#ffffff" />
      <line x1={0} y1={0} x2={0} y2={5} stroke="#94a3b8" strokeWidth={1.6} />
    </pattern>
  );
}

function Swatch({ color, hatched = false, patternId }: { color?: string; hatched?: boolean; patternId?: string }) {
  return (
    <svg width="16" height="12" aria-hidden className="inline-block">
      {hatched && patternId ? (
        <>
          <defs>
            <HatchPattern id={patternId} />
          </defs>
          <rect width="16" height="12" fill={`url(#${patternId})`} stroke="#475569" strokeWidth="1" />
        </>
      ) : (
        <rect width="16" height="12" fill={color} stroke="#475569" strokeWidth="1" />
      )}
    </svg>
  );
}
