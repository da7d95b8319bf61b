// Issue 11, item 1: crafted XLSX files (ZIP archives that inflate far beyond their size) are
// refused quickly with a clear message, in bounded memory, while the server keeps answering —
// through the scores import an agency head can call, and readTable, which the results and
// framework imports share. The files are built here, a few hundred kilobytes each.
import { monitorEventLoopDelay } from "node:perf_hooks";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { readTable, writeXlsx } from "@/lib/io/table-file";
import { importScores } from "@/lib/assessments/periods/mutations";
import { actorFor } from "../support/actors";
import { testDb } from "../support/db";

type Part = { name: string; data: Buffer; crc: number; size: number; declaredSize?: number };

/** A part whose content is `size` bytes: `head`, then `fill` repeated, then `tail`, deflated as it is generated. */
function repeatedPart(name: string, head: string, fill: string, size: number, tail: string): Part {
  // Deflated a megabyte at a time: each piece is a complete deflate segment, so the pieces of one
  // block of text can be repeated without compressing the whole part.
  const block = Buffer.from(fill.repeat(Math.floor((1024 * 1024) / fill.length)));
  const piece = zlib.deflateRawSync(block, { level: 1, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const chunks: Buffer[] = [Buffer.from(head)];
  const out: Buffer[] = [zlib.deflateRawSync(chunks[0], { finishFlush: zlib.constants.Z_SYNC_FLUSH })];
  let crc = zlib.crc32(chunks[0]);
  let body = size - head.length - tail.length;
  for (; body >= block.length; body -= block.length) {
    crc = zlib.crc32(block, crc);
    out.push(piece);
  }
  const rest = Buffer.concat([block.subarray(0, body), Buffer.from(tail)]);
  crc = zlib.crc32(rest, crc);
  out.push(zlib.deflateRawSync(rest));
  return { name, data: Buffer.concat(out), crc, size };
}

function smallPart(name: string, text: string): Part {
  const raw = Buffer.from(text);
  return { name, data: zlib.deflateRawSync(raw), crc: zlib.crc32(raw), size: raw.length };
}

/** A ZIP archive of deflated parts; `declaredSize` lets a part lie about its inflated size (in both headers). */
function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const size = part.declaredSize ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(part.crc, 16);
    header.writeUInt32LE(part.data.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    central.push(header, name);
    offset += local.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const SHEET_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
function workbookParts(sheets: number): Part[] {
  const list = Array.from({ length: sheets }, (_, i) => i + 1);
  return [
    smallPart("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    smallPart(
      "xl/workbook.xml",
      `<?xml version="1.0"?><workbook ${SHEET_NS} xmlns:r="${REL}"><sheets>${list.map((i) => `<sheet name="T${i}" sheetId="${i}" r:id="rId${i}"/>`).join("")}</sheets></workbook>`,
    ),
    smallPart(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list.map((i) => `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join("")}</Relationships>`,
    ),
  ];
}

/** Sheets whose one cell is an inline string of `bytes` characters: the outside test's file. */
function inlineStringBomb(sheets: number, bytes: number, lie = false): Buffer {
  const head = `<?xml version="1.0"?><worksheet ${SHEET_NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`;
  const tail = "</t></is></c></row></sheetData></worksheet>";
  const sheet = repeatedPart("xl/worksheets/sheet1.xml", head, "a", bytes, tail);
  const copies = Array.from({ length: sheets }, (_, i) => ({
    ...sheet,
    name: `xl/worksheets/sheet${i + 1}.xml`,
    declaredSize: lie ? 2_000 : undefined,
  }));
  return zip([...workbookParts(sheets), ...copies]);
}

/** How long `work` takes, how far the heap grows, and the longest the event loop waited meanwhile. */
async function measured<T>(work: () => Promise<T>) {
  global.gc?.();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  let heapPeak = heapBefore;
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers)), 5);
  delay.enable();
  const started = performance.now();
  const outcome = await work().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const ms = performance.now() - started;
  delay.disable();
  clearInterval(sampler);
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers);
  return { outcome, ms, heapGrowth: heapPeak - heapBefore, maxLoopDelayMs: delay.max / 1e6 };
}

const MB = 1024 * 1024;

