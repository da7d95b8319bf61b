// A portal of its own: a throwaway embedded PostgreSQL seeded with the demo data and `next start`
// of the production build (built if its sources changed), with the environment asked for. For the
// checks the shared end-to-end server cannot make (an HTTPS public address) and for
// `npm run fuzz`, which writes freely.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../lib/db/embedded";
import { ensureBuild, ROOT } from "../../scripts/lib/runtime";
import { createDatabase, startTestCluster } from "../support/postgres";

export type Portal = { baseUrl: string; databaseUrl: string; evidenceDir: string; stop: () => Promise<void> };

export async function startPortal(options: { env?: Record<string, string>; log?: (line: string) => void } = {}): Promise<Portal> {
  const distDir = process.env.E2E_DIST_DIR ?? ".next-test";
  await ensureBuild({ distDir, log: options.log ?? (() => {}) });
  const { cluster, stop: stopPostgres } = await startTestCluster();
  const databaseUrl = await createDatabase(cluster);
  const evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-evidence-"));
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
      EVIDENCE_DIR: evidenceDir,
      ...options.env,
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await stopPostgres();
    fs.rmSync(evidenceDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) {
      await stop();
      throw new Error("the portal did not start");
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { baseUrl, databaseUrl, evidenceDir, stop };
}

/** Signs a user in through Auth.js's own endpoints, as a browser would; returns every Set-Cookie and the Cookie header to send. */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<{ setCookies: string[]; cookie: string }> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return setCookies;
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const setCookies = keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/trang-chu` }),
  });
  setCookies.push(...keep(signIn));
  if (![...jar.keys()].some((name) => name.endsWith("authjs.session-token"))) throw new Error(`sign-in of ${email} failed (${signIn.status})`);
  return { setCookies, cookie: cookie() };
}
