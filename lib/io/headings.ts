// The headings of a file people read and may send back: a portal export heads its columns in the
// language of the request and writes decimals with that language's mark (85,3 in Vietnamese), and
// an import reads a column under its heading in either language or its machine name, with either mark.
import type { Locale } from "@/lib/i18n/config";
import type { Cell, TableRow } from "./table-file";

const normalized = (heading: string) => heading.normalize("NFC").trim().toLowerCase();

/**
 * The machine name each of a file's columns stands for: the name itself, or a heading of it in any
 * language (case, spacing and Unicode form aside). A column named by none is kept as it is.
 */
export function columnKeys<K extends string>(columns: readonly string[], headings: readonly Record<K, string>[]): string[] {
  const keyOf = new Map<string, string>();
  for (const byKey of headings) for (const [key, heading] of Object.entries<string>(byKey)) keyOf.set(normalized(heading), key);
  return columns.map((column) => keyOf.get(normalized(column)) ?? column);
}

/** The rows with their cells under the machine names of `columnKeys` (a name given twice: the later cell wins). */
export function rowsByKey(columns: readonly string[], keys: readonly string[], rows: readonly TableRow[]): TableRow[] {
  return rows.map(({ row, values }) => ({ row, values: Object.fromEntries(columns.map((column, i) => [keys[i], values[column] ?? ""])) }));
}

/**
 * A number as a CSV cell in `locale`: the decimal comma in Vietnamese (85,3), the point in English
 * and in an exchange format (null); no grouping, so that it reads back.
 */
export function csvNumber(value: number, locale: Locale | null): string {
  const text = String(value);
  return locale === "vi" ? text.replace(".", ",") : text;
}

/** A cell as CSV text in `locale`. */
export function csvText(cell: Cell, locale: Locale | null): string {
  if (cell === null) return "";
  return typeof cell === "number" ? csvNumber(cell, locale) : cell;
}
