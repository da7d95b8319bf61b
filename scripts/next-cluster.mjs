#!/usr/bin/env node
// The web server (scripts/web-server.mjs, Next's request handler) in several processes sharing one port, with Node's cluster module: the primary
// accepts the connections and hands them to the workers in turn. Next renders on one thread, so
// one process keeps one core busy however many the machine has; WEB_CONCURRENCY workers (default:
// one per core) put all of them to work. Any worker can answer any request: nothing correctness
// depends on lives in a process (sessions are cookies, sign-in throttling is in PostgreSQL, the
// published-data cache checks the database's version on every use).
//   node scripts/next-cluster.mjs -p 3000        (arguments go to scripts/web-server.mjs)
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";

const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism()));
cluster.setupPrimary({
  exec: path.resolve(import.meta.dirname, "web-server.mjs"),
  args: process.argv.slice(2),
});
for (let i = 0; i < workers; i++) cluster.fork();

let stopping = false;
// No restarts: a worker that dies is reported, and when none is left the primary exits with an
// error, so whatever started it (npm start, a service manager) sees the failure.
cluster.on("exit", (worker, code, signal) => {
  if (!stopping) console.error(`Tiến trình web ${worker.process.pid} dừng (${signal ?? `mã ${code}`}).`);
  if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(stopping ? 0 : 1);
});
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  });
}
