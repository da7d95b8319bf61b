// `npm start`: database (embedded unless DATABASE_URL is set) → migrations → seed → build when
// the sources changed → `next start` in one process per core (scripts/next-cluster.mjs). Prints
// where to open the portal and how to sign in.
// Ctrl-C stops the web server, then the database.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { prepareDatabase, ensureAuthSecret, ensureBuild, ROOT, DATA_DIR } from "./lib/runtime";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/seed";

const port = Number(process.env.PORT ?? 3000);
// The web server listens on 127.0.0.1 unless HOST opens it (HOST=0.0.0.0: every interface).
const host = process.env.HOST ?? "127.0.0.1";
const probeHost = ["0.0.0.0", "::"].includes(host) ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
const started = Number(process.env.PORTAL_STARTED_AT ?? Date.now());
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

const database = await prepareDatabase({ log: (line) => console.log(`• ${line}`) });
const authSecret = ensureAuthSecret();
await ensureBuild({ distDir: ".next", log: (line) => console.log(`• ${line}`) });

let server: ChildProcess | null = spawn(process.execPath, [path.join(ROOT, "scripts", "next-cluster.mjs"), "-p", String(port)], {
  cwd: ROOT,
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, DATABASE_URL: database.url, AUTH_SECRET: authSecret, NODE_ENV: "production", PORT: String(port) },
});
// One job worker (scripts/worker.ts: deadline scans, digest, mail), whatever the number of web processes.
let worker: ChildProcess | null = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "scripts", "worker.ts")], {
  cwd: ROOT,
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    NODE_ENV: "production",
    PORT: String(port),
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${path.join(ROOT, "scripts", "lib", "server-process.mjs")}`.trim(),
  },
});
// Next's own banner is replaced by ours once the portal answers.
server.stdout?.on("data", (chunk: Buffer) => {
  const text = chunk.toString();
  if (!/Next\.js|Local:|Network:|Starting|Ready in|^\s*$/m.test(text)) process.stdout.write(text);
});
void waitUntilServing().then(announce);

async function waitUntilServing() {
  for (;;) {
    try {
      if ((await fetch(`http://${probeHost}:${port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function announce() {
  if (stopping) return;
  const url = `http://${host === "127.0.0.1" ? "localhost" : probeHost}:${port}`;
  console.log(`\n✔ Cổng PAR INDEX đã chạy sau ${seconds()} giây: ${url}`);
  console.log(`  Bảng xếp hạng công khai: ${url}/xep-hang`);
  console.log(`  Cơ sở dữ liệu: ${database.embedded ? `PostgreSQL nhúng, dữ liệu tại ${path.relative(ROOT, DATA_DIR)}/postgres` : "DATABASE_URL"}`);
  if (database.demo) {
    console.log(`  Tài khoản demo (mật khẩu ${DEMO_PASSWORD}):`);
    for (const user of DEMO_USERS) console.log(`    ${user.email.padEnd(22)} ${user.name}`);
  }
  console.log("  Nhấn Ctrl-C để dừng.\n");
}

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\n• Đang dừng máy chủ web và cơ sở dữ liệu…");
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  server = null;
  if (worker && worker.exitCode === null) {
    const exited = new Promise((resolve) => worker!.once("exit", resolve));
    worker.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  worker = null;
  await database.stop();
  console.log("• Đã dừng.");
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
server.on("exit", (code) => {
  if (!stopping) {
    console.error(`Máy chủ web dừng bất ngờ (mã ${code}).`);
    void stop(code ?? 1);
  }
});
