// What the agency queries return: plain objects for pages, client components and the API.
import type { AgencyKind } from "@/lib/db/generated/enums";

export type AgencyLink = { id: number; code: string; name: string; effectiveOn: Date; legalBasis: string };

export type AgencyRow = {
  id: number;
  provinceId: number;
  provinceCode: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: AgencyKind;
  peerGroup: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  validFrom: Date;
  validTo: Date | null;
  /** Agency heads' accounts. */
  heads: { id: number; name: string; email: string }[];
  /** Formed from (merge, split) and went into. */
  formedFrom: AgencyLink[];
  wentInto: AgencyLink[];
  isDemo: boolean;
  version: number;
};

/** One page of a province's agencies (total: all that match the filter). */
export type AgencyList = {
  province: { id: number; code: string; name: string };
  rows: AgencyRow[];
  total: number;
  page: number;
  pageSize: number;
  peerGroups: string[];
};

export type ImportChange = "new" | "updated" | "unchanged";
export type AgencyImportOutcome = {
  dryRun: boolean;
  province: { code: string; name: string };
  summary: Record<ImportChange, number>;
  rows: { row: number; code: string; name: string; change: ImportChange }[];
};
