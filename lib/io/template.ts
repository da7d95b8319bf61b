// A template to fill in Excel and import: the sheet to fill first (the import reads the first
// sheet), its header the columns the import expects, drop-down lists of the allowed values (data
// validation against a third sheet), and a sheet of instructions, in the request's language.
import ExcelJS from "exceljs";
import { protectCell } from "./table-file";
import { libTranslator } from "@/lib/i18n/lib-translator";

export type TemplateColumn = {
  /** The header the import reads. */
  name: string;
  /** What to write, for the instructions. */
  help: string;
  required: boolean;
  /** The allowed values: a drop-down list in the sheet. */
  choices?: readonly string[];
  width?: number;
};

export type Template = {
  sheetName: string;
  columns: readonly TemplateColumn[];
  instructions: readonly string[];
  examples?: readonly string[][];
  rowsWithLists?: number;
};

export async function templateWorkbook(template: Template): Promise<Buffer> {
  const t = libTranslator("errors.template");
  const LISTS = t("lists");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(template.sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  const help = workbook.addWorksheet(t("help"));
  const lists = workbook.addWorksheet(LISTS);

  sheet.addRow(template.columns.map((c) => c.name)).font = { bold: true };
  template.columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width ?? 22;
  });
  for (const example of template.examples ?? []) sheet.addRow(example.map((cell) => protectCell(cell)));

  const rows = template.rowsWithLists ?? 1000;
  let listColumn = 0;
  template.columns.forEach((column, i) => {
    if (!column.choices?.length) return;
    listColumn++;
    const letter = lists.getColumn(listColumn).letter;
    lists.getCell(`${letter}1`).value = column.name;
    column.choices.forEach((choice, j) => {
      lists.getCell(`${letter}${j + 2}`).value = choice;
    });
    const range = `'${LISTS}'!$${letter}$2:$${letter}$${column.choices.length + 1}`;
    const target = sheet.getColumn(i + 1).letter;
    for (let row = 2; row <= rows + 1; row++) {
      sheet.getCell(`${target}${row}`).dataValidation = {
        type: "list",
        allowBlank: !column.required,
        formulae: [range],
        showErrorMessage: true,
        errorTitle: column.name,
        error: t("pickFromList", { column: column.name }),
      };
    }
  });

  help.getColumn(1).width = 24;
  help.getColumn(2).width = 12;
  help.getColumn(3).width = 100;
  for (const line of template.instructions) help.addRow([line]);
  help.addRow([]);
  help.addRow([t("column"), t("required"), t("content")]).font = { bold: true };
  for (const column of template.columns) {
    const row = help.addRow([column.name, column.required ? t("yes") : t("no"), column.help]);
    row.getCell(3).alignment = { wrapText: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
