// Dev-only: writes the SQL of a new Prisma migration without Prisma's CLI.
//
//   npx tsx scripts/db-diff.ts <migration_name>        writes prisma/migrations/<UTC stamp>_<name>/migration.sql
//   npx tsx scripts/db-diff.ts --print [name]          prints the SQL instead of writing anything
//   options: --schema <file|dir>  (default prisma/schema.prisma)
//            --migrations <dir>   (default prisma/migrations)
//            --verbose            (embedded PostgreSQL and schema engine logs on stderr)
//
// Why not `prisma migrate dev`: the CLI wants to download its native schema-engine binary, and
// this machine reaches no server but the npm registry. Prisma does ship the very same engine
// compiled to WebAssembly (node_modules/prisma/build/schema_engine_bg.wasm) but never loads it;
// the JS glue published as @prisma/schema-engine-wasm (same 90 imports) can. So the script:
//   1. starts a throwaway embedded PostgreSQL,
//   2. applies prisma/migrations/*/migration.sql to it with plain `pg`, in folder-name order,
//   3. asks the wasm schema engine for the diff from that database to the schema's datamodel.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaContainer, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { startEmbeddedPostgres, type RunningPostgres } from "../lib/db/embedded";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

type Connection = RunningPostgres["connection"];

// ---------------------------------------------------------------------------------------------
// Command line

type Options = { name: string | null; print: boolean; schema: string; migrations: string; verbose: boolean };

function usage(message?: string): never {
  if (message) console.error(`db-diff: ${message}`);
  console.error("usage: npx tsx scripts/db-diff.ts <migration_name> [--print] [--schema <file|dir>] [--migrations <dir>] [--verbose]");
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    name: null,
    print: false,
    schema: path.join(ROOT, "prisma/schema.prisma"),
    migrations: path.join(ROOT, "prisma/migrations"),
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? usage(`${arg} needs a value`);
    if (arg === "--print") options.print = true;
    else if (arg === "--verbose") options.verbose = true;
    else if (arg === "--schema") options.schema = path.resolve(value());
    else if (arg === "--migrations") options.migrations = path.resolve(value());
    else if (arg === "-h" || arg === "--help") usage();
    else if (arg.startsWith("-")) usage(`unknown option ${arg}`);
    else if (options.name === null) options.name = arg;
    else usage(`unexpected argument ${arg}`);
  }
  if (options.name !== null) {
    // Same shape as Prisma's own folder names: lower-case words joined by underscores.
    options.name = options.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "");
    if (!options.name) usage("the migration name has no letters or digits");
  }
  if (!options.print && !options.name) usage("give a migration name (or --print)");
  return options;
}

// ---------------------------------------------------------------------------------------------
// Inputs on disk

/** The schema as the engine wants it: one file, or every .prisma file of a multi-file schema folder. */
function readSchemaFiles(schemaPath: string): SchemaContainer[] {
  if (!fs.existsSync(schemaPath)) throw new Error(`no Prisma schema at ${schemaPath}`);
  const files = fs.statSync(schemaPath).isDirectory()
    ? (fs.readdirSync(schemaPath, { recursive: true }) as string[])
        .filter((f) => f.endsWith(".prisma"))
        .sort()
        .map((f) => path.join(schemaPath, f))
    : [schemaPath];
  if (files.length === 0) throw new Error(`no .prisma files under ${schemaPath}`);
  return files.map((file) => ({ path: file, content: fs.readFileSync(file, "utf8") }));
}

