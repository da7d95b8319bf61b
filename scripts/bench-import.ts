// `npm run bench:import`: throughput of importing 100,000 internal criterion scores from an XLSX
// file (1,112 agencies × 90 sub-criteria), through the same lib function the UI and the API call:
// parse → validate every row → one transaction with the bulk update and 100,000 audit rows.
// Then the same table as CSV, into a second period of the same agencies. Runs on its own
// throwaway embedded PostgreSQL; prints rows per second (XLSX first: the format staff use) and
// writes the figures, with the seconds of each step of the import, to bench-results/import.json.
// Last, the memory of reading the largest file an import takes: a 50 MB XLSX (290,000 rows), read
// in a process of its own whose peak resident memory is reported (issue 19: bounded, far below 1 GB).
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { createPrismaClient } from "../lib/db/prisma";
import { type Cell, MAX_IMPORT_BYTES, streamXlsx, type TableFormat } from "../lib/io/table-file";
import { seed } from "../prisma/seed";
import { addScoreImportPeriod, createScoreImportDataset } from "./lib/score-import-dataset";

const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 1112);
const ROOT = path.resolve(import.meta.dirname, "..");
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

const dataDir = path.join(os.tmpdir(), `portal-bench-${process.pid}`);
const pg = await startEmbeddedPostgres({ dataDir, database: "bench", persistent: false });
process.env.DATABASE_URL = pg.url;
process.env.EVIDENCE_DIR = path.join(dataDir, "evidence");
try {
  await migrate(pg.url);
  const db = createPrismaClient(pg.url, 4);
  await seed(db, { demo: false });
  const dataset = await createScoreImportDataset(db, { agencies: AGENCIES });

  // Imported like the UI does, as the Home Affairs officer of the province.
  const { importScores } = await import("../lib/assessments/periods/mutations");
  const { loadActor } = await import("../lib/auth/load-actor");
  const actor = (await loadActor(db, { id: dataset.userId }))!;

  async function measure(format: TableFormat, periodId: number, file: Buffer) {
    const audited = () => db.auditLog.count({ where: { action: "criterionScore.import.self" } });
    const auditedBefore = await audited();
    const phases: Record<string, number> = {};
    const started = performance.now();
    const result = await importScores(actor, {
      periodId,
      data: file,
      format,
      onPhase: (phase, seconds) => (phases[phase] = round(seconds)),
    });
    const seconds = (performance.now() - started) / 1000;
    const written = await db.criterionScore.count({ where: { selfScore: { not: null }, assessment: { periodId } } });
    const auditRows = (await audited()) - auditedBefore;
    if (written !== dataset.rows || auditRows !== dataset.rows)
      throw new Error(`${format} import incomplete: ${written} scores, ${auditRows} audit rows of ${dataset.rows}`);
    return {
      changed: result.changed,
      written,
      auditRows,
      fileMegabytes: round(file.length / 1024 / 1024, 1),
      seconds: round(seconds),
      rowsPerSecond: Math.round(dataset.rows / seconds),
      phases,
    };
  }

  // This client stays idle while an import runs: the import uses the lib's own client.
  const xlsx = await measure("xlsx", dataset.periodId, dataset.file);
  const csv = await measure("csv", await addScoreImportPeriod(db, dataset.frameworkId, 2027), dataset.csv);
  await db.$disconnect();

  const largest = await readLargestFile();
  const figures = {
    rows: dataset.rows,
    ...xlsx,
    csv,
    largest,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}`,
    at: new Date().toISOString(),
  };
  fs.mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "bench-results", "import.json"), JSON.stringify(figures, null, 2));
  const STEPS: Record<string, string> = {
    load: "đọc điểm hiện có",
    read: "đọc tệp",
    plan: "kiểm tra",
    update: "ghi điểm",
    audit: "ghi nhật ký",
    commit: "commit",
  };
  const line = (format: string, f: typeof xlsx) =>
    `Nhập ${dataset.rows.toLocaleString("vi-VN")} điểm từ ${format} (${f.fileMegabytes} MB): ${f.seconds} s, ${f.rowsPerSecond.toLocaleString("vi-VN")} dòng/giây ` +
    `(${Object.entries(f.phases)
      .map(([phase, s]) => `${STEPS[phase]} ${s} s`)
      .join(", ")})`;
  console.log(line("XLSX", xlsx));
  console.log(line("CSV", csv));
  console.log(
    `Đọc tệp XLSX ${largest.fileMegabytes} MB (${largest.rows.toLocaleString("vi-VN")} dòng): ${round(largest.seconds)} s, bộ nhớ đỉnh của tiến trình ${largest.peakRssMegabytes} MB`,
  );
  console.log(JSON.stringify(figures));
} finally {
  await pg.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);

/**
 * A scores file of 290,000 rows whose comments do not compress (random text), written with the
 * export's streaming writer until it is about MAX_IMPORT_BYTES (50 MB), then read by
 * scripts/lib/read-table-peak.ts in a process of its own.
 */
async function readLargestFile() {
  const file = path.join(dataDir, "largest.xlsx");
  const columns = ["agency_code", "agency_name", "code", "name", "max_points", "self_score", "appraised_score", "comment"];
  const ROWS = 290_000;
  const BATCH = 5_000;
  async function* batches(): AsyncGenerator<Cell[][]> {
    for (let start = 0; start < ROWS; start += BATCH) {
      yield Array.from({ length: BATCH }, (_, i) => {
        const row = start + i;
        const comment = crypto.randomBytes(130).toString("base64");
        return [`CQ${row % 3000}`, `Cơ quan số ${row % 3000}`, `${row % 90}.1.1`, `Tiêu chí thành phần ${row % 90}`, 1, 0.5, null, comment];
      });
    }
  }
  const body = streamXlsx("Điểm", columns, batches());
  await fs.promises.writeFile(file, body as unknown as AsyncIterable<Uint8Array>);
  const fileMegabytes = round(fs.statSync(file).size / 1024 / 1024, 1);
  if (fs.statSync(file).size > MAX_IMPORT_BYTES) throw new Error(`the largest file is ${fileMegabytes} MB, over the import limit`);
  const child = execFileSync(
    path.join(ROOT, "node_modules", ".bin", "tsx"),
    ["--import", path.join(ROOT, "scripts", "lib", "server-process.mjs"), path.join(ROOT, "scripts", "lib", "read-table-peak.ts"), file],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } },
  );
  const read = JSON.parse(child.trim().split("\n").pop()!) as { rows: number; seconds: number; peakRssMegabytes: number };
  if (read.rows !== ROWS) throw new Error(`the largest file read ${read.rows} rows of ${ROWS}`);
  return { fileMegabytes, ...read };
}
