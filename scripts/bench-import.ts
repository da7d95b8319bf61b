// `npm run bench:import`: throughput of importing 100,000 internal criterion scores from an XLSX
// file (1,112 agencies × 90 sub-criteria), through the same lib function the UI and the API call:
// parse → validate every row → one transaction with the bulk update and 100,000 audit rows.
// Then the same table as CSV, into a second period of the same agencies. Runs on its own
// throwaway embedded PostgreSQL; prints rows per second (XLSX first: the format staff use) and
// writes the figures, with the seconds of each step of the import, to bench-results/import.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { createPrismaClient } from "../lib/db/prisma";
import type { TableFormat } from "../lib/io/table-file";
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

  const figures = {
    rows: dataset.rows,
    ...xlsx,
    csv,
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
  console.log(JSON.stringify(figures));
} finally {
  await pg.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
