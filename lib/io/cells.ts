// Cells of an imported table: a code given by its code or its name however it is typed, and a
// day written "20/09/2021", "2021-09-20", or as the serial number Excel stores for a date cell
// (days since 30/12/1899).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** "YYYY-MM-DD", null when empty, undefined when it is no day. */
export function dayFromCell(text: string): string | null | undefined {
  const value = text.trim();
  if (value === "") return null;
  let day: string | undefined;
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (vn) day = `${vn[3]}-${vn[2].padStart(2, "0")}-${vn[1].padStart(2, "0")}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) day = value;
  else if (/^\d{5}(\.0+)?$/.test(value)) day = new Date(EXCEL_EPOCH + Math.floor(Number(value)) * 86_400_000).toISOString().slice(0, 10);
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : undefined;
}

/** Text compared as people type it: without marks, đ as d, case, spaces, "_" and "-" alike. */
export const foldText = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[\s_-]+/g, " ")
    .trim();

/** The codes of an enum by their code and their name, folded: `lookup.get(foldText(cell))`. */
export function codeLookup<T extends string>(codes: readonly T[], names: Record<T, string>): Map<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(foldText(code), code);
    map.set(foldText(names[code]), code);
  }
  return map;
}
