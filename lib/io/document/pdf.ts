// An administrative document (./model.ts) as a PDF, with pdfkit (fontkit inside): no browser, no
// office suite. The text is set in Liberation Serif (SIL OFL, metric-compatible with Times New
// Roman; ./fonts), embedded, so diacritics render whatever fonts the server or the reader has.
import fs from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import {
  type AdministrativeDocument,
  type Align,
  type Block,
  balancedLines,
  capitalsPerLine,
  HEADER_SPLIT,
  MM_TO_PT,
  PAGE,
  RULE,
  type Run,
  SIZE,
} from "./model";

const FONT_DIR = path.join(process.cwd(), "lib/io/document/fonts");
const FACES = { regular: "Regular", bold: "Bold", italic: "Italic", boldItalic: "BoldItalic" } as const;
type Face = keyof typeof FACES;
// One face per file (not a collection).
type Font = fontkit.Font;
// Parsed once per process: fontkit decodes a font's tables lazily and keeps what it decoded, so
// every document after the first lays its text out several times faster. Read-only once parsed.
let fonts: Record<Face, Font> | null = null;
function fontFiles(): Record<Face, Font> {
  fonts ??= Object.fromEntries(
    Object.entries(FACES).map(([face, file]) => [face, fontkit.create(fs.readFileSync(path.join(FONT_DIR, `LiberationSerif-${file}.ttf`)))]),
  ) as Record<Face, Font>;
  return fonts;
}

/** A line's width in points, from Liberation Serif's metrics (Times New Roman's): the DOCX writer sizes its rules with it too. */
export function textWidth(text: string, size: number, style: { bold?: boolean; italic?: boolean } = {}): number {
  const font = fontFiles()[faceOf(style)];
  return (font.layout(text).advanceWidth / font.unitsPerEm) * size;
}

const pt = (mm: number) => mm * MM_TO_PT;
const faceOf = (style: { bold?: boolean; italic?: boolean }): Face =>
  style.bold ? (style.italic ? "boldItalic" : "bold") : style.italic ? "italic" : "regular";
/** A table cell's padding, in points: as the DOCX's table (3 pt each side, 1 pt above and below the text's line). */
const CELL_PAD = 3;
const CELL_PAD_Y = 1.5;
/** Room to sign and stamp between the signer's title and name: five lines of 13 pt, as four empty lines give in Word. */
const SIGNING_ROOM = SIZE.signature * 5;

type Doc = PDFKit.PDFDocument;

class Writer {
  readonly doc: Doc;
  readonly left: number;
  readonly width: number;

