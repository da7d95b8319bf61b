// The layout of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I), independent of
// the file format: lib/documents builds one from a page's data, ./docx.ts and ./pdf.ts write it.
// Sizes are the decree's: A4, margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm;
// Times New Roman (a metric twin in the PDF), 12–14 pt by part.

export type Align = "left" | "center" | "right" | "justify";

export type Run = { text: string; bold?: boolean; italic?: boolean };

export type Column = { title: string /** share of the table's width, in per cent */; width: number; align?: "left" | "center" | "right" };

export type Block =
  /** A paragraph of the body: justified, its first line indented, unless said otherwise. */
  | { kind: "paragraph"; runs: Run[]; align?: Align; indent?: boolean }
  /** A heading inside the body ("I. KẾT QUẢ TỰ ĐÁNH GIÁ"): bold, not indented. */
  | { kind: "heading"; text: string }
  /** A table whose header row repeats on every page it runs over; `strong` rows are bold (a field, a total). */
  | { kind: "table"; columns: Column[]; rows: { cells: string[]; strong?: boolean }[] }
  /** A chart drawn as SVG (vector in the PDF, a picture in Word), `width`×`height` in millimetres. */
  | { kind: "chart"; svg: string; width: number; height: number; caption: string };

export type Signature = {
  /** "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC": empty when the head signs in their own name. */
  authority: string | null;
  /** The signer's title, e.g. "GIÁM ĐỐC", "PHÓ CHỦ TỊCH". */
  position: string;
  name: string;
};

export type AdministrativeDocument = {
  /** The file's title (document properties). */
  title: string;
  landscape: boolean;
  /** Cơ quan, tổ chức chủ quản (may be absent) and the issuing body, as the header prints them. */
  parentBody: string | null;
  issuingBody: string;
  /** The national motto block (its two lines, from the catalogue); an annex (phụ lục) goes without it. */
  motto: { country: string; motto: string } | null;
  /** "Số: 12/BC-SNV"; null on an annex. */
  number: string | null;
  /** "An Giang, ngày 20 tháng 9 năm 2021"; null on an annex. */
  placeAndDate: string | null;
  /** The kind in capitals ("BÁO CÁO", "PHỤ LỤC") and the trích yếu below it. */
  kind: string;
  subject: string;
  /** An annex's reference line: "(Kèm theo Quyết định số …)". */
  reference: string | null;
  blocks: Block[];
  signature: Signature | null;
  /** "Nơi nhận:" and its lines as printed ("- Như trên;", "- Lưu: VT, CCHC."). */
  recipients: { label: string; lines: string[] } | null;
};

/** The decree's figures, shared by both writers. */
export const PAGE = {
  /** A4 in millimetres. */
  width: 210,
  height: 297,
  margin: { top: 20, bottom: 20, left: 30, right: 15 },
} as const;

export const SIZE = {
  header: 13,
  motto: 12,
  mottoLine2: 13,
  number: 13,
  date: 13,
  title: 14,
  body: 13,
  table: 11,
  signature: 13,
  recipientsLabel: 12,
  recipients: 11,
  pageNumber: 13,
} as const;

/** The header's two columns: the issuing body's share of the text width (the motto takes the rest). */
export const HEADER_SPLIT = 0.42;

export const MM_TO_PT = 72 / 25.4;

/** The rules under the issuing body and under the trích yếu: from 1/3 to 1/2 of their line (the decree); the motto's is as long as its line. */
export const RULE = { body: 1 / 2, subject: 1 / 3 } as const;

/**
 * A header name too long for its column, on two lines broken where they come out most even
 * ("ỦY BAN NHÂN DÂN" / "TỈNH AN GIANG"), rather than wherever the column ends. `maxChars` is what
 * fits on a line; a name that fits stays whole.
 */
export function balancedLines(text: string, maxChars: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  if (text.length <= maxChars || words.length < 2) return [text];
  let best = [text];
  let longest = Number.POSITIVE_INFINITY;
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(" "), words.slice(i).join(" ")];
    const length = Math.max(...lines.map((l) => l.length));
    if (length < longest) [best, longest] = [lines, length];
  }
  return best;
}

/** Roughly how many capitals of 13 pt Times a column of `widthMm` holds. */
export const capitalsPerLine = (widthMm: number) => Math.floor(widthMm / 2.9);
