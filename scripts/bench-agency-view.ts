// Server response time of the agency view (/co-quan/:id, Sở Tư pháp's 2025 demo assessment) and
// of the leader dashboard, against a production build served by `next start` on a throwaway
// embedded PostgreSQL with the demo data: sign in as the agency head (and the leader), then
// BENCH_REQUESTS (20) sequential requests each, timed from the request to the last byte of the
// HTML. Prints median and p95 and writes bench-results/agency-view.json.
//   node scripts/bootstrap.mjs bench-agency-view     (NEXT_DIST_DIR picks the build folder)
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { createPrismaClient } from "../lib/db/prisma";
import { DEMO_PASSWORD, seed } from "../prisma/seed";
import { ensureBuild, ROOT } from "./lib/runtime";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20);
const WARM_UP = 3;
const distDir = process.env.NEXT_DIST_DIR ?? ".next-bench";

const dataDir = path.join(os.tmpdir(), `portal-bench-view-${process.pid}`);
const pg = await startEmbeddedPostgres({ dataDir, database: "bench", persistent: false });
let server: ReturnType<typeof spawn> | null = null;
try {
  await migrate(pg.url);
  const db = createPrismaClient(pg.url, 2);
  await seed(db, { demo: true });
  const agency = await db.agency.findFirstOrThrow({ where: { code: "STP", isDemo: true } });
  await db.$disconnect();

  await ensureBuild({ distDir, log: (line) => console.log(line) });
  const port = await freePort();
  // The bootstrap adds the react-server condition for benchmarks; Next's own renderer must not have it.
  const nodeOptions = (process.env.NODE_OPTIONS ?? "").replace("--conditions=react-server", "").trim();
  server = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_OPTIONS: nodeOptions,
      NODE_ENV: "production",
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: pg.url,
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const base = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    if (tries > 240 || server.exitCode !== null) throw new Error("next start did not come up");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  const figures = {
    requests: REQUESTS,
    agencyView: await measure(base, "thutruong@demo.local", `/co-quan/${agency.id}?nam=2025`, `data-testid="criteria-table"`),
    leaderDashboard: await measure(base, "lanhdao@demo.local", "/bang-dieu-khien?nam=2025", `data-testid="standings-2025"`),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.split(" ").slice(0, 2).join(" ") ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    at: new Date().toISOString(),
  };
  fs.mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "bench-results", "agency-view.json"), JSON.stringify(figures, null, 2));
  console.log(`Trang cơ quan: trung vị ${figures.agencyView.medianMs} ms, p95 ${figures.agencyView.p95Ms} ms (${REQUESTS} yêu cầu liên tiếp)`);
  console.log(`Bảng điều khiển: trung vị ${figures.leaderDashboard.medianMs} ms, p95 ${figures.leaderDashboard.p95Ms} ms`);
  console.log(JSON.stringify(figures));
} finally {
  server?.kill("SIGTERM");
  await pg.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** Signs in through Auth.js (CSRF token, then the credentials callback) and returns the cookie header. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map(csrf.headers.getSetCookie().map((c) => c.split(";")[0].split("=") as [string, string]));
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, csrfToken, callbackUrl: `${base}/trang-chu` }),
  });
  for (const cookie of response.headers.getSetCookie()) {
    const [name, ...value] = cookie.split(";")[0].split("=");
    jar.set(name, value.join("="));
  }
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`sign-in of ${email} failed (${response.status})`);
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function measure(base: string, email: string, url: string, expected: string) {
  const cookie = await signIn(base, email);
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + REQUESTS; i++) {
    const start = performance.now();
    const response = await fetch(`${base}${url}`, { headers: { Cookie: cookie } });
    const html = await response.text();
    const ms = performance.now() - start;
    if (response.status !== 200 || !html.includes(expected)) throw new Error(`${url}: status ${response.status}, "${expected}" not in the page`);
    if (i >= WARM_UP) times.push(ms);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (n: number) => Math.round(n * 10) / 10;
  return { url, medianMs: round((sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.ceil((sorted.length - 1) / 2)]) / 2), p95Ms: round(at(0.95)), minMs: round(sorted[0]), maxMs: round(sorted[sorted.length - 1]) };
}