  constructor(readonly model: AdministrativeDocument) {
    const files = fontFiles();
    this.doc = new PDFDocument({
      size: "A4",
      layout: model.landscape ? "landscape" : "portrait",
      margins: { top: pt(PAGE.margin.top), bottom: pt(PAGE.margin.bottom), left: pt(PAGE.margin.left), right: pt(PAGE.margin.right) },
      bufferPages: true,
      // The embedded face from the start: pdfkit never loads its built-in Helvetica.
      font: files.regular as unknown as string,
      info: { Title: model.title, Author: model.issuingBody },
      displayTitle: true,
      lang: "vi-VN",
    });
    for (const face of Object.keys(FACES) as Face[]) this.doc.registerFont(face, files[face] as unknown as string);
    this.left = this.doc.page.margins.left;
    this.width = this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  use(size: number, style: { bold?: boolean; italic?: boolean } = {}) {
    return this.doc.font(faceOf(style)).fontSize(size);
  }

  /** A line (or lines) centred in a column, from `y`; the y below it. */
  centred(text: string, x: number, y: number, width: number, size: number, style: { bold?: boolean; italic?: boolean } = {}) {
    this.use(size, style).text(text, x, y, { width, align: "center", lineGap: 1 });
    return this.doc.y;
  }

  rule(x: number, y: number, length: number) {
    this.doc
      .moveTo(x, y)
      .lineTo(x + length, y)
      .lineWidth(0.6)
      .stroke();
  }

  /** Room for `height` points below the cursor, on a new page if need be. */
  ensure(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Lines centred in a column one under the other; the y below them. */
  lines(lines: string[], x: number, y: number, width: number, size: number, style: { bold?: boolean; italic?: boolean } = {}) {
    for (const line of lines) y = this.centred(line, x, y, width, size, style);
    return y;
  }

  /** The width of a line of text, in points. */
  widthOf(text: string, size: number, style: { bold?: boolean; italic?: boolean } = {}) {
    return this.use(size, style).widthOfString(text);
  }

  /**
   * The decree's header, two columns: the bodies over a rule of half their line (left) and the
   * national motto over a rule as long as it (right); then, on one line, "Số: …" and the place and date.
   */
  header() {
    const { model, doc } = this;
    const top = doc.page.margins.top;
    const leftWidth = this.width * HEADER_SPLIT;
    const rightWidth = this.width - leftWidth;
    const rightX = this.left + leftWidth;
    const perLine = capitalsPerLine(leftWidth / MM_TO_PT);
    const parent = model.parentBody ? balancedLines(model.parentBody.toUpperCase(), perLine) : [];
    const issuing = balancedLines(model.issuingBody.toUpperCase(), perLine);
    let y = this.lines(parent, this.left, top, leftWidth, SIZE.header);
    y = this.lines(issuing, this.left, y, leftWidth, SIZE.header, { bold: true });
    const bodyRule = Math.max(...issuing.map((line) => this.widthOf(line, SIZE.header, { bold: true }))) * RULE.body;
    this.rule(this.left + (leftWidth - bodyRule) / 2, y + 2, bodyRule);
    let right = top;
    if (model.motto) {
      right = this.centred(model.motto.country, rightX, right, rightWidth, SIZE.motto, { bold: true });
      right = this.centred(model.motto.motto, rightX, right, rightWidth, SIZE.mottoLine2, { bold: true });
      const length = this.widthOf(model.motto.motto, SIZE.mottoLine2, { bold: true });
      this.rule(rightX + (rightWidth - length) / 2, right + 2, length);
    }
    // The number and the place and date share a line, below the lower of the two columns.
    const row = Math.max(y, right) + 8;
    let below = row;
    if (model.number) below = this.centred(model.number, this.left, row, leftWidth, SIZE.number);
    if (model.placeAndDate) below = Math.max(below, this.centred(model.placeAndDate, rightX, row, rightWidth, SIZE.date, { italic: true }));
    doc.y = below + pt(6);
  }

  title() {
    const { model } = this;
    let y = this.centred(model.kind, this.left, this.doc.y, this.width, SIZE.title, { bold: true });
    y = this.centred(model.subject, this.left, y, this.width, SIZE.title, { bold: true });
    if (model.reference) y = this.centred(model.reference, this.left, y, this.width, SIZE.body, { italic: true });
    const length = Math.min(this.width, this.widthOf(model.subject, SIZE.title, { bold: true })) * RULE.subject;
    this.rule(this.left + (this.width - length) / 2, y + 4, length);
    this.doc.y = y + pt(5);
  }

  paragraph(given: Run[], align: Align, indent: boolean) {
    const { doc } = this;
    // pdfkit drops the spaces a continued run starts with: they end the run before instead.
    const runs = given.map((run, i) => ({ ...run, text: run.text.trimStart() + (/^\s/.test(given[i + 1]?.text ?? "") ? " " : "") }));
    runs.forEach((run, i) => {
      this.use(SIZE.body, run);
      const options = { width: this.width, align, continued: i < runs.length - 1, lineGap: 3, paragraphGap: 6, indent: indent && i === 0 ? pt(10) : 0 };
      if (i === 0) doc.text(run.text, this.left, doc.y, options);
      else doc.text(run.text, options);
    });
  }

  heading(text: string) {
    this.ensure(SIZE.body * 3);
    this.use(SIZE.body, { bold: true }).text(text, this.left, this.doc.y + 3, { width: this.width, paragraphGap: 4 });
  }

  table(block: Extract<Block, { kind: "table" }>) {
    const { doc } = this;
    const widths = block.columns.map((c) => (this.width * c.width) / 100);
    // A cell that fits on one line (most of them: numbers) is measured by its width alone.
    const cellHeight = (value: string, width: number) =>
      value && !value.includes("\n") && doc.widthOfString(value) <= width ? doc.currentLineHeight(true) : doc.heightOfString(value || " ", { width });
    const heightOf = (cells: string[], bold: boolean) => {
      this.use(SIZE.table, { bold });
      return Math.max(...cells.map((value, i) => cellHeight(value, widths[i] - 2 * CELL_PAD))) + 2 * CELL_PAD_Y;
    };
    const draw = (cells: string[], bold: boolean, header: boolean, height: number) => {
      let x = this.left;
      const y = doc.y;
      this.use(SIZE.table, { bold });
      cells.forEach((value, i) => {
        doc.lineWidth(0.5).rect(x, y, widths[i], height).stroke();
        if (value)
          doc.text(value, x + CELL_PAD, y + CELL_PAD_Y, {
            width: widths[i] - 2 * CELL_PAD,
            align: header ? "center" : (block.columns[i].align ?? "left"),
          });
        x += widths[i];
      });
      doc.y = y + height;
    };
    const titles = block.columns.map((c) => c.title);
    const headerHeight = heightOf(titles, true);
    this.ensure(headerHeight + SIZE.table * 2);
    draw(titles, true, true, headerHeight);
    for (const row of block.rows) {
      const strong = row.strong ?? false;
      const height = heightOf(row.cells, strong);
      // A row never splits: it moves to the next page, under the header row drawn again.
      if (doc.y + height > this.bottom) {
        doc.addPage();
        draw(titles, true, true, headerHeight);
      }
      draw(row.cells, strong, false, height);
    }
    doc.y += pt(3);
  }

  chart(block: Extract<Block, { kind: "chart" }>) {
    const width = pt(block.width);
    const height = pt(block.height);
    this.ensure(height + SIZE.table * 2);
    const x = this.left + (this.width - width) / 2;
    const y = this.doc.y + 4;
    SVGtoPDF(this.doc, block.svg, x, y, { width, height, fontCallback: (_family: string, bold: boolean, italic: boolean) => faceOf({ bold, italic }) });
    this.doc.y = y + height + 2;
    this.centred(block.caption, this.left, this.doc.y, this.width, SIZE.table, { italic: true });
    this.doc.y += 4;
  }

  /** The height of "Nơi nhận" beside the signature, which never split. */
  closingHeight() {
    const { model } = this;
    const signatureLines = model.signature ? (model.signature.authority ? 3 : 2) : 0;
    return Math.max(
      signatureLines * this.use(SIZE.signature, { bold: true }).currentLineHeight(true) + SIGNING_ROOM,
      ((model.recipients?.lines.length ?? 0) + 1) * SIZE.recipients * 1.3,
    );
  }

  /** The height of a body paragraph, as `paragraph` sets it. */
  paragraphHeight(runs: Run[], indent: boolean) {
    const text = runs.map((r) => r.text).join("");
    return this.use(SIZE.body).heightOfString(text, { width: this.width, lineGap: 3, indent: indent ? pt(10) : 0 }) + 6;
  }

  closing() {
    const { model, doc } = this;
    const leftWidth = this.width * 0.45;
    const rightX = this.left + leftWidth;
    const rightWidth = this.width - leftWidth;
    const recipientLines = model.recipients?.lines ?? [];
    doc.y += pt(4);
    this.ensure(this.closingHeight());
    const top = doc.y;
    if (model.recipients) {
      this.use(SIZE.recipientsLabel, { bold: true, italic: true }).text(model.recipients.label, this.left, top, { width: leftWidth });
      for (const line of recipientLines) this.use(SIZE.recipients).text(line, this.left, doc.y, { width: leftWidth });
    }
    const leftBottom = doc.y;
    let y = top;
    if (model.signature) {
      if (model.signature.authority) y = this.centred(model.signature.authority.toUpperCase(), rightX, y, rightWidth, SIZE.signature, { bold: true });
      y = this.centred(model.signature.position.toUpperCase(), rightX, y, rightWidth, SIZE.signature, { bold: true });
      // Room to sign and stamp.
      y = this.centred(model.signature.name, rightX, y + SIGNING_ROOM, rightWidth, SIZE.signature, { bold: true });
    }
    doc.y = Math.max(leftBottom, y);
  }

  /** Page numbers centred in the top margin, from page 2 (the decree). */
  pageNumbers() {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start + 1; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const top = doc.page.margins.top;
      doc.page.margins.top = 0;
      this.use(SIZE.pageNumber).text(String(i + 1), this.left, pt(9), { width: this.width, align: "center", lineBreak: false });
      doc.page.margins.top = top;
    }
  }
}

/** The document as a PDF file. */
export async function renderPdf(model: AdministrativeDocument): Promise<Uint8Array> {
  const writer = new Writer(model);
  const chunks: Buffer[] = [];
  writer.doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    writer.doc.on("end", resolve);
    writer.doc.on("error", reject);
  });
  writer.header();
  writer.title();
  const closing = model.signature || model.recipients;
  model.blocks.forEach((block, i) => {
    if (block.kind === "heading") writer.heading(block.text);
    else if (block.kind === "paragraph") {
      // The signature never stands alone on a page: the last paragraph goes over with it.
      if (closing && i === model.blocks.length - 1) writer.ensure(writer.paragraphHeight(block.runs, block.indent ?? true) + pt(4) + writer.closingHeight());
      writer.paragraph(block.runs, block.align ?? "justify", block.indent ?? true);
    } else if (block.kind === "table") writer.table(block);
    else writer.chart(block);
  });
  if (closing) writer.closing();
  writer.pageNumbers();
  writer.doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
