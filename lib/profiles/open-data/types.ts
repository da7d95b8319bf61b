// What the open-data queries return: plain data for the routes and the /du-lieu page.
import type { Cell } from "@/lib/io/table-file";

/** A table of the open data: its column names and rows, empty cells as null. */
export type OpenDataTable = { columns: string[]; rows: Cell[][] };

/** A component column of the results file: its name, the code and index it belongs to, and its name in the framework. */
export type OpenDataComponent = { column: string; code: string; indexCode: string; nameVi: string };

/** The results of the units that have had one code, at /api/v1/open-data/provinces/{code}. */
export type ProvinceOpenData = {
  code: string;
  units: {
    code: string;
    name: string;
    validFrom: string;
    validTo: string | null;
    results: {
      index: string;
      year: number;
      score: number | null;
      rank: number | null;
      source: string;
      note: string | null;
      components: Record<string, number | null>;
    }[];
  }[];
};

/** The figures /du-lieu states about the files. */
export type OpenDataSummary = {
  results: number;
  rankOnly: number;
  firstYear: number | null;
  lastYear: number | null;
  averages: number;
  sources: string[];
  components: OpenDataComponent[];
};
