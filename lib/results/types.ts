// What the results queries and imports return (plain data), for the pages and the client components.
import type { NationalFramework } from "@/lib/frameworks/types";
import type { Change, ResultValues, RowStatus } from "./import-plan";

export type RankingItem = {
  rank: number | null;
  rankMin: number;
  rankMax: number;
  officialRankDisagrees: boolean;
  change: number | null;
  /** The unit's rank the year before (bounds when unpublished), when it was ranked then. */
  previous: { rank: number | null; rankMin: number; rankMax: number; unitCount: number } | null;
  unitCode: string;
  unitName: string;
  /** Public profile of the unit (lib/units/profile-path.ts). */
  profilePath: string;
  regionCode: string | null;
  regionName: string | null;
  /** Null when only the rank was published: shown as such, never guessed. */
  score: number | null;
  group: string | null;
  source: string;
  note: string | null;
  /** Component code → value, where the source published the unit's components. */
  components: Record<string, number>;
};

export type Ranking = {
  index: { code: string; shortName: string; nameVi: string };
  year: number;
  /** Fewer rows are known than units were ranked that year. */
  partial: boolean;
  unitCount: number;
  items: RankingItem[];
  nationalAverage: { value: number; source: string } | null;
  regionAverages: { regionCode: string; regionName: string; value: number; source: string }[];
  /** The socio-economic regions, for the region filter. */
  regions: { code: string; nameVi: string }[];
  years: number[];
  /** The groups of the framework in force (A: from 90 points…), best first, for the table's legend. */
  groups: { label: string; minScore: number }[];
  /** The framework's components (SIPAS elements) published for at least one unit that year, in its order. */
  components: { code: string; nameVi: string; maxPoints: number }[];
};

/** A published result with its rank in the year's table (bounds when unpublished) and its group. */
export type RankedResult = {
  id: number;
  year: number;
  /** Null when only the rank was published. */
  score: number | null;
  rank: number | null;
  rankMin: number;
  rankMax: number;
  officialRank: number | null;
  officialRankDisagrees: boolean;
  unitCount: number;
  group: string | null;
  /** PAR INDEX components or SIPAS elements, where the source gave them. */
  components: { code: string; nameVi: string; value: number }[];
  source: string;
  note: string | null;
};

export type ProvinceResultRow = RankedResult & { unitCode: string; unitName: string; fieldScoreCount: number };

export type ProvinceResults = {
  /** The province shown, or null when an administrator has not picked one yet. */
  province: { id: number; label: string; history: string[] } | null;
  /** Provinces an administrator can pick (the units in force today). */
  choices: { id: number; label: string }[];
  indices: { code: string; shortName: string; rows: ProvinceResultRow[] }[];
};

export type ResultEntry = {
  indices: { code: string; shortName: string }[];
  index: { code: string; shortName: string; nameVi: string; maxScore: number };
  year: number;
  currentYear: number;
  framework: NationalFramework | null;
  /** Units the actor may enter a result for that year. */
  units: { id: number; code: string; label: string }[];
  unitCount: number;
  /** Units of that index and year that already have a result (a new entry for them is an edit). */
  taken: { provinceId: number; resultId: number; score: number }[];
  result: {
    id: number;
    version: number;
    provinceId: number;
    unitLabel: string;
    score: number | null;
    officialRank: number | null;
    source: string;
    note: string | null;
    components: Record<string, number>;
    fieldScores: Record<string, number>;
  } | null;
};

export type StoredResultValues = ResultValues & { id: number; version: number; fieldScores: Record<string, number> };

export type ImportRow = {
  row: number;
  indexCode: string;
  unitCode: string;
  unitName: string;
  status: RowStatus;
  score: number | null;
  changes: Change[];
};

export type ImportOutcome = {
  dryRun: boolean;
  year: number;
  summary: { new: number; updated: number; unchanged: number };
  rows: ImportRow[];
};
