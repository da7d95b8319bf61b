// The portal's own database for the backup and restore commands, as it is: DATABASE_URL, or the
// embedded PostgreSQL of PORTAL_DATA_DIR (the running one of an `npm start`, else started here
// and stopped again). Unlike prepareDatabase (runtime.ts) it neither migrates nor seeds.
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, superuserPassword } from "../../lib/db/embedded";
import { DATA_DIR } from "./runtime";

// The embedded server's local credentials (lib/db/embedded.ts: a password generated into its folder); it listens on 127.0.0.1 only.
const EMBEDDED_USER = "postgres";
const EMBEDDED_DATABASE = "portal";

export type PortalDatabase = { url: string; description: string; stop: () => Promise<void> };

/** Where evidence files live: the same rule as lib/storage/files.ts. */
export function evidenceDir(): string {
  return path.resolve(process.env.EVIDENCE_DIR ?? path.join(DATA_DIR, "evidence"));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function openPortalDatabase(options: { createIfMissing: boolean }): Promise<PortalDatabase> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, description: `${url.hostname}:${url.port || 5432}${url.pathname}`, stop: async () => {} };
  }
  const dataDir = path.join(DATA_DIR, "postgres");
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    // postmaster.pid: line 1 the process id, line 4 the port.
    const lines = fs.readFileSync(pidFile, "utf8").split("\n");
    const [pid, port] = [Number(lines[0]), Number(lines[3])];
    if (isAlive(pid) && port > 0) {
      return {
        url: `postgresql://${EMBEDDED_USER}:${encodeURIComponent(superuserPassword(dataDir))}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`,
        description: `PostgreSQL nhúng đang chạy tại ${dataDir}`,
        stop: async () => {},
      };
    }
  }
  if (!options.createIfMissing && !fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(`Không có cơ sở dữ liệu nhúng tại ${dataDir}: đặt PORTAL_DATA_DIR hoặc DATABASE_URL.`);
  }
  const running = await startEmbeddedPostgres({ dataDir, database: EMBEDDED_DATABASE });
  return { url: running.url, description: `PostgreSQL nhúng tại ${dataDir}`, stop: running.stop };
}
