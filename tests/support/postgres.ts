// One throwaway embedded PostgreSQL per test run, with a migrated and seeded template database;
// each test file then gets its own fresh copy of it (CREATE DATABASE … TEMPLATE), so files
// never see each other's writes. Nothing is shared with a running `npm start`: another data
// folder, another free port.
import crypto from "node:crypto";
import pg from "pg";
import { startThrowawayDatabase } from "../../scripts/lib/throwaway-portal";

export const TEMPLATE_DATABASE = "portal_template";

export type TestCluster = { baseUrl: string; template: string };

export async function startTestCluster(): Promise<{ cluster: TestCluster; stop: () => Promise<void> }> {
  // Without the demo's open period of the current year: tests open that year themselves
  // (`e2e({ demoInProgress: true })` adds the demo's period to a file's own copy).
  const database = await startThrowawayDatabase({ demo: true, inProgress: false, database: TEMPLATE_DATABASE });
  // A template cannot be copied while anyone is connected to it.
  await database.db.$disconnect();
  return {
    cluster: { baseUrl: database.url.slice(0, database.url.lastIndexOf("/")), template: TEMPLATE_DATABASE },
    stop: database.remove,
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
