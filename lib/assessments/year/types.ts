// The year's ranking of a province's agencies across its periods, as pages read it.
import type { RankedYearRow } from "../peer-frameworks";

export type YearRankingView = {
  provinceId: number;
  provinceName: string;
  year: number | null;
  /** Years with a published period, latest first. */
  years: number[];
  /** The published periods of the year: their framework and the peer group each was opened for. */
  periods: { id: number; framework: string; peerGroup: string | null; agencyCount: number }[];
  rows: (RankedYearRow & { periodId: number; agencyCode: string })[];
};
