// One throwaway embedded PostgreSQL per test run, with a migrated and seeded template database;
// each test file then gets its own fresh copy of it (CREATE DATABASE … TEMPLATE), so files
// never see each other's writes. Nothing is shared with a running `npm start`: another data
// folder, another free port.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type RunningPostgres } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { createPrismaClient } from "../../lib/db/prisma";
import { seed } from "../../prisma/seed";

export const TEMPLATE_DATABASE = "portal_template";

export type TestCluster = { baseUrl: string; template: string };

export async function startTestCluster(): Promise<{ cluster: TestCluster; stop: () => Promise<void> }> {
  // Not under mkdtemp's 0700 folder: PostgreSQL runs as another user when we are root.
  const dataDir = path.join(os.tmpdir(), `portal-test-${process.pid}-${crypto.randomBytes(4).toString("hex")}`);
  const running: RunningPostgres = await startEmbeddedPostgres({ dataDir, database: TEMPLATE_DATABASE, persistent: false });
  const templateUrl = running.url;
  await migrate(templateUrl);
  const db = createPrismaClient(templateUrl, 2);
  try {
    await seed(db, { demo: true });
  } finally {
    await db.$disconnect();
  }
  const baseUrl = templateUrl.slice(0, templateUrl.lastIndexOf("/"));
  return {
    cluster: { baseUrl, template: TEMPLATE_DATABASE },
    stop: async () => {
      await running.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new database copied from the template (or empty), returned as a connection string. */
export async function createDatabase(cluster: TestCluster, options: { empty?: boolean } = {}): Promise<string> {
  const name = `t_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: `${cluster.baseUrl}/postgres` });
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(options.empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${cluster.template}`);
        break;
      } catch (error) {
        // Two files copying the template at the same instant: PostgreSQL refuses one; retry.
        if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  return `${cluster.baseUrl}/${name}`;
}
