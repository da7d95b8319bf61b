// End-to-end setup: its own embedded PostgreSQL (seeded with the demo data), a production build
// in .next-test (never the .next of a running `npm start`), and `next start` on a free port.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../lib/db/embedded";
import { ensureBuild, ROOT } from "../../scripts/lib/runtime";
import { createDatabase, startTestCluster } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const { cluster, stop: stopPostgres } = await startTestCluster();
  const databaseUrl = await createDatabase(cluster);
  // E2E_DIST_DIR lets two suites build side by side (e.g. two clones in one folder tree).
  const distDir = process.env.E2E_DIST_DIR ?? ".next-test";
  await ensureBuild({ distDir, log: (line) => console.log(line) });

  const port = await freePort();
  const server = spawn(process.execPath, [path.join(ROOT, "scripts", "web-server.mjs"), "-p", String(port)], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
      EVIDENCE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "e2e-evidence-")),
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error("the portal did not start for the end-to-end tests");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  project.provide("baseUrl", baseUrl);

  return async () => {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await stopPostgres();
  };
}
