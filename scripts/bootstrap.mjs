#!/usr/bin/env node
// Entry point of every npm script: makes sure the dependencies are installed (npm ci when
// node_modules is missing or older than the lockfile) and the Prisma client is generated,
// then runs scripts/<command>.ts with tsx. Plain Node on purpose: it runs before anything is installed.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
// The start script reports the time from here, install included.
process.env.PORTAL_STARTED_AT ??= String(Date.now());
const [command = "start", ...args] = process.argv.slice(2);

const sha = (...files) => {
  const hash = crypto.createHash("sha256");
  for (const file of files) hash.update(fs.readFileSync(path.join(root, file)));
  return hash.digest("hex");
};

function run(cmd, cmdArgs, env = {}) {
  const result = spawnSync(cmd, cmdArgs, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// 1. Dependencies, exactly as locked.
const installStamp = path.join(root, "node_modules", ".portal-install");
const lockHash = sha("package-lock.json");
if (!fs.existsSync(installStamp) || fs.readFileSync(installStamp, "utf8") !== lockHash) {
  console.log("• Cài đặt thư viện (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
  fs.writeFileSync(installStamp, lockHash);
}

// 2. Prisma client. `prisma generate` never runs the schema engine, but Prisma 7 insists on a
// binary path; pointing it at an existing file avoids a download that fails offline.
const generatedStamp = path.join(root, "lib", "db", "generated", ".schema-hash");
const schemaHash = sha("prisma/schema.prisma", "package-lock.json");
if (!fs.existsSync(generatedStamp) || fs.readFileSync(generatedStamp, "utf8") !== schemaHash) {
  console.log("• Sinh Prisma client…");
  run(path.join(root, "node_modules", ".bin", "prisma"), ["generate"], {
    PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "package.json"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  });
  fs.writeFileSync(generatedStamp, schemaHash);
}

// 3. The command itself.
const script = path.join(root, "scripts", `${command}.ts`);
if (!fs.existsSync(script)) {
  console.error(`Không có lệnh "${command}" (scripts/${command}.ts).`);
  process.exit(2);
}
// Ctrl-C reaches the whole process group; this parent waits for the command to shut down cleanly.
process.on("SIGINT", () => {});
// Scripts that run lib's server modules outside Next (the job worker, the import benchmark):
// scripts/lib/server-process.mjs lets their "server-only" imports load.
const serverProcess = path.join(root, "scripts", "lib", "server-process.mjs");
const env = ["worker", "bench-import", "bench-deadlines"].includes(command)
  ? { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${serverProcess}`.trim() }
  : process.env;
const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), [script, ...args], { cwd: root, stdio: "inherit", env });
// A SIGTERM sent to this process alone (a service manager) is passed on; Ctrl-C already reaches
// the whole process group.
process.on("SIGTERM", () => child.kill("SIGTERM"));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
