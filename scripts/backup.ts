// `npm run backup [-- FILE]`: the database (every table, one consistent snapshot) and the evidence
// files in one .tar.gz, by default backups/cchc-<date>-<time>.tar.gz. Works while the portal runs.
// See lib/backup/backup.ts for the format; `npm run restore FILE` puts it back.
import path from "node:path";
import { createBackup } from "../lib/backup/backup";
import { evidenceDir, openPortalDatabase } from "./lib/portal-database";
import { ROOT } from "./lib/runtime";

const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
const file = path.resolve(process.argv[2] ?? path.join(ROOT, "backups", `cchc-${stamp}.tar.gz`));

try {
  const database = await openPortalDatabase({ createIfMissing: false });
  try {
    console.log(`Sao lưu ${database.description} và tệp minh chứng (${evidenceDir()})…`);
    const started = Date.now();
    const manifest = await createBackup({ databaseUrl: database.url, evidenceDir: evidenceDir(), file, log: (line) => console.log(line) });
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `✔ ${file}: ${manifest.tables.length} bảng, ${rows} dòng, ${manifest.evidence.length} tệp minh chứng (${((Date.now() - started) / 1000).toFixed(1)} giây).`,
    );
    if (manifest.missingEvidence.length > 0)
      console.log(`  Lưu ý: ${manifest.missingEvidence.length} tệp bị xóa trong lúc sao lưu: ${manifest.missingEvidence.join(", ")}`);
  } finally {
    await database.stop();
  }
} catch (error) {
  console.error(`✘ ${(error as Error).message}`);
  process.exitCode = 1;
}
