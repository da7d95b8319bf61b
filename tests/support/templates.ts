// Fills a downloaded import template as a person would in Excel: the rows under the header of its
// first sheet, the instructions and lists left as they are.
import ExcelJS from "exceljs";

export async function fillTemplate(template: Uint8Array, rows: readonly (readonly string[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  rows.forEach((row, i) => {
    row.forEach((value, j) => {
      sheet.getCell(i + 2, j + 1).value = value;
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** n agencies of a province: communes and wards, every fifth a department, each in its peer group. */
export function agencyRows(n: number, prefix = "XA"): string[][] {
  return Array.from({ length: n }, (_, i) => {
    const kind = i % 5 === 0 ? "Sở, ban, ngành" : i % 2 ? "UBND phường" : "UBND xã";
    const name = kind === "Sở, ban, ngành" ? `Sở thử nghiệm số ${i + 1}` : `${kind} Thử Nghiệm ${i + 1}`;
    return [`${prefix}-${String(i + 1).padStart(3, "0")}`, name, "", kind, kind === "Sở, ban, ngành" ? "Sở, ban, ngành" : "Xã, phường", "", "", "01/07/2025"];
  });
}

/** One agency head per agency code, plus the given extra rows. */
export function headRows(codes: readonly string[], domain: string): string[][] {
  return codes.map((code, i) => [`thutruong.${code.toLowerCase()}@${domain}`, `Thủ trưởng ${i + 1}`, "", "Thủ trưởng cơ quan, đơn vị", code]);
}