/** Existing migrations, in the order Prisma applies them (folder names start with a timestamp). */
function readMigrations(dir: string): { name: string; sql: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

async function applyMigrations(connection: Connection, migrations: { name: string; sql: string }[]) {
  const client = new pg.Client(connection);
  await client.connect();
  try {
    for (const migration of migrations) {
      // The whole file as one simple-protocol query: PostgreSQL parses it itself (DO $$…$$
      // blocks and quoted semicolons included) and runs it as one implicit transaction.
      await client.query(migration.sql).catch((error: Error) => {
        throw new Error(`migration ${migration.name} failed on a fresh database: ${error.message}`);
      });
    }
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// The schema engine (WebAssembly)

/** Prefer the wasm shipped with the installed `prisma` (the engine version its CLI would use). */
function engineWasmPath(): string {
  const fromPrisma = path.join(ROOT, "node_modules/prisma/build/schema_engine_bg.wasm");
  if (fs.existsSync(fromPrisma)) return fromPrisma;
  return path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
}

let engineClass: Promise<typeof SchemaEngine> | undefined;

/** Instantiates the wasm once per process: the glue keeps a single module-level `wasm` instance. */
function loadSchemaEngine(): Promise<typeof SchemaEngine> {
  engineClass ??= (async () => {
    // The glue reports Rust panics through this global; without it a panic becomes a TypeError.
    const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
    registry.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message: (message) => console.error(`schema engine panicked: ${message}`),
    };
    const bytes = fs.readFileSync(engineWasmPath());
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": engineGlue });
    engineGlue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return engineGlue.SchemaEngine;
  })();
  return engineClass;
}

/** Runs one statement on the server's maintenance database (CREATE/DROP DATABASE). */
async function adminQuery(connection: Connection, sql: string) {
  const client = new pg.Client({ ...connection, database: "postgres" });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// @prisma/adapter-pg 7.10.1 has no mapping for PostgreSQL's one-byte internal type "char" and fails
// every query returning one, yet the engine's introspection reads several catalog columns of that
// type (pg_constraint.contype, confdeltype, pg_class.relkind, …) and insists on getting them as
// ColumnType.Character (text makes it panic). Two halves, because the adapter drops everything but
// names, types and rows between them:
//   1. a pg.Client that, before the adapter sees a result, relabels "char" columns as text and tags
//      their names with a NUL (which no PostgreSQL identifier can contain);
//   2. a queryRaw wrapper that strips the tag and reports those columns as Character.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHAR_TAG = "\u0000char";

function tagCharColumns<T>(result: T): T {
  // A multi-statement query returns one result per statement.
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of (one as pg.QueryResult | undefined)?.fields ?? []) {
      if (field.dataTypeID !== PG_CHAR_OID) continue;
      field.dataTypeID = PG_TEXT_OID;
      field.name += CHAR_TAG;
    }
  }
  return result;
}

class CharTaggingClient extends pg.Client {
  // Both calling styles: pg.Pool passes a callback, direct callers await the promise.
  // biome-ignore lint/suspicious/noExplicitAny: pg.Client.query's overloads cannot be forwarded any other way.
  override query(...args: any[]): any {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: Error | null, result: unknown) => callback(error, tagCharColumns(result));
    }
    const returned = (pg.Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
    return returned instanceof Promise ? returned.then(tagCharColumns) : returned;
  }
}

function untagCharColumns(result: SqlResultSet): SqlResultSet {
  result.columnNames.forEach((name, i) => {
    if (!name.endsWith(CHAR_TAG)) return;
    result.columnNames[i] = name.slice(0, -CHAR_TAG.length);
    result.columnTypes[i] = ColumnTypeEnum.Character;
  });
  return result;
}

/** Applies half 2 to an adapter (and to the transactions it opens). */
function reportCharColumns<A extends SqlDriverAdapter>(adapter: A): A {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => untagCharColumns(await queryRaw(query));
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const tx = await startTransaction(isolationLevel);
    const txQueryRaw = tx.queryRaw.bind(tx);
    tx.queryRaw = async (query) => untagCharColumns(await txQueryRaw(query));
    return tx;
  };
  return adapter;
}

/**
 * The driver adapters the engine talks to PostgreSQL through, plus `closeAll` for what the engine
 * leaves open (freeing the engine does not dispose its adapters, so their pools would linger).
 * Separate host/port/user/password/database fields, never a URL: PrismaPg builds other pools by
 * spreading this config with another `database`, which a `connectionString` would override.
 */
function adapterFactory(connection: Connection) {
  const poolConfig = (database: string): pg.PoolConfig => ({ ...connection, database, Client: CharTaggingClient });
  const main = new PrismaPg(poolConfig(connection.database));
  const open = new Set<SqlDriverAdapter>();

  /** Makes dispose() idempotent and remembers the adapter until it is disposed. */
  function track<A extends SqlDriverAdapter>(adapter: A, dispose: () => Promise<void>): A {
    adapter.dispose = async () => {
      if (open.delete(adapter)) await dispose();
    };
    open.add(adapter);
    return reportCharColumns(adapter);
  }

  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => {
      const adapter = await main.connect();
      return track(adapter, adapter.dispose.bind(adapter));
    },
    // Only called if the engine wants a shadow database, which this diff does not. PrismaPg's
    // own drops the database before closing the pool still connected to it, which PostgreSQL
    // refuses; this one closes the pool first. (Diffing `from: {tag: "migrations"}` through it
    // works, but the engine then replays each file with PrismaPg's executeScript, which splits
    // on every ";" and so breaks DO $$…$$ blocks: one more reason to apply them with pg above.)
    connectToShadowDb: async () => {
      const database = `prisma_shadow_${randomUUID().replace(/-/g, "")}`;
      await adminQuery(connection, `CREATE DATABASE "${database}"`);
      const adapter = await new PrismaPg(poolConfig(database)).connect();
      const closePool = adapter.dispose.bind(adapter);
      return track(adapter, async () => {
        await closePool();
        await adminQuery(connection, `DROP DATABASE IF EXISTS "${database}"`);
      });
    },
  };
  const closeAll = async () => {
    for (const adapter of [...open]) await adapter.dispose();
  };
  return { factory, closeAll };
}

