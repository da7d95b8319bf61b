// `npm run bench:deadlines`: the daily deadline scan and digest at national scale alone (also the
// last line of `npm run bench`), on a throwaway embedded PostgreSQL: 2,000 agencies (BENCH_AGENCIES)
// with one year of the national data set, their periods and tasks, 10,000 accounts. Budget: < 60 s.
// Writes bench-results/deadlines.json, which `npm run bench` reads for its budget line.
import fs from "node:fs";
import path from "node:path";
import { generateNationalDataset } from "./lib/national-dataset";
import { benchDeadlines } from "./lib/deadline-bench";
import { startThrowawayDatabase } from "./lib/throwaway-portal";

const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 2000);
const log = (line: string) => console.log(line);
const database = await startThrowawayDatabase({ demo: false });
process.env.DATABASE_URL = database.url;
try {
  await generateNationalDataset(database.url, { agencies: AGENCIES, years: 1, password: "Bench@2026-không-dùng", log });
  const result = await benchDeadlines(database.url, database.db, { log });
  const met = result.seconds < 60;
  log(
    `  Quét hạn và thư tổng hợp hằng ngày (${AGENCIES.toLocaleString("vi-VN")} cơ quan, ${result.users.toLocaleString("vi-VN")} tài khoản): ` +
      `${result.seconds.toFixed(1)} s (quét ${result.scanSeconds.toFixed(1)} s: ${result.notifications.toLocaleString("vi-VN")} thông báo; ` +
      `thư tổng hợp ${result.digestSeconds.toFixed(1)} s: ${result.mails.toLocaleString("vi-VN")} thư) — ngân sách < 60 s ${met ? "✅" : "❌"}`,
  );
  const outDir = path.resolve(import.meta.dirname, "../bench-results");
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "deadlines.json"), JSON.stringify({ agencies: AGENCIES, ...result, met }, null, 2));
  process.exitCode = met ? 0 : 1;
} finally {
  await database.remove();
}
