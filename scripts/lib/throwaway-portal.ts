// The one harness for a portal of its own, shared by the tests and the scripts (scripts never import
// from tests/): a throwaway embedded PostgreSQL, migrated and seeded; `next start` of the production
// build on a free port, which can be killed and restarted; and sign-in over HTTP through Auth.js's
// own endpoints. The end-to-end files (tests/support/portal.ts), the fault tests, `npm run fuzz`,
// `npm run bench` and `npm run fault:import-kill` all start their portals here.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { createPrismaClient } from "../../lib/db/prisma";
import type { PrismaClient } from "../../lib/db/generated/client";
import { seed } from "../../prisma/seed";
import { ensureBuild, ROOT } from "./runtime";

/** The production build served: under vitest the one the end-to-end setup made (E2E_DIST_DIR), in scripts NEXT_DIST_DIR; else .next-test. */
export function buildDir(): string {
  return (process.env.VITEST ? process.env.E2E_DIST_DIR : process.env.NEXT_DIST_DIR) ?? ".next-test";
}

export type ThrowawayDatabase = {
  url: string;
  port: number;
  /** A client for the checks and the set-up (2 connections). */
  db: PrismaClient;
  /** Stops PostgreSQL (fast shutdown: open sessions are terminated), keeping its data. */
  stop: () => Promise<void>;
  /** Starts it again on the same port and data folder. */
  start: () => Promise<void>;
  /** Stops it and deletes its data folder. */
  remove: () => Promise<void>;
};

/** An embedded PostgreSQL of its own (another data folder, a free port), migrated and seeded. */
export async function startThrowawayDatabase(options: {
  demo: boolean;
  inProgress?: boolean;
  database?: string;
  /** More PostgreSQL settings (lib/db/embedded.ts). */
  settings?: Record<string, string>;
}): Promise<ThrowawayDatabase> {
  // Not under mkdtemp's 0700 folder: PostgreSQL runs as another user when we are root.
  const dataDir = path.join(os.tmpdir(), `portal-throwaway-${process.pid}-${crypto.randomBytes(4).toString("hex")}`);
  const port = await freePort();
  const boot = () => startEmbeddedPostgres({ dataDir, port, database: options.database ?? "portal", persistent: true, settings: options.settings });
  let running: RunningPostgres | null = await boot();
  const url = running.url;
  await migrate(url);
  const db = createPrismaClient(url, 2);
  await seed(db, { demo: options.demo, inProgress: options.inProgress });
  return {
    url,
    port,
    db,
    stop: async () => {
      await running?.stop();
      running = null;
    },
    start: async () => {
      running ??= await boot();
    },
    remove: async () => {
      await db.$disconnect().catch(() => {});
      await running?.stop();
      running = null;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type PortalServer = {
  baseUrl: string;
  pid: number;
  /** Where this server keeps evidence files (EVIDENCE_DIR); deleted when it exits. */
  evidenceDir: string;
  /** What the server wrote to stderr (for the report when something fails). */
  stderr: () => string;
  /** Sends a signal to the whole process group of `next start` and waits for it to exit. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

/**
 * The production build served (scripts/web-server.mjs) on a free port, in its own process group, ready when
 * /api/health answers. `cluster`: one process per core, as `npm start` serves (scripts/next-cluster.mjs).
 */
export async function startPortalServer(options: {
  databaseUrl: string;
  port?: number;
  env?: Record<string, string>;
  cluster?: boolean;
  /** Options of node itself, e.g. `--cpu-prof` (refused in NODE_OPTIONS); the cluster's workers inherit them. */
  nodeArgs?: string[];
}): Promise<PortalServer> {
  await buildReady();
  const port = options.port ?? (await freePort());
  const evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-evidence-"));
  const [command, args] = options.cluster
    ? [process.execPath, [...(options.nodeArgs ?? []), path.join(ROOT, "scripts", "next-cluster.mjs"), "-p", String(port)]]
    : [process.execPath, [...(options.nodeArgs ?? []), path.join(ROOT, "scripts", "web-server.mjs"), "-p", String(port)]];
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: buildDir(),
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
      EVIDENCE_DIR: evidenceDir,
      // The tests and scripts play the reverse proxy: they send X-Forwarded-For to act as many clients.
      TRUSTED_PROXIES: "127.0.0.1",
      ...options.env,
    },
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-20_000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => fs.rmSync(evidenceDir, { recursive: true, force: true }));
  // Detached, so it would outlive a test process that dies: take it down with us.
  const killOnExit = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  };
  process.once("exit", killOnExit);
  void exited.then(() => process.removeListener("exit", killOnExit));
  const kill = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      await kill("SIGKILL");
      throw new Error(`the portal did not start (${buildDir()}): ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { baseUrl, pid: child.pid!, evidenceDir, stderr: () => stderr, kill };
}

/**
 * In the test suite the build runs beside the first test files (tests/support/build-global.ts) and
 * says in PORTAL_BUILD_STATUS when it is done: "ok", or "failed: …". Elsewhere there is nothing to wait for.
 */
async function buildReady(): Promise<void> {
  const status = process.env.PORTAL_BUILD_STATUS;
  if (!status) return;
  for (;;) {
    const state = fs.readFileSync(status, "utf8");
    if (state === "ok") return;
    if (state.startsWith("failed")) throw new Error(`the portal cannot start: ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export type Portal = { baseUrl: string; database: ThrowawayDatabase; server: PortalServer; stop: () => Promise<void> };

/** Build (when the sources changed), database and server in one: a whole portal of its own, with the demo data unless `demo: false`. */
export async function startPortal(options: { env?: Record<string, string>; demo?: boolean; log?: (line: string) => void } = {}): Promise<Portal> {
  await ensureBuild({ distDir: buildDir(), log: options.log ?? (() => {}) });
  const database = await startThrowawayDatabase({ demo: options.demo ?? true });
  try {
    const server = await startPortalServer({ databaseUrl: database.url, env: options.env });
    return {
      baseUrl: server.baseUrl,
      database,
      server,
      stop: async () => {
        await server.kill();
        await database.remove();
      },
    };
  } catch (error) {
    await database.remove();
    throw error;
  }
}

/** Cookie header built from a response's Set-Cookie lines, merged into earlier cookies. */
export function mergeCookies(previous: string, response: Response): string {
  const jar = new Map(
    previous
      .split("; ")
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)] as const),
  );
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0];
    jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

