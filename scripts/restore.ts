// `npm run restore FILE`: restores a backup of `npm run backup` into an EMPTY database (DATABASE_URL,
// or a new embedded one: PORTAL_DATA_DIR=.data-restored) and an empty evidence folder; it refuses
// anything that is not empty. Start the portal on it afterwards with the same settings.
import fs from "node:fs";
import path from "node:path";
import { restoreBackup } from "../lib/backup/backup";
import { evidenceDir, openPortalDatabase } from "./lib/portal-database";

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error(file ? `Không có tệp ${file}.` : "Cách dùng: npm run restore -- backups/cchc-….tar.gz");
  process.exit(2);
}

try {
  const database = await openPortalDatabase({ createIfMissing: true });
  try {
    console.log(`Khôi phục ${path.resolve(file)} vào ${database.description} và ${evidenceDir()}…`);
    const started = Date.now();
    const manifest = await restoreBackup({ file, databaseUrl: database.url, evidenceDir: evidenceDir(), log: (line) => console.log(line) });
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `✔ Đã khôi phục ${manifest.tables.length} bảng, ${rows} dòng, ${manifest.evidence.length} tệp minh chứng (${((Date.now() - started) / 1000).toFixed(1)} giây).`,
    );
  } finally {
    await database.stop();
  }
} catch (error) {
  console.error(`✘ ${(error as Error).message}`);
  process.exitCode = 1;
}
