// `npm run bench:import`: throughput of importing 100,000 internal criterion scores from an XLSX
// file (1,112 agencies × 90 sub-criteria), through the same lib function the UI and the API call:
// parse → validate every row → one transaction with the bulk update and 100,000 audit rows.
// Runs on its own throwaway embedded PostgreSQL; prints rows per second and writes the figures
// to bench-results/import.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { createPrismaClient } from "../lib/db/prisma";
import { seed } from "../prisma/seed";

const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 1112);
const FIELDS = 10; // × 3 criteria × 3 sub-criteria = 90 sub-criteria
const ROOT = path.resolve(import.meta.dirname, "..");

const dataDir = path.join(os.tmpdir(), `portal-bench-${process.pid}`);
const pg = await startEmbeddedPostgres({ dataDir, database: "bench", persistent: false });
process.env.DATABASE_URL = pg.url;
process.env.EVIDENCE_DIR = path.join(dataDir, "evidence");
try {
  await migrate(pg.url);
  const db = createPrismaClient(pg.url, 4);
  await seed(db, { demo: false });

  const province = await db.province.findFirstOrThrow({ where: { code: "91", validTo: null } });
  const user = await db.user.create({
    data: { email: "bench@local", name: "Đo hiệu năng", role: "HOME_AFFAIRS", passwordHash: "-", provinceId: province.id },
  });
  // A synthetic framework of 90 sub-criteria: 80 worth 1 point and 10 worth 2 (100 in all).
  const framework = await db.framework.create({
    data: {
      indexCode: "INTERNAL_PAR",
      ownerProvinceId: province.id,
      key: "bench",
      version: 1,
      name: "Bộ chỉ số tổng hợp để đo hiệu năng",
      validFromYear: 2025,
      maxScore: 100,
      isIllustrative: true,
    },
  });
  let order = 0;
  const leafMax = (f: number, c: number, s: number) => (f * 9 + c * 3 + s < 10 ? 2 : 1);
  for (let f = 0; f < FIELDS; f++) {
    const fieldLeaves = [0, 1, 2].flatMap((c) => [0, 1, 2].map((s) => leafMax(f, c, s)));
    const field = await db.criterion.create({
      data: { frameworkId: framework.id, level: "FIELD", code: `${f + 1}`, name: `Lĩnh vực ${f + 1}`, maxPoints: fieldLeaves.reduce((a, b) => a + b, 0), sortOrder: ++order },
    });
    for (let c = 0; c < 3; c++) {
      const criterion = await db.criterion.create({
        data: {
          frameworkId: framework.id,
          parentId: field.id,
          level: "CRITERION",
          code: `${f + 1}.${c + 1}`,
          name: `Tiêu chí ${f + 1}.${c + 1}`,
          maxPoints: [0, 1, 2].reduce((sum, s) => sum + leafMax(f, c, s), 0),
          sortOrder: ++order,
        },
      });
      await db.criterion.createMany({
        data: [0, 1, 2].map((s) => ({
          frameworkId: framework.id,
          parentId: criterion.id,
          level: "SUB_CRITERION" as const,
          code: `${f + 1}.${c + 1}.${s + 1}`,
          name: `Tiêu chí thành phần ${f + 1}.${c + 1}.${s + 1}`,
          maxPoints: leafMax(f, c, s),
          sortOrder: ++order,
        })),
      });
    }
  }
  const leaves = await db.criterion.findMany({ where: { frameworkId: framework.id, level: "SUB_CRITERION" }, orderBy: { sortOrder: "asc" } });
  await db.agency.createMany({
    data: Array.from({ length: AGENCIES }, (_, i) => ({
      provinceId: province.id,
      code: `CQ${String(i + 1).padStart(4, "0")}`,
      name: `Cơ quan số ${i + 1}`,
      kind: "COMMUNE" as const,
      validFrom: new Date("2025-07-01"),
    })),
  });
  const agencies = await db.agency.findMany({ where: { provinceId: province.id }, orderBy: { code: "asc" } });
  const period = await db.assessmentPeriod.create({
    data: { provinceId: province.id, frameworkId: framework.id, year: 2026, selfScoringDeadline: new Date("2099-12-31T16:59:59Z") },
  });
  await db.assessment.createMany({ data: agencies.map((a) => ({ periodId: period.id, agencyId: a.id })) });
  const assessments = await db.assessment.findMany({ where: { periodId: period.id } });
  await db.criterionScore.createMany({ data: assessments.flatMap((a) => leaves.map((c) => ({ assessmentId: a.id, criterionId: c.id }))) });

  // The file staff would upload: one row per agency and sub-criterion, self scores filled in.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Điểm");
  sheet.addRow(["agency_code", "agency_name", "code", "name", "max_points", "self_score", "appraised_score", "comment"]);
  let rowCount = 0;
  for (const agency of agencies) {
    for (const leaf of leaves) {
      const max = Number(leaf.maxPoints);
      sheet.addRow([agency.code, agency.name, leaf.code, leaf.name, max, (rowCount * 7) % 4 === 0 ? max / 2 : max, null, "Đã thực hiện"]);
      rowCount++;
    }
  }
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  await db.$disconnect();

  // Imported like the UI does, as the Home Affairs officer of the province.
  const { importScores } = await import("../lib/assessments/scores-io");
  const { loadActor } = await import("../lib/auth/load-actor");
  const reader = createPrismaClient(pg.url, 1);
  const actor = (await loadActor(reader, { id: user.id }))!;
  await reader.$disconnect();
  const started = performance.now();
  const result = await importScores(actor, { periodId: period.id, data: file, format: "xlsx" });
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
