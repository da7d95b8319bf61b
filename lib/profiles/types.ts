// What the province profile returns (plain data), for its page and the client components.
import type { ProvinceKind } from "@/lib/db/generated/enums";
import type { ScoreForRank } from "@/lib/results/score-for-rank";
import type { RankedResult } from "@/lib/results/types";

export type ProfileUnit = { id: number; code: string; name: string; label: string; path: string };

export type ProfileResultRow = RankedResult & {
  unit: ProfileUnit;
  /** Field scores of the criteria tree, where the source gave them. */
  fieldScores: { code: string; name: string; value: number }[];
};

export type ProfileIndex = {
  code: string;
  shortName: string;
  nameVi: string;
  /** The components add up to the total (PAR INDEX), or are rates of their own (SIPAS elements). */
  componentsAreAdditive: boolean;
  /** Newest year first; within a year, the unit itself before the old units. */
  rows: ProfileResultRow[];
  /** The units that have results for this index: one chart line each. */
  lines: ProfileUnit[];
  nationalAverages: { year: number; value: number; source: string }[];
};

export type ScoreForRankView = {
  index: { code: string; shortName: string };
  /** The latest year with published results of the index, or null when there is none. */
  year: number | null;
  unitCount: number;
  target: number;
  targetIsDefault: boolean;
  answer: ScoreForRank | null;
  /** The answer in plain words, or why there is none. */
  sentence: string;
  /** The requested rank cannot be asked (outside 1…number of ranked units). */
  error: string | null;
};

export type ProvinceProfile = {
  unit: ProfileUnit & {
    kind: ProvinceKind;
    regionName: string | null;
    /** Why a unit has no region (formed from units of several regions). */
    regionNote: string | null;
    validFrom: Date;
    validTo: Date | null;
    codeDecision: string | null;
  };
  formedFrom: { unit: ProfileUnit; effectiveOn: Date; legalBasis: string }[];
  wentInto: { unit: ProfileUnit; effectiveOn: Date; legalBasis: string }[];
  indices: ProfileIndex[];
  scoreForRank: ScoreForRankView;
};