export type CsrfToken = { token: string; cookie: string; setCookies: string[] };

/** A CSRF token and its cookie from Auth.js, reusable for many sign-in attempts. */
export async function csrf(baseUrl: string): Promise<CsrfToken> {
  const response = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { token: csrfToken, cookie: mergeCookies("", response), setCookies: response.headers.getSetCookie() };
}

export type SignInResult = {
  status: number;
  outcome: "ok" | "invalid" | "throttled" | "error";
  /** The Cookie header to send as the signed-in user. */
  cookie: string;
  /** Every Set-Cookie line the sign-in received (CSRF token included), with their attributes. */
  setCookies: string[];
  location: string;
};

/**
 * One sign-in through Auth.js's credentials endpoint, as the browser's form post would do it
 * (the sign-in form's server action calls the same provider). `ip` is sent as X-Forwarded-For,
 * which a reverse proxy sets in production.
 */
export async function signInOverHttp(
  baseUrl: string,
  credentials: { email: string; password: string },
  options: { ip?: string; csrf?: CsrfToken } = {},
): Promise<SignInResult> {
  const token = options.csrf ?? (await csrf(baseUrl));
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: token.cookie,
      ...(options.ip ? { "X-Forwarded-For": options.ip } : {}),
    },
    body: new URLSearchParams({
      csrfToken: token.token,
      email: credentials.email,
      password: credentials.password,
      callbackUrl: `${baseUrl}/trang-chu`,
    }),
  });
  await response.arrayBuffer();
  const location = response.headers.get("location") ?? "";
  const cookie = mergeCookies(token.cookie, response);
  const code = new URL(location || "/", baseUrl).searchParams;
  const outcome =
    response.status >= 500
      ? "error"
      : code.get("code") === "throttled"
        ? "throttled"
        : code.get("error")
          ? code.get("error") === "CredentialsSignin"
            ? "invalid"
            : "error"
          : /session-token=/.test(cookie)
            ? "ok"
            : "error";
  return { status: response.status, outcome, cookie, setCookies: [...token.setCookies, ...response.headers.getSetCookie()], location };
}
