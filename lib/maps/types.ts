// What a map of one index and year draws (plain data, for the map's client component).
import type { GeometryKey } from "./geometry";

export type MapUnit = {
  code: string;
  name: string;
  /** Null when no score was published (no result, or a rank without a score). */
  score: number | null;
  /** The rank as shown ("5", "6–33", "≥ 40"), or null without a result. */
  rank: string | null;
  group: string | null;
  profilePath: string;
};

export type ProvinceMapData = {
  index: { code: string; shortName: string };
  year: number;
  geometry: GeometryKey;
  unitCount: number;
  /** Units of that year with a result. */
  known: number;
  units: MapUnit[];
  /** The framework's groups (A ≥ 90…), for colouring by group; empty when it defines none. */
  bands: { label: string; minScore: number }[];
};
