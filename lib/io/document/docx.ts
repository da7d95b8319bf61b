// An administrative document (./model.ts) as a Word file, with the `docx` library: built in code
// from the same layout as the PDF, so both stay the same document (a province edits the DOCX in
// Word before signing). Times New Roman is named, as the decree asks; Word has it.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import sharp from "sharp";
import {
  type AdministrativeDocument,
  type Align,
  balancedLines,
  type Block,
  capitalsPerLine,
  HEADER_SPLIT,
  MM_TO_PT,
  PAGE,
  RULE,
  type Run,
  SIZE,
} from "./model";
import { textWidth as lineWidth } from "./pdf";

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
/** docx sizes text in half-points. */
const half = (pt: number) => pt * 2;
const FONT = "Times New Roman";
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

function text(value: string, size: number, style: { bold?: boolean; italic?: boolean } = {}) {
  return new TextRun({ text: value, size: half(size), bold: style.bold || undefined, italics: style.italic || undefined });
}

function line(value: string, size: number, style: { bold?: boolean; italic?: boolean; align?: Align; after?: number; before?: number } = {}) {
  return new Paragraph({
    alignment: ALIGN[style.align ?? "center"],
    spacing: { before: style.before ?? 0, after: style.after ?? 0 },
    children: [text(value, size, style)],
  });
}

/**
 * A centred rule `ruleMm` long under a header line: an empty paragraph's bottom border, narrowed
 * by its indents; its mark set at 1 pt so the rule sits close under the line above.
 */
function rule(cellWidthMm: number, ruleMm: number, after = 0) {
  const inset = twips(Math.max(0, (cellWidthMm - ruleMm) / 2));
  return new Paragraph({
    indent: { left: inset, right: inset },
    border: { bottom: { ...LINE, space: 1 } },
    spacing: { before: 60, after, line: 40, lineRule: LineRuleType.EXACT },
    run: { size: 2 },
    children: [],
  });
}

const widthMm = (value: string, size: number, style: { bold?: boolean } = {}) => lineWidth(value, size, style) / MM_TO_PT;

function plainCell(children: Paragraph[], widthMm: number) {
  return new TableCell({ width: { size: twips(widthMm), type: WidthType.DXA }, borders: NO_BORDERS, margins: { left: 0, right: 0 }, children });
}

/**
 * The decree's header: the bodies over a rule of half their line, beside the national motto over
 * a rule as long as it; below, on one row, "Số: …" and the place and date.
 */
function headerBlock(doc: AdministrativeDocument, textWidth: number) {
  const left = textWidth * HEADER_SPLIT;
  const right = textWidth - left;
  const perLine = capitalsPerLine(left);
  const issuing = balancedLines(doc.issuingBody.toUpperCase(), perLine);
  const bodyRule = Math.max(...issuing.map((l) => widthMm(l, SIZE.header, { bold: true }))) * RULE.body;
  const bodies = [
    ...(doc.parentBody ? balancedLines(doc.parentBody.toUpperCase(), perLine).map((l) => line(l, SIZE.header)) : []),
    ...issuing.map((l) => line(l, SIZE.header, { bold: true })),
    rule(left, bodyRule),
  ];
  const motto = doc.motto
    ? [
        line(doc.motto.country, SIZE.motto, { bold: true }),
        line(doc.motto.motto, SIZE.mottoLine2, { bold: true }),
        rule(right, widthMm(doc.motto.motto, SIZE.mottoLine2, { bold: true })),
      ]
    : [line("", SIZE.header)];
  const rows = [new TableRow({ children: [plainCell(bodies, left), plainCell(motto, right)] })];
  if (doc.number || doc.placeAndDate)
    rows.push(
      new TableRow({
        children: [
          plainCell([line(doc.number ?? "", SIZE.number, { before: 160 })], left),
          plainCell([line(doc.placeAndDate ?? "", SIZE.date, { italic: true, before: 160 })], right),
        ],
      }),
    );
  return new Table({
    width: { size: twips(textWidth), type: WidthType.DXA },
    columnWidths: [twips(left), twips(right)],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows,
  });
}

function titleBlock(doc: AdministrativeDocument, textWidth: number) {
  return [
    new Paragraph({ spacing: { before: 360 }, alignment: AlignmentType.CENTER, children: [text(doc.kind, SIZE.title, { bold: true })] }),
    line(doc.subject, SIZE.title, { bold: true }),
    ...(doc.reference ? [line(doc.reference, SIZE.body, { italic: true })] : []),
    rule(textWidth, Math.min(textWidth, widthMm(doc.subject, SIZE.title, { bold: true })) * RULE.subject, 240),
  ];
}

const runs = (items: Run[], size: number) => items.map((r) => text(r.text, size, r));

// A table's cells take their look from paragraph styles and the table's default cell margins
// rather than each carrying its own font, size, alignment and margins: the annex of 150 agencies
// has 2,000 cells, and the XML `docx` writes (and its time to write it) grows with every property.
const CELL_STYLE = { left: "TableLeft", right: "TableRight", center: "TableCenter" } as const;
const HEADER_STYLE = "TableHeader";
const cellStyles = [
  { id: "TableLeft", name: "Table text", paragraph: { spacing: { before: 0, after: 0 } }, run: { size: half(SIZE.table) } },
  { id: "TableRight", name: "Table number", basedOn: "TableLeft", paragraph: { alignment: AlignmentType.RIGHT } },
  { id: "TableCenter", name: "Table centred", basedOn: "TableLeft", paragraph: { alignment: AlignmentType.CENTER } },
  { id: HEADER_STYLE, name: "Table header", basedOn: "TableCenter", run: { bold: true } },
];

