// Cells of an imported table that hold a day: "20/09/2021", "2021-09-20", or the serial number
// Excel stores for a date cell (days since 30/12/1899).
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