async function computeDiff(connection: Connection, files: SchemaContainer[], verbose: boolean): Promise<string> {
  const Engine = await loadSchemaEngine();
  const log = (line: string) => verbose && console.error(`[schema-engine] ${line}`);
  const adapters = adapterFactory(connection);
  const engine = await Engine.new({ datamodels: files.map((f) => [f.path, f.content]) }, log, bindMigrationAwareSqlAdapterFactory(adapters.factory));
  try {
    const result = await engine.diff({
      // The live database the migrations were just applied to, reached through the adapter
      // (`schemaDatasource` = what `prisma migrate diff --from-config-datasource` sends).
      from: { tag: "schemaDatasource", files, configDir: ROOT },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
    await adapters.closeAll();
  }
}

// ---------------------------------------------------------------------------------------------
// Output

/** The engine answers an empty diff with a comment-only script. */
function isEmptyScript(sql: string): boolean {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
}

/** YYYYMMDDHHMMSS in UTC, the prefix Prisma gives migration folders. */
function utcStamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

function writeMigration(dir: string, name: string, sql: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const lockfile = path.join(dir, "migration_lock.toml");
  if (!fs.existsSync(lockfile)) {
    // Byte for byte what `prisma migrate dev` writes.
    fs.writeFileSync(
      lockfile,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  const folder = path.join(dir, `${utcStamp()}_${name}`);
  if (fs.existsSync(folder)) throw new Error(`${folder} already exists`);
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, "migration.sql"), sql.endsWith("\n") ? sql : `${sql}\n`);
  return folder;
}

// ---------------------------------------------------------------------------------------------

/** Stops the database and removes its files; set by main() once there is something to clean. */
let cleanup = async () => {};

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const files = readSchemaFiles(options.schema);
  const migrations = readMigrations(options.migrations);

  // Not under a mkdtemp folder: that is mode 0700 and, run as root, PostgreSQL runs as the
  // `postgres` user, who could not reach its data directory inside it.
  const dataDir = path.join(os.tmpdir(), `db-diff-${randomUUID()}`);
  const log = options.verbose ? (line: string) => console.error(`[postgres] ${line.trimEnd()}`) : undefined;
  let postgres: RunningPostgres | undefined;
  cleanup = async () => {
    cleanup = async () => {};
    await postgres?.stop().catch(() => {}); // persistent: false also deletes dataDir…
    fs.rmSync(dataDir, { recursive: true, force: true }); // …unless it failed before that
  };

  let sql: string;
  try {
    postgres = await startEmbeddedPostgres({ dataDir, persistent: false, log });
    await applyMigrations(postgres.connection, migrations);
    sql = await computeDiff(postgres.connection, files, options.verbose);
  } finally {
    await cleanup();
  }

  if (isEmptyScript(sql)) {
    console.log("no changes");
    return;
  }
  if (options.print) {
    process.stdout.write(sql.endsWith("\n") ? sql : `${sql}\n`);
    return;
  }
  const folder = writeMigration(options.migrations, options.name!, sql);
  console.log(`wrote ${path.relative(process.cwd(), path.join(folder, "migration.sql"))}`);
}

async function fail(error: unknown) {
  const verbose = process.argv.includes("--verbose");
  const text = error instanceof Error ? (verbose && error.stack) || error.message : JSON.stringify(error);
  console.error(`db-diff: ${text}`);
  await cleanup();
  process.exit(1);
}

// A Rust panic inside the engine surfaces as an uncaught RuntimeError thrown from a microtask and
// leaves the engine's promise pending forever, so main()'s `finally` would never run.
process.once("uncaughtException", fail);
main().catch(fail);
