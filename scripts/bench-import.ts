// `npm run bench:import`: throughput of importing 100,000 internal criterion scores from an XLSX
// file (1,112 agencies × 90 sub-criteria), through the same lib function the UI and the API call:
// parse → validate every row → one transaction with the bulk update and 100,000 audit rows.
// Runs on its own throwaway embedded PostgreSQL; prints rows per second and writes the figures
// to bench-results/import.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { createPrismaClient } from "../lib/db/prisma";
import { seed } from "../prisma/seed";
import { createScoreImportDataset } from "./lib/score-import-dataset";

const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 1112);
const ROOT = path.resolve(import.meta.dirname, "..");

const dataDir = path.join(os.tmpdir(), `portal-bench-${process.pid}`);
const pg = await startEmbeddedPostgres({ dataDir, database: "bench", persistent: false });
process.env.DATABASE_URL = pg.url;
process.env.EVIDENCE_DIR = path.join(dataDir, "evidence");
try {
  await migrate(pg.url);
  const db = createPrismaClient(pg.url, 4);
  await seed(db, { demo: false });

  const { periodId, userId, rows: rowCount, file } = await createScoreImportDataset(db, { agencies: AGENCIES });
  await db.$disconnect();

  // Imported like the UI does, as the Home Affairs officer of the province.
  const { importScores } = await import("../lib/assessments/scores-io");
  const { loadActor } = await import("../lib/auth/load-actor");
  const reader = createPrismaClient(pg.url, 1);
  const actor = (await loadActor(reader, { id: userId }))!;
  await reader.$disconnect();
  const started = performance.now();
  const result = await importScores(actor, { periodId, data: file, format: "xlsx" });
  const seconds = (performance.now() - started) / 1000;

  const check = createPrismaClient(pg.url, 1);
  const [written, audited] = await Promise.all([
    check.criterionScore.count({ where: { selfScore: { not: null } } }),
    check.auditLog.count({ where: { action: "criterionScore.import.self" } }),
  ]);
  await check.$disconnect();
  const figures = {
    rows: rowCount,
    changed: result.changed,
    written,
    auditRows: audited,
    fileMegabytes: Math.round((file.length / 1024 / 1024) * 10) / 10,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(rowCount / seconds),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}`,
    at: new Date().toISOString(),
  };
  fs.mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "bench-results", "import.json"), JSON.stringify(figures, null, 2));
  console.log(`Nhập ${figures.rows.toLocaleString("vi-VN")} điểm từ XLSX (${figures.fileMegabytes} MB): ${figures.seconds} s, ${figures.rowsPerSecond.toLocaleString("vi-VN")} dòng/giây`);
  console.log(JSON.stringify(figures));
  if (written !== rowCount || audited !== rowCount) throw new Error("import incomplete");
} finally {
  await pg.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
