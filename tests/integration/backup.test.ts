// Backup → wipe → restore: a new empty database and an empty evidence folder get back every row of
// every table and every evidence file, byte for byte; restore refuses a database or a folder that
// is not empty, and an archive that was altered.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "backup-test-"));
process.env.EVIDENCE_DIR = path.join(tmp, "evidence");

const { createBackup, restoreBackup } = await import("@/lib/backup/backup");
const { extractTarGz, writeTarGz } = await import("@/lib/backup/archive");
const { addEvidence, selfScore } = await import("@/lib/assessments/mutations");
const { openPeriod } = await import("@/lib/assessments/periods/mutations");
const { addDirectiveFile } = await import("@/lib/directives/mutations");
const { createDatabase } = await import("../support/postgres");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");

const ROOT = path.resolve(import.meta.dirname, "../..");
const sourceUrl = process.env.DATABASE_URL!;
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...crypto.randomBytes(2048)]);

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Every table's rows as JSON, ordered by primary key, computed by PostgreSQL. */
async function tableContents(url: string): Promise<Record<string, string>> {
  const tables = await query<{ name: string; key: string | null }>(
    url,
    `SELECT c.relname AS name,
            (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord)
               FROM pg_constraint pk CROSS JOIN LATERAL unnest(pk.conkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
              WHERE pk.conrelid = c.oid AND pk.contype = 'p') AS key
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
  );
  const contents: Record<string, string> = {};
  for (const t of tables) {
    const [row] = await query<{ rows: string }>(url, `SELECT coalesce(json_agg(t ORDER BY ${t.key ?? "t::text"})::text, '[]') AS rows FROM "${t.name}" t`);
    contents[t.name] = row.rows;
  }
  return contents;
}

/** Columns, indexes, constraints and sequences: the restored schema must be the same. */
async function schemaOf(url: string): Promise<unknown[]> {
  return Promise.all([
    query(
      url,
      "SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2",
    ),
    query(url, "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2"),
    query(
      url,
      "SELECT conrelid::regclass::text AS t, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2",
    ),
    query(url, "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1"),
  ]);
}

function filesWithHashes(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const full = path.join(e.parentPath, e.name);
        return [path.relative(dir, full), crypto.createHash("sha256").update(fs.readFileSync(full)).digest("hex")];
      })
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

const archive = path.join(tmp, "sao-luu.tar.gz");
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  // Data of every kind the portal writes: evidence of a score and of a directive, audit rows with
  // old and new values, Vietnamese text across lines, a login attempt (bigint key).
  const [staff, head] = await Promise.all([actorFor("noivu@demo.local"), actorFor("thutruong@demo.local")]);
  const framework = await testDb.framework.findUniqueOrThrow({ where: { key_version: { key: "an-giang-so-ban-nganh", version: 1 } } });
  const stp = await testDb.agency.findFirstOrThrow({ where: { code: "STP", provinceId: staff.provinceId! } });
  const { periodId } = await openPeriod(staff, {
    frameworkId: String(framework.id),
    year: "2026",
    deadline: "2099-12-15",
    agencyIds: [String(stp.id)],
  });
  const score = await testDb.criterionScore.findFirstOrThrow({ where: { assessment: { periodId }, criterion: { method: "APPRAISAL" } } });
  await selfScore(head, {
    criterionScoreId: score.id,
    version: score.version,
    score: "1,25",
    comment: 'Dòng 1\nDòng 2: "trích dẫn", dấu phẩy; =SUM(A1)',
  });
  await addEvidence(head, score.id, { name: "Báo cáo tháng 1.pdf", bytes: PDF });
  await addEvidence(head, score.id, { name: "ảnh chụp.png", bytes: PNG });
  const directive = await testDb.directive.findFirstOrThrow({ where: { number: "1020/UBND-TH" } });
  await addDirectiveFile(staff, directive.id, { name: "kế hoạch.pdf", bytes: PDF });
  await testDb.loginAttempt.create({ data: { email: "ai.do@example.vn", ip: "203.0.113.7", succeeded: false } });
  // Enough audit rows (about 9 MB) for the dump to read in many fetches and the restore to load in several batches.
  await testDb.$executeRawUnsafe(`
    INSERT INTO audit_log (actor_email, action, entity_type, entity_id, province_id, old_value, new_value)
    SELECT 'import@demo.local', 'criterionScore.import.self', 'CriterionScore', i::text, ${staff.provinceId},
           jsonb_build_object('selfScore', NULL, 'criterion', '1.' || i),
           jsonb_build_object('selfScore', (i % 400) / 4.0, 'comment', repeat('Nhận xét dài có dấu tiếng Việt. ', 8), 'row', i)
      FROM generate_series(1, 30000) AS i`);
});

// Whole-database round trips of 30,000 audit rows: a minute each on a busy machine, more than the default.
describe("backup and restore", { timeout: 180_000 }, () => {
  let restoredUrl: string;
  const restoredEvidence = path.join(tmp, "evidence-restored");

  it("writes one archive with the manifest, the schema's migrations, every table and every evidence file", async () => {
    const manifest = await createBackup({ databaseUrl: sourceUrl, evidenceDir: process.env.EVIDENCE_DIR!, file: archive });
    expect(manifest.tables.map((t) => t.name)).toEqual(Object.keys(await tableContents(sourceUrl)));
    expect(manifest.evidence).toHaveLength(3);
    expect(manifest.missingEvidence).toEqual([]);
    expect(manifest.migrations.length).toBeGreaterThan(0);
    expect(manifest.tables.find((t) => t.name === "audit_log")!.rows).toBe(await testDb.auditLog.count());
  });

  it("restores into a new empty database and an empty folder: every table and every file is identical", async () => {
    restoredUrl = await createDatabase(inject("cluster"), { empty: true });
    await restoreBackup({ file: archive, databaseUrl: restoredUrl, evidenceDir: restoredEvidence });

    const [before, after] = [await tableContents(sourceUrl), await tableContents(restoredUrl)];
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toBe(before[table]);
    expect(await schemaOf(restoredUrl)).toEqual(await schemaOf(sourceUrl));
    const [files, restoredFiles] = [filesWithHashes(process.env.EVIDENCE_DIR!), filesWithHashes(restoredEvidence)];
    expect(Object.keys(files)).toHaveLength(3);
    expect(restoredFiles).toEqual(files);
    console.log(
      `Restore comparison: ${Object.keys(before).length} tables (${Object.values(before).reduce((n, rows) => n + (JSON.parse(rows) as unknown[]).length, 0)} rows) and ${Object.keys(files).length} files identical.`,
    );
  });

  it("leaves a restored database that takes new rows (sequences continue after the restored ids)", async () => {
    const [{ id }] = await query<{ id: string }>(
      restoredUrl,
      "INSERT INTO login_attempt (email, ip, succeeded) VALUES ('x@example.vn', '127.0.0.1', true) RETURNING id::text",
    );
    const [{ max }] = await query<{ max: string }>(sourceUrl, "SELECT max(id)::text AS max FROM login_attempt");
    expect(BigInt(id)).toBeGreaterThan(BigInt(max));
  });

  it("refuses a database that is not empty, and an evidence folder that is not empty", async () => {
    await expect(restoreBackup({ file: archive, databaseUrl: restoredUrl, evidenceDir: path.join(tmp, "evidence-empty") })).rejects.toThrow(/không trống/);
    const fresh = await createDatabase(inject("cluster"), { empty: true });
    await expect(restoreBackup({ file: archive, databaseUrl: fresh, evidenceDir: restoredEvidence })).rejects.toThrow(/không trống/);
    expect(await query(fresh, "SELECT 1 FROM pg_tables WHERE schemaname = 'public'")).toEqual([]);
  });

  it("refuses an altered archive before writing anything", async () => {
    const unpacked = path.join(tmp, "unpacked");
    const names = await extractTarGz(archive, unpacked);
    const table = path.join(unpacked, "database", "published_result.jsonl");
    fs.writeFileSync(table, fs.readFileSync(table, "utf8").replace("92.18", "99.18"));
    const altered = path.join(tmp, "altered.tar.gz");
    await writeTarGz(
      altered,
      names.map((name) => ({ name, file: path.join(unpacked, name) })),
    );
    const fresh = await createDatabase(inject("cluster"), { empty: true });
    await expect(restoreBackup({ file: altered, databaseUrl: fresh, evidenceDir: path.join(tmp, "evidence-altered") })).rejects.toThrow(
      /published_result bị thay đổi/,
    );
    expect(await query(fresh, "SELECT 1 FROM pg_tables WHERE schemaname = 'public'")).toEqual([]);
  });

  it("writes a standard .tar.gz that tar lists", () => {
    const listed = spawnSync("tar", ["-tzf", archive], { encoding: "utf8" });
    if (listed.error) return; // no tar on this machine: the round trip above is the proof
    expect(listed.stdout.split("\n")).toEqual(expect.arrayContaining(["manifest.json", "database/audit_log.jsonl"]));
  });

  it("runs as `npm run backup` and `npm run restore FILE` against DATABASE_URL", () => {
    const file = path.join(tmp, "cli.tar.gz");
    const env = { ...process.env, DATABASE_URL: sourceUrl, EVIDENCE_DIR: process.env.EVIDENCE_DIR };
    const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
    const backup = spawnSync(tsx, ["scripts/backup.ts", file], { cwd: ROOT, env, encoding: "utf8" });
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(file);
    return createDatabase(inject("cluster"), { empty: true }).then(async (url) => {
      const restore = spawnSync(tsx, ["scripts/restore.ts", file], {
        cwd: ROOT,
        env: { ...env, DATABASE_URL: url, EVIDENCE_DIR: path.join(tmp, "evidence-cli") },
        encoding: "utf8",
      });
      expect(restore.status, restore.stderr).toBe(0);
      expect(await tableContents(url)).toEqual(await tableContents(sourceUrl));
    });
  });
});