function expectRefused(result: Awaited<ReturnType<typeof measured>>, message: RegExp) {
  console.log(
    `refused in ${Math.round(result.ms)} ms, heap +${Math.round(result.heapGrowth / MB)} MB, longest event-loop delay ${Math.round(result.maxLoopDelayMs)} ms`,
  );
  expect(result.outcome.ok).toBe(false);
  const error = (result.outcome as { error: unknown }).error;
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).message).toMatch(message);
  // About 200 ms on a quiet machine (the scores import's own reads included); the bound leaves room for a
  // loaded one. Inflated and parsed in full, these files took 5 to 20 s and hundreds of megabytes.
  expect(result.ms, "refused in well under a second").toBeLessThan(1_500);
  expect(result.heapGrowth, "memory").toBeLessThan(64 * MB);
  expect(result.maxLoopDelayMs, "the event loop kept turning").toBeLessThan(500);
}

describe("crafted XLSX files", () => {
  it("an agency head's scores import of sheets that each inflate to 24 MB of one inline string is refused at once", async () => {
    const head = await actorFor("thutruong@demo.local");
    const period = await testDb.assessmentPeriod.findFirstOrThrow();
    // Warm: the first query of a fresh client compiles, which says nothing about the file.
    await importScores(head, {
      periodId: period.id,
      data: Buffer.from("agency_code,code,self_score,appraised_score\n"),
      format: "csv",
      dryRun: true,
    }).catch(() => {});
    const file = inlineStringBomb(3, 24 * MB);
    expect(file.length).toBeLessThan(400 * 1024);
    const result = await measured(() => importScores(head, { periodId: period.id, data: file, format: "xlsx", dryRun: true }));
    expectRefused(result, /ô dài hơn 32\.767 ký tự/);
  });

  it("a part that declares a small size and inflates to far more is stopped where it passes what it declared", async () => {
    const file = inlineStringBomb(2, 24 * MB, true);
    const result = await measured(() => readTable(file, "xlsx"));
    expectRefused(result, /Không đọc được tệp XLSX/);
  });

  it("a sheet declaring more than the bound is refused from the archive's directory, before anything is inflated", async () => {
    const file = inlineStringBomb(1, 300 * MB);
    const result = await measured(() => readTable(file, "xlsx"));
    expectRefused(result, /lớn 300 MB khi giải nén, quá giới hạn 256 MB/);
  });

  it("an archive of thousands of parts is refused from its directory", async () => {
    const parts = [...workbookParts(1), ...Array.from({ length: 3_000 }, (_, i) => smallPart(`xl/media/p${i}.xml`, "<a/>"))];
    const file = zip(parts);
    const result = await measured(() => readTable(file, "xlsx"));
    expectRefused(result, /chứa 3\.003 phần, quá giới hạn 2\.000/);
  });

  it("a sheet of more rows than an import takes is refused at the bound, without reading the rest", async () => {
    const rows = 1_000_000;
    const head = `<?xml version="1.0"?><worksheet ${SHEET_NS}><sheetData>`;
    const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
    const tail = "</sheetData></worksheet>";
    const sheet = repeatedPart("xl/worksheets/sheet1.xml", head, row, head.length + rows * row.length + tail.length, tail);
    const file = zip([...workbookParts(1), sheet]);
    const result = await measured(() => readTable(file, "xlsx"));
    expect(result.outcome.ok).toBe(false);
    expect(String((result.outcome as { error: Error }).error.message)).toMatch(/hơn 300\.000 dòng/);
    expect(result.heapGrowth).toBeLessThan(200 * MB);
    // 300,000 rows are the largest import there is, and are held until the bound: collecting them pauses
    // the loop a little (more on a loaded machine), never for seconds.
    expect(result.maxLoopDelayMs).toBeLessThan(1_000);
  });

  it("a real workbook still reads as before", async () => {
    const file = await writeXlsx(
      "Điểm",
      ["agency_code", "code", "self_score"],
      [
        ["STP", "1.1", 2.5],
        ["STP", "1.2", null],
      ],
    );
    const table = await readTable(file, "xlsx");
    expect(table.columns).toEqual(["agency_code", "code", "self_score"]);
    expect(table.rows).toEqual([
      { row: 2, values: { agency_code: "STP", code: "1.1", self_score: "2.5" } },
      { row: 3, values: { agency_code: "STP", code: "1.2", self_score: "" } },
    ]);
  });
});
