// `npm run fuzz`: the long property-based run of "bad input" (issue #6).
// 1. The schema, parser, upload and export properties (tests/unit/fuzz-*.test.ts) with 10,000
//    generated inputs each.
// 2. Every route of app/api/v1 over HTTP against a portal of its own (production build, throwaway
//    PostgreSQL with the demo data, real sign-in): 10,000 generated requests per route, each
//    checked for no 5xx, a clear Vietnamese `error` on refusal, attachments for files, and the
//    route's tables unchanged by every refused request and every read (digest before and after).
// FUZZ_RUNS changes the count, FUZZ_ROUTES=<text> keeps the routes whose name contains it,
// FUZZ_SKIP_PROPERTIES=1 skips step 1. Figures go to bench-results/fuzz.json.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { DEMO_PASSWORD } from "../prisma/seed";
import { CATALOGUE, materialize, recordReply, replyOf, tallyLine, toRequest, writes, type Tally } from "./lib/fuzz/api-catalogue";
import { fingerprint, prepareFuzzData } from "./lib/fuzz/fixtures";
import { buildDir, signInOverHttp, startPortal } from "./lib/throwaway-portal";
import { ROOT } from "./lib/runtime";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const only = process.env.FUZZ_ROUTES ?? "";
const figures: Record<string, unknown> = {
  runsPerProperty: RUNS,
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}`,
  at: new Date().toISOString(),
};
let failed = false;

// ── 1. Properties of the schemas, parsers and writers ──
if (process.env.FUZZ_SKIP_PROPERTIES !== "1") {
  console.log(`• Thuộc tính của schema, bộ đọc tệp và xuất tệp: ${RUNS.toLocaleString("vi-VN")} đầu vào mỗi thuộc tính…`);
  const started = performance.now();
  const result = spawnSync(
    path.join(ROOT, "node_modules", ".bin", "vitest"),
    [
      "run",
      "--project",
      "unit",
      "--project",
      "unit-isolated",
      "tests/unit/fuzz-schemas.test.ts",
      "tests/unit/fuzz-parsers.test.ts",
      "tests/unit/fuzz-uploads.test.ts",
    ],
    {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, FUZZ_RUNS: String(RUNS) },
    },
  );
  figures.properties = { ok: result.status === 0, seconds: Math.round((performance.now() - started) / 100) / 10 };
  if (result.status !== 0) failed = true;
}

// ── 2. Every API route over HTTP ──
console.log(`• Các API qua HTTP: ${RUNS.toLocaleString("vi-VN")} yêu cầu mỗi API (bản build ${buildDir()})…`);
const portal = await startPortal({ log: (line) => console.log(line) });
const db = portal.database.db;
const tallies: Tally[] = [];
try {
  const known = await prepareFuzzData(db, portal.server.evidenceDir);
  const cookies = new Map<string, string>();
  for (const email of new Set(CATALOGUE.flatMap((e) => (e.actor ? [e.actor] : [])))) {
    cookies.set(email, (await signInOverHttp(portal.baseUrl, { email, password: DEMO_PASSWORD })).cookie);
  }
  for (const endpoint of CATALOGUE.filter((e) => e.route.includes(only))) {
    const tally: Tally = { route: endpoint.route, inputs: 0, byStatus: {}, accepted: 0, ms: 0 };
    const started = performance.now();
    let before = await fingerprint(db, endpoint.tables);
    try {
      await fc.assert(
        fc.asyncProperty(endpoint.requests(known, false), async (generated) => {
          const request = toRequest(portal.baseUrl, endpoint, await materialize(generated));
          const headers = new Headers(request.headers);
          if (endpoint.actor) headers.set("cookie", cookies.get(endpoint.actor)!);
          const response = await fetch(request.url, {
            method: request.method,
            headers,
            body: request.method === "GET" ? undefined : await request.arrayBuffer(),
            redirect: "manual",
          });
          const reply = await replyOf(response);
          recordReply(tally, reply, request.url);
          const after = await fingerprint(db, endpoint.tables);
          if (writes(endpoint) && reply.status < 400) tally.accepted++;
          else if (after !== before) throw new Error(`status ${reply.status} but the database changed: ${reply.text.slice(0, 200)}`);
          before = after;
        }),
        { numRuns: RUNS },
      );
    } catch (error) {
      failed = true;
      // fast-check puts the property's own error in `cause`.
      console.error(`✗ ${endpoint.route}\n${(error as Error).message}\n${String((error as Error).cause ?? "")}`);
    }
    tally.ms = performance.now() - started;
    tallies.push(tally);
    console.log(`  ${tallyLine(tally)}${tally.accepted ? `, ${tally.accepted} accepted writes` : ""}`);
  }
} finally {
  await portal.stop();
}

const requests = tallies.reduce((n, t) => n + t.inputs, 0);
const seconds = tallies.reduce((n, t) => n + t.ms, 0) / 1000;
figures.api = {
  routes: tallies.length,
  requests,
  seconds: Math.round(seconds),
  requestsPerSecond: Math.round(requests / seconds),
  perRoute: tallies,
};
fs.mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
fs.writeFileSync(path.join(ROOT, "bench-results", "fuzz.json"), JSON.stringify(figures, null, 2));
console.log(`${failed ? "✗ Có lỗi" : "✓ Không lỗi"}: ${tallies.length} API, ${requests.toLocaleString("vi-VN")} yêu cầu trong ${Math.round(seconds)} s.`);
process.exit(failed ? 1 : 0);
