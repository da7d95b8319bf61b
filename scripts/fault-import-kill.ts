// `npm run fault:import-kill`: a 100,080-row scores import (1,112 agencies × 90 sub-criteria, one
// XLSX file posted to POST /api/v1/assessment-periods/:id/scores) with the server killed by SIGKILL
// at each phase of the import, then restarted: every run must leave either all 100,080 scores and
// their 100,080 audit rows, or none. Then the same file imports completely.
// On a throwaway embedded PostgreSQL; the production build of NEXT_DIST_DIR (default .next-test).
// FAULT_AGENCIES (1112) and FAULT_ROUNDS (1) change the size and the number of passes.
// Prints one line per run and writes bench-results/fault-import-kill.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { importCompletely, KILL_POINTS, prepareImportKill, runImportKill, type KillRun } from "./lib/import-kill";
import { ensureBuild, ROOT } from "./lib/runtime";
import { buildDir } from "./lib/throwaway-portal";

const AGENCIES = Number(process.env.FAULT_AGENCIES ?? 1112);
const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 1);

await ensureBuild({ distDir: buildDir(), log: (line) => console.log(line) });
const started = Date.now();
const bench = await prepareImportKill({ agencies: AGENCIES });
console.log(`Dữ liệu: ${bench.dataset.rows.toLocaleString("vi-VN")} điểm, tệp XLSX ${(bench.dataset.file.length / 1024 / 1024).toFixed(1)} MB.`);
const runs: KillRun[] = [];
let failed = false;
try {
  for (let round = 1; round <= ROUNDS; round++) {
    for (const point of KILL_POINTS) {
      const run = await runImportKill(bench, point);
      runs.push(run);
      if (run.outcome === "partial") failed = true;
      console.log(
        `${run.outcome === "partial" ? "✗" : "✓"} ${point.padEnd(13)} giết sau ${(run.killedAfterMs / 1000).toFixed(2)} s (${run.observed}) → ` +
          `${run.outcome === "all" ? "ĐỦ" : run.outcome === "none" ? "KHÔNG" : "MỘT PHẦN"}: ${run.scoresWritten} điểm, ${run.auditRows} dòng nhật ký, ` +
          `${run.exportedSelfScores} trong tệp xuất; phiên CSDL đóng sau ${run.sessionsGoneMs} ms, khởi động lại ${run.restartMs} ms` +
          (run.tries > 1 ? ` (lần thứ ${run.tries}: các lần trước nhập xong trước khi thấy thời điểm giết)` : ""),
      );
    }
  }
  const complete = await importCompletely(bench);
  const completeOk = complete.status === 200 && complete.scoresWritten === bench.dataset.rows && complete.auditRows === bench.dataset.rows;
  if (!completeOk) failed = true;
  console.log(
    `${completeOk ? "✓" : "✗"} nhập lại trọn vẹn: HTTP ${complete.status}, ${complete.scoresWritten} điểm, ${complete.auditRows} dòng nhật ký, ${(complete.ms / 1000).toFixed(1)} s`,
  );
  const figures = {
    rows: bench.dataset.rows,
    runs,
    completeImport: complete,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}`,
    at: new Date().toISOString(),
  };
  fs.mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "bench-results", "fault-import-kill.json"), JSON.stringify(figures, null, 2));
} finally {
  await bench.close();
}
console.log(
  failed ? "THẤT BẠI: có lần nhập để lại một phần dữ liệu." : `Mọi lần đều trọn vẹn hoặc không có gì (${((Date.now() - started) / 1000).toFixed(0)} s).`,
);
process.exit(failed ? 1 : 0);
