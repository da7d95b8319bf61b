// The national picture of one index and year, as the home page shows it (plain data).
import type { RankingItem } from "@/lib/results/types";
import type { AveragePoint } from "./highlights";

export type NationalOverview = {
  index: { code: string; shortName: string; nameVi: string };
  /** The latest year with published results, or null when there are none. */
  year: number | null;
  unitCount: number;
  known: number;
  averages: AveragePoint[];
  average: { current: AveragePoint | null; previous: AveragePoint | null; change: number | null };
  top: RankingItem[];
  bottom: RankingItem[];
  up: RankingItem[];
  down: RankingItem[];
  sources: string[];
};