function tableBlock(block: Extract<Block, { kind: "table" }>, textWidth: number) {
  const widths = block.columns.map((c) => (textWidth * c.width) / 100);
  const styles = block.columns.map((c) => CELL_STYLE[c.align ?? "left"]);
  const cell = (value: string, i: number, style: string, bold: boolean) =>
    new TableCell({
      width: { size: twips(widths[i]), type: WidthType.DXA },
      children: value.split("\n").map((part) => new Paragraph({ style, children: part ? [new TextRun(bold ? { text: part, bold } : part)] : [] })),
    });
  const border = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
  return new Table({
    width: { size: twips(textWidth), type: WidthType.DXA },
    columnWidths: widths.map(twips),
    layout: TableLayoutType.FIXED,
    borders: border,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    rows: [
      // Word repeats a header row on every page the table runs over.
      new TableRow({ tableHeader: true, cantSplit: true, children: block.columns.map((c, i) => cell(c.title, i, HEADER_STYLE, false)) }),
      ...block.rows.map((row) => new TableRow({ cantSplit: true, children: row.cells.map((value, i) => cell(value, i, styles[i], row.strong ?? false)) })),
    ],
  });
}

const PX_PER_MM = 96 / 25.4;

async function chartBlock(block: Extract<Block, { kind: "chart" }>) {
  // Word gets a picture: the SVG drawn at 3× for print (sharp, which Next already ships).
  const png = await sharp(Buffer.from(block.svg), { density: 288 }).png().toBuffer();
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120 },
      children: [new ImageRun({ type: "png", data: png, transformation: { width: block.width * PX_PER_MM, height: block.height * PX_PER_MM } })],
    }),
    line(block.caption, SIZE.table, { italic: true, before: 60, after: 120 }),
  ];
}

/** `keepLast`: the last paragraph stays on the page of what follows it (the signature never stands alone). */
async function bodyBlocks(blocks: Block[], textWidth: number, keepLast: boolean) {
  const out: (Paragraph | Table)[] = [];
  for (const [i, block] of blocks.entries()) {
    // A heading stays with what it heads.
    if (block.kind === "heading")
      out.push(new Paragraph({ keepNext: true, spacing: { before: 120, after: 120 }, children: [text(block.text, SIZE.body, { bold: true })] }));
    else if (block.kind === "paragraph")
      out.push(
        new Paragraph({
          alignment: ALIGN[block.align ?? "justify"],
          indent: block.indent === false ? undefined : { firstLine: twips(10) },
          keepNext: keepLast && i === blocks.length - 1,
          keepLines: keepLast && i === blocks.length - 1,
          spacing: { after: 120, line: 300 },
          children: runs(block.runs, SIZE.body),
        }),
      );
    else if (block.kind === "table") out.push(tableBlock(block, textWidth), new Paragraph({ spacing: { after: 120 }, children: [] }));
    else out.push(...(await chartBlock(block)));
  }
  return out;
}

function closingBlock(doc: AdministrativeDocument, textWidth: number) {
  const left = textWidth * 0.45;
  const right = textWidth - left;
  const recipients = doc.recipients
    ? [
        line(doc.recipients.label, SIZE.recipientsLabel, { bold: true, italic: true, align: "left" }),
        ...doc.recipients.lines.map((r) => line(r, SIZE.recipients, { align: "left" })),
      ]
    : [line("", SIZE.recipients)];
  const signature = doc.signature
    ? [
        ...(doc.signature.authority ? [line(doc.signature.authority.toUpperCase(), SIZE.signature, { bold: true })] : []),
        line(doc.signature.position.toUpperCase(), SIZE.signature, { bold: true }),
        // Room to sign and stamp.
        ...Array.from({ length: 4 }, () => line("", SIZE.signature)),
        line(doc.signature.name, SIZE.signature, { bold: true }),
      ]
    : [line("", SIZE.signature)];
  return new Table({
    width: { size: twips(textWidth), type: WidthType.DXA },
    columnWidths: [twips(left), twips(right)],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [plainCell(recipients, left), plainCell(signature, right)] })],
  });
}

/** The document as a .docx file. */
export async function renderDocx(doc: AdministrativeDocument): Promise<Uint8Array> {
  const pageWidth = doc.landscape ? PAGE.height : PAGE.width;
  const textWidth = pageWidth - PAGE.margin.left - PAGE.margin.right;
  const pageNumber = new Header({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: half(SIZE.pageNumber) })] }),
    ],
  });
  const document = new Document({
    title: doc.title,
    creator: doc.issuingBody,
    styles: { default: { document: { run: { font: FONT, size: half(SIZE.body) } } }, paragraphStyles: cellStyles },
    sections: [
      {
        properties: {
          // Page numbers from page 2: the first page has a header of its own, left empty.
          titlePage: true,
          page: {
            size: { width: twips(PAGE.width), height: twips(PAGE.height), orientation: doc.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: {
              top: twips(PAGE.margin.top),
              bottom: twips(PAGE.margin.bottom),
              left: twips(PAGE.margin.left),
              right: twips(PAGE.margin.right),
              header: twips(8),
            },
          },
        },
        headers: { default: pageNumber, first: new Header({ children: [] }) },
        children: [
          headerBlock(doc, textWidth),
          ...titleBlock(doc, textWidth),
          ...(await bodyBlocks(doc.blocks, textWidth, Boolean(doc.signature || doc.recipients))),
          ...(doc.signature || doc.recipients ? [closingBlock(doc, textWidth)] : []),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
