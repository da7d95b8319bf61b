// `npm run bench` (issue #7): the portal at national scale, measured in one run.
//  1. Generates the national data set (scripts/lib/national-dataset.ts: 2,000 agencies × 10 years ×
//     90 sub-criteria with their audit rows, every province's results) into a throwaway embedded
//     PostgreSQL, with a fixed seed.
//  2. Builds the production app (into .next-bench, only when sources changed) and serves it as
//     `npm start` does (`next start` in WEB_CONCURRENCY processes, one per core) against that database.
//  3. Loads each page with autocannon on loopback (same machine: the load generator shares the
//     2 cores with the server and PostgreSQL) and reports requests/s, p50/p95/p99 latency and the
//     ratio to the trivial route at the same number of connections.
//  4. Imports 100,080 internal scores from an XLSX file through the API, as a Home Affairs officer.
//  5. Reads the first-load JavaScript of the dashboard routes from `next build`'s bundle statistics.
// Issue 19 item 4 adds every new feature (scripts/lib/feature-bench.ts): the administration lists of a
// province with 3,400 agencies and 10,000 accounts, the control board and the ranking annex of a
// 150-agency period, the map and comparison pages under load, and the account import of 300 rows.
// Writes bench-results/bench-<label>.json and .md (git-ignored) and checks the budgets of issues #7 and #19.
//   npm run bench -- --label after      (BENCH_AGENCIES, BENCH_YEARS, BENCH_SECONDS to scale it)
//   npm run bench -- --only /api/ping,/bang-dieu-khien,/co-quan/,/viec-cua-toi
//       only the pages and timed operations whose address contains one of these (no scores import, no
//       deadline scan, no bundle sizes): a minute, not six; the budgets of the lines measured are checked
//   npm run bench -- --only … --cpu-prof .tmp/cpu   the web processes write V8 CPU profiles there on exit
//   npm run bench -- --only … --baseline .next-old   also serves an older build (a copy of .next-bench made
//       before a change) on the same data, and measures each page on both, alternately, twice
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import type { PrismaClient } from "../lib/db/generated/client";
import { hashPassword } from "../lib/auth/password";
import { addFeatureDataset, featureScenarios, notCached, operationBudgets, operationsMarkdown, timeOperations } from "./lib/feature-bench";
import type { LoadBudget, Operation, Scenario } from "./lib/feature-bench";
import { generateNationalDataset } from "./lib/national-dataset";
import { serverCpuSeconds, settle } from "./lib/bench-cpu";
import { ensureBuild, ROOT } from "./lib/runtime";
import { addScoreImportPeriod, createScoreImportDataset } from "./lib/score-import-dataset";
import { buildDir, signInOverHttp, startPortalServer, startThrowawayDatabase, type PortalServer } from "./lib/throwaway-portal";

const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const label = option("--label") ?? "latest";
const only = option("--only")?.split(",").filter(Boolean);
const cpuProfileDir = option("--cpu-prof");
const baselineDir = option("--baseline");
const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 2000);
const YEARS = Number(process.env.BENCH_YEARS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = 3;
const IMPORT_AGENCIES = 1112; // × 90 sub-criteria = 100,080 rows
const PASSWORD = "Bench@2026";
process.env.NEXT_DIST_DIR ??= ".next-bench";
const distDir = buildDir();
const HALF: LoadBudget = { ratio: 0.5 }; // issue 19: every public page ≥ 50% of the trivial route's throughput
const DASHBOARD_ROUTES = ["/xep-hang", "/tinh/[code]", "/bang-dieu-khien", "/co-quan/[agencyId]"];

type Load = {
  name: string;
  path: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** CPU time of the web processes (all their threads; not PostgreSQL's) per answered request: less sensitive than latency to what else runs on the machine. */
  cpuMsPerRequest: number | null;
  /** PostgreSQL's execution time of every statement during the load (pg_stat_statements), per answered request, and the statement that took most of it. */
  database: DatabaseTime;
  /** One request alone before the load: its time and the size of the answer. */
  single: { ms: number; kilobytes: number };
  ratioToTrivial: number | null;
  budget?: LoadBudget;
};

const log = (line: string) => console.log(line);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
log(`• Sinh dữ liệu quy mô quốc gia (${AGENCIES} cơ quan × ${YEARS} năm × 90 tiêu chí thành phần)…`);
const generationStarted = performance.now();
// pg_stat_statements: each line's database time per request, beside the web processes' CPU (a page
// can wait on PostgreSQL with little CPU of its own: the account list did, docs/benchmarks.md).
const database = await startThrowawayDatabase({ demo: false, settings: { shared_preload_libraries: "pg_stat_statements" } });
await database.db.$executeRawUnsafe("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
let server: PortalServer | null = null;
let baseline: PortalServer | null = null;
try {
  // 1. Data.
  const dataset = await generateNationalDataset(database.url, { agencies: AGENCIES, years: YEARS, password: PASSWORD, log });
  const features = await addFeatureDataset(database.url, { password: PASSWORD, lastYear: dataset.lastYear });
  const generationSeconds = (performance.now() - generationStarted) / 1000;
  log(
    `  ${Object.entries(dataset.counts)
      .map(([t, n]) => `${t} ${n.toLocaleString("vi-VN")}`)
      .join(", ")}: ${round(generationSeconds)} s`,
  );

  // 2. Server, served as `npm start` serves it: one `next start` process per core.
  await ensureBuild({ distDir, log });
  server = await startPortalServer({
    databaseUrl: database.url,
    cluster: true,
    nodeArgs: cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(ROOT, cpuProfileDir)}`] : [],
  });
  const base = server.baseUrl;
  const signIn = async (email: string, at = base) => {
    const result = await signInOverHttp(at, { email, password: PASSWORD });
    if (result.outcome !== "ok") throw new Error(`sign-in of ${email}: ${result.outcome} (${result.status})`);
    return result.cookie;
  };

  // 3. Pages and API under load.
  const focus = await database.db.province.findUniqueOrThrow({ where: { id: dataset.focusProvinceId } });
  const leader = await signIn(dataset.leaderEmail);
  const head = await signIn(dataset.headEmail);
  const officer = await signIn(features.staffEmail);
  const rankingYear = dataset.lastYear - 1; // the last 63-unit table: the largest
  const dashboard: Scenario = {
    name: "Bảng điều khiển lãnh đạo",
    path: `/bang-dieu-khien?nam=${dataset.lastYear}`,
    connections: 8,
    cookie: leader,
    expect: `data-testid="standings-${dataset.lastYear}"`,
    budget: { p95Ms: 100 },
  };
  const agencyView: Scenario = {
    name: "Trang cơ quan",
    path: `/co-quan/${dataset.focusAgencyId}?nam=${dataset.lastYear}`,
    connections: 8,
    cookie: head,
    expect: `data-testid="criteria-table"`,
    budget: { p95Ms: 100 },
  };
  const scenarios: Scenario[] = [
    { name: "Route tối thiểu (trần của framework)", path: "/api/ping", connections: 32, expect: `"ok"` },
    { name: "Route tối thiểu (trần của framework)", path: "/api/ping", connections: 8, expect: `"ok"` },
    { name: "API xếp hạng", path: `/api/v1/rankings?index=PAR_INDEX&year=${rankingYear}`, connections: 32, expect: `"unitCount":63`, budget: HALF },
    { name: "Trang hồ sơ tỉnh", path: `/tinh/${focus.code}`, connections: 32, expect: `data-testid="index-PAR_INDEX"`, budget: HALF },
    // The other public pages (issue 19: every public page ≥ 50% of the trivial route).
    { name: "Trang chủ công khai", path: "/", connections: 32, expect: "<main", budget: HALF },
    { name: "Trang xếp hạng", path: `/xep-hang?index=PAR_INDEX&year=${rankingYear}`, connections: 32, expect: `data-testid="ranking-table"`, budget: HALF },
    dashboard,
    agencyView,
    // The same two pages when the signed-in page cache cannot answer.
    notCached(dashboard),
    notCached(agencyView),
    // References, not budgets: the smallest pages the portal renders per request, public and signed
    // in, show what any page costs before its own data and markup.
    { name: "Tham chiếu: trang đăng nhập (trang nhỏ nhất)", path: "/dang-nhap", connections: 32, expect: `name="password"` },
    { name: "Tham chiếu: trang đã đăng nhập nhỏ nhất", path: "/viec-cua-toi", connections: 8, cookie: head, expect: "<main" },
    // Issue 19 item 4: every new feature.
    ...featureScenarios(features, officer),
  ];
  // Each server with its own sign-ins (each has its own AUTH_SECRET); the baseline first, then this build.
  const servers = [{ suffix: "", base, pid: server.pid, cookieOf: (cookie?: string) => cookie }];
  if (baselineDir) {
    baseline = await startPortalServer({ databaseUrl: database.url, cluster: true, env: { NEXT_DIST_DIR: baselineDir } });
    const cookies = new Map([
      [leader, await signIn(dataset.leaderEmail, baseline.baseUrl)],
      [head, await signIn(dataset.headEmail, baseline.baseUrl)],
      [officer, await signIn(features.staffEmail, baseline.baseUrl)],
    ]);
    servers.unshift({
      suffix: ` — ${baselineDir}`,
      base: baseline.baseUrl,
      pid: baseline.pid,
      cookieOf: (cookie?: string) => (cookie ? cookies.get(cookie) : undefined),
    });
  }
  const loads: Load[] = [];
  const selected = (address: string) => !only || only.some((part) => address.includes(part));
  const measurements = scenarios
    .filter((s) => selected(s.path))
    .flatMap((scenario) => (baselineDir ? [1, 2] : [1]).flatMap(() => servers.map((target) => ({ scenario, target }))));
  for (const { scenario, target } of measurements) {
    const cookie = target.cookieOf(scenario.cookie);
    await settle(target.pid);
    const single = await expectPage(target.base, scenario.path, cookie, scenario.expect);
    const missEveryTime = scenario.missEveryTime ?? false;
    await load(target.base, scenario.path, scenario.connections, cookie, WARM_UP_SECONDS, missEveryTime);
    const cpuBefore = serverCpuSeconds(target.pid);
    await database.db.$queryRawUnsafe("SELECT pg_stat_statements_reset()");
    const measured = await load(target.base, scenario.path, scenario.connections, cookie, SECONDS, missEveryTime);
    const cpuMsPerRequest = cpuBefore === null ? null : round(((serverCpuSeconds(target.pid)! - cpuBefore) * 1000) / Math.max(1, measured.requests));
    const databaseTime = await databaseTimeOf(database.db, measured.requests);
    const name = `${scenario.name}${target.suffix}`;
    const trivial = loads.find(
      (l) => l.path === "/api/ping" && l.connections === scenario.connections && (target.suffix ? l.name.endsWith(target.suffix) : !l.name.includes(" — ")),
    );
    const row: Load = {
      name,
      path: scenario.path,
      connections: scenario.connections,
      ...measured,
      cpuMsPerRequest,
      database: databaseTime,
      single,
      ratioToTrivial: trivial && scenario.path !== "/api/ping" ? round(measured.requestsPerSecond / trivial.requestsPerSecond, 2) : null,
      budget: target.suffix ? undefined : scenario.budget,
    };
    loads.push(row);
    log(
      `  ${row.name} (${row.connections} kết nối): ${row.requestsPerSecond} yêu cầu/s, p50 ${row.p50Ms} ms, p95 ${row.p95Ms} ms, p99 ${row.p99Ms} ms, CPU ${row.cpuMsPerRequest ?? "—"} ms/yêu cầu, CSDL ${row.database.msPerRequest} ms/yêu cầu${row.ratioToTrivial === null ? "" : `, ${Math.round(row.ratioToTrivial * 100)}% route tối thiểu`}`,
    );
    // A page that times out under load misses its budget (the row counts the timeouts); a page that answers an error is broken.
    if (row.non2xx > 0) throw new Error(`${row.path}: ${row.non2xx} non-2xx answers under load`);
  }

  // The operations an officer clicks and waits for (issue 19 item 4), each timed end to end.
  await settle(server.pid);
  const operations = await timeOperations(base, officer, features, selected);
  for (const o of operations) log(`  ${o.name}: ${o.seconds.join(" · ")} s (${o.detail})`);

  if (only) {
    const results = { label, at: new Date().toISOString(), machine: machine(), loadSeconds: SECONDS, loads, operations };
    const budgets = checkBudgets(results);
    writeResults(`bench-${label}-only`, `${toMarkdownLoads(results)}\n${operationsMarkdown(operations)}\n${budgetTable(budgets)}`, {
      ...results,
      only,
      budgets,
    });
  } else {
    // 4. Import of 100,080 scores through the API.
    const imported = await importThroughApi(base, database.db, signIn);
    log(
      `  Nhập ${imported.rows.toLocaleString("vi-VN")} điểm qua API: XLSX (${imported.fileMegabytes} MB) ${imported.seconds} s, ${imported.rowsPerSecond.toLocaleString("vi-VN")} dòng/giây; CSV (${imported.csv.fileMegabytes} MB) ${imported.csv.seconds} s, ${imported.csv.rowsPerSecond.toLocaleString("vi-VN")} dòng/giây`,
    );

    // 5. First-load JavaScript of the dashboard routes, from the build's bundle statistics.
    const bundles = firstLoadJs();

    // 6. The daily deadline scan and digest (issue 15), in a process of its own with lib's server
    // modules (scripts/bench-deadlines.ts, also `npm run bench:deadlines`) and a database of its own.
    execFileSync(process.execPath, [path.join(ROOT, "scripts/bootstrap.mjs"), "bench-deadlines"], {
      stdio: "inherit",
      env: { ...process.env, BENCH_AGENCIES: String(AGENCIES) },
    });
    const deadlines = JSON.parse(fs.readFileSync(path.join(ROOT, "bench-results/deadlines.json"), "utf8")) as {
      seconds: number;
      users: number;
      agencies: number;
    };

    const results = {
      label,
      at: new Date().toISOString(),
      machine: machine(),
      dataset: {
        ...dataset.counts,
        featureProvinceAccounts: features.users,
        featureProvinceAgencies: features.agencies,
        generationSeconds: round(generationSeconds),
      },
      loadSeconds: SECONDS,
      loads,
      operations,
      import: imported,
      bundles,
      deadlines,
    };
    const budgets = checkBudgets(results);
    writeResults(`bench-${label}`, toMarkdown(results, budgets), { ...results, budgets });
    process.exitCode = budgets.every((b) => b.met) ? 0 : 1;
  }
} finally {
  await baseline?.kill("SIGTERM");
  await server?.kill("SIGTERM");
  await database.remove();
}
process.exit();

function writeResults(name: string, markdown: string, json: object) {
  const outDir = path.join(ROOT, "bench-results");
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(json, null, 2));
  fs.writeFileSync(path.join(outDir, `${name}.md`), markdown);
  log(`\n${markdown}`);
  log(`Kết quả: bench-results/${name}.json, bench-results/${name}.md`);
}

async function expectPage(base: string, url: string, cookie: string | undefined, expected: string) {
  const started = performance.now();
  const response = await fetch(`${base}${url}`, { headers: cookie ? { Cookie: cookie } : {} });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(expected)) throw new Error(`${url}: status ${response.status}, "${expected}" not in the answer`);
  return { ms: round(performance.now() - started), kilobytes: round(Buffer.byteLength(body) / 1024) };
}

/**
 * The load generator reads each answer and throws its body away, as wrk does: autocannon otherwise
 * decodes every body into a string it keeps until the answer ends (`req.body += chunk`), which costs it
 * about 1.8 ms of CPU per answer of the 255 kB public ranking page, 0.3 ms for the 187 kB province
 * profile (measured against a plain server of the same bytes). On the same two cores that CPU was
 * taken from the server: the ranking page, answered from the cache in 0.6 ms of server CPU,
 * measured 447 answers/s with bodies kept (docs/benchmarks.md, "A third look"). Each page's body is
 * still checked once before its load (`expectPage`) and every answer's status during it.
 */
function discardBodies(client: unknown) {
  const queue = (client as { pipelinedRequests?: { addBody?: unknown } }).pipelinedRequests;
  if (typeof queue?.addBody !== "function") throw new Error("autocannon changed: its client has no pipelinedRequests.addBody to turn off");
  queue.addBody = () => {};
}

/** autocannon for `seconds`, keeping every response time so that p95 is exact (autocannon reports p97.5). */
async function load(base: string, url: string, connections: number, cookie: string | undefined, seconds: number, missEveryTime = false) {
  const times: number[] = [];
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  let sent = 0;
  // missEveryTime: a cookie the page cache keys on and the page ignores, new for every request.
  const requests = missEveryTime
    ? [
        {
          setupRequest: (request: { headers?: Record<string, string> }) => ({
            ...request,
            headers: { ...headers, Cookie: `${cookie}; NEXT_LOCALE=x${++sent}` },
          }),
        },
      ]
    : undefined;
  const instance = autocannon({ url: `${base}${url}`, connections, duration: seconds, headers, requests, setupClient: discardBodies });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await instance;
  times.sort((a, b) => a - b);
  const at = (q: number) => round(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? NaN);
  return {
    requestsPerSecond: Math.round(result.requests.total / seconds),
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * 1,112 agencies of the focus province with periods open for self-scoring, and the file staff
 * upload: imported through the API as XLSX (the budget's figure), then as CSV into a second period.
 */
async function importThroughApi(base: string, db: PrismaClient, signIn: (email: string) => Promise<string>) {
  const email = "nhapdiem@bench.local";
  const data = await createScoreImportDataset(db, { agencies: IMPORT_AGENCIES, email, passwordHash: await hashPassword(PASSWORD) });
  const csvPeriodId = await addScoreImportPeriod(db, data.frameworkId, 2027);
  const cookie = await signIn(email);
  const upload = async (periodId: number, file: Buffer, name: string) => {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(file)]), name);
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/assessment-periods/${periodId}/scores`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: base },
      body: form,
    });
    const answer = await response.text();
    const seconds = (performance.now() - started) / 1000;
    if (response.status !== 200) throw new Error(`import ${name}: ${response.status} ${answer.slice(0, 300)}`);
    const written = await db.criterionScore.count({ where: { selfScore: { not: null }, assessment: { periodId } } });
    if (written !== data.rows) throw new Error(`import ${name} incomplete: ${written} scores of ${data.rows}`);
    return { fileMegabytes: round(file.length / 1024 / 1024), seconds: round(seconds, 2), rowsPerSecond: Math.round(data.rows / seconds) };
  };
  const xlsx = await upload(data.periodId, data.file, "diem-2026.xlsx");
  const csv = await upload(csvPeriodId, data.csv, "diem-2027.csv");
  const audited = await db.auditLog.count({ where: { action: "criterionScore.import.self" } });
  if (audited !== 2 * data.rows) throw new Error(`import: ${audited} audit rows for ${2 * data.rows} scores`);
  return { rows: data.rows, ...xlsx, csv };
}

/** Gzipped first-load JS per dashboard route, summed over the chunks `next build` lists for it. */
function firstLoadJs() {
  const stats = JSON.parse(fs.readFileSync(path.join(ROOT, distDir, "diagnostics", "route-bundle-stats.json"), "utf8")) as {
    route: string;
    firstLoadUncompressedJsBytes: number;
    firstLoadChunkPaths: string[];
  }[];
  return DASHBOARD_ROUTES.map((route) => {
    const entry = stats.find((s) => s.route === route);
    if (!entry) throw new Error(`${route} is not in the build's route-bundle-stats.json`);
    const gzipBytes = entry.firstLoadChunkPaths.reduce((sum, chunk) => sum + zlib.gzipSync(fs.readFileSync(path.join(ROOT, chunk))).length, 0);
    return { route, rawKb: round(entry.firstLoadUncompressedJsBytes / 1000), gzipKb: round(gzipBytes / 1000) };
  });
}

type Results = {
  loads: Load[];
  operations: Operation[];
  import?: { rowsPerSecond: number };
  bundles?: { route: string; gzipKb: number }[];
  deadlines?: { seconds: number; users: number; agencies: number };
};
type Budget = { budget: string; figure: string; met: boolean };

/** The budgets of issues #7 and #19 over the lines this run measured, each with the figure it is judged on. */
function checkBudgets(results: Results): Budget[] {
  const loadBudgets = results.loads.flatMap((l): Budget[] => {
    if (!l.budget) return [];
    if ("p95Ms" in l.budget) {
      // Requests that timed out have no time: the p95 of the others would flatter the page.
      const figure = `${l.requests > 0 ? `${l.p95Ms} ms` : "—"}${l.errors > 0 ? `, ${l.errors} hết giờ/lỗi` : ""}`;
      return [{ budget: `${l.name}: p95 < ${l.budget.p95Ms} ms, ${l.connections} kết nối`, figure, met: l.errors === 0 && l.p95Ms < l.budget.p95Ms }];
    }
    const ratio = l.ratioToTrivial;
    const budget = `${l.name}: ≥ ${Math.round(l.budget.ratio * 100)}% route tối thiểu, ${l.connections} kết nối`;
    return [{ budget, figure: ratio === null ? "— (route tối thiểu chưa đo)" : `${Math.round(ratio * 100)}%`, met: ratio !== null && ratio >= l.budget.ratio }];
  });
  const { import: imported, bundles = [], deadlines } = results;
  const importBudget = imported && { budget: "Nhập điểm XLSX: ≥ 20.000 dòng/giây", figure: `${imported.rowsPerSecond.toLocaleString("vi-VN")} dòng/giây` };
  const scan = deadlines && `(${deadlines.agencies.toLocaleString("vi-VN")} cơ quan, ${deadlines.users.toLocaleString("vi-VN")} tài khoản)`;
  return [
    ...loadBudgets,
    ...operationBudgets(results.operations),
    ...(imported && importBudget ? [{ ...importBudget, met: imported.rowsPerSecond >= 20_000 }] : []),
    ...bundles.map((b) => ({ budget: `JS tải lần đầu ${b.route}: ≤ 180 kB gzip`, figure: `${b.gzipKb} kB`, met: b.gzipKb <= 180 })),
    ...(deadlines
      ? [
          {
            budget: `Quét hạn và thư tổng hợp hằng ngày ${scan}: < 60 s`,
            figure: `${deadlines.seconds.toFixed(1).replace(".", ",")} s`,
            met: deadlines.seconds < 60,
          },
        ]
      : []),
  ];
}

function budgetTable(budgets: Budget[]) {
  return ["| Ngân sách | Số đo | Đạt |", "|---|---:|:---:|", ...budgets.map((b) => `| ${b.budget} | ${b.figure} | ${b.met ? "✅" : "❌"} |`), ""].join("\n");
}

function machine() {
  const cpus = os.cpus();
  const workers = Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism());
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}, PostgreSQL 18 (embedded), ${workers} tiến trình Next`;
}

type DatabaseTime = { msPerRequest: number; top: { statement: string; msPerCall: number; share: number } | null };

/**
 * What PostgreSQL spent executing statements since the last reset, per answered request, and the
 * statement that took the largest share (its first words; the bench's own reset left out).
 */
async function databaseTimeOf(db: PrismaClient, requests: number): Promise<DatabaseTime> {
  const rows = await db.$queryRawUnsafe<{ statement: string; total: number; calls: bigint }[]>(
    `SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS statement, total_exec_time AS total, calls
       FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC`,
  );
  const total = rows.reduce((sum, r) => sum + r.total, 0);
  const top = rows[0];
  return {
    msPerRequest: round(total / Math.max(1, requests)),
    top: top && total > 0 ? { statement: top.statement, msPerCall: round(top.total / Number(top.calls), 2), share: round(top.total / total, 2) } : null,
  };
}

/** A line's database time, with the statement that took the largest share, for the table. */
function databaseCell(d: DatabaseTime): string {
  if (!d.top) return `${d.msPerRequest}`;
  const statement = d.top.statement.replaceAll("|", "\\|").replaceAll("`", "'");
  return `${d.msPerRequest} (${Math.round(d.top.share * 100)}%: \`${statement}…\`, ${d.top.msPerCall})`;
}

/** The heading and the table of pages under load. */
function toMarkdownLoads(results: { label: string; at: string; machine: string; loadSeconds: number; loads: Load[] }, dataset = "") {
  return [
    `### ${results.label} — ${results.at.slice(0, 16).replace("T", " ")} UTC`,
    "",
    `Máy: ${results.machine}. ${dataset}Tải: autocannon ${results.loadSeconds} s mỗi dòng (sau ${WARM_UP_SECONDS} s khởi động), cùng máy.`,
    "",
    "| Đo | Kết nối | Yêu cầu/s | p50 ms | p95 ms | p99 ms | CPU web ms/yêu cầu | CSDL ms/yêu cầu (câu lệnh lâu nhất, ms/lần) | So với route tối thiểu | Một yêu cầu riêng: ms, kB |",
    "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|",
    ...results.loads.map(
      (l) =>
        `| ${l.name} \`${l.path}\`${l.errors > 0 ? ` (${l.errors} lỗi/hết giờ)` : ""} | ${l.connections} | ${l.requestsPerSecond} | ${l.p50Ms} | ${l.p95Ms} | ${l.p99Ms} | ${l.cpuMsPerRequest ?? "—"} | ${databaseCell(l.database)} | ${l.ratioToTrivial === null ? "—" : `${Math.round(l.ratioToTrivial * 100)}%`} | ${l.single.ms}, ${l.single.kilobytes} |`,
    ),
    "",
  ].join("\n");
}

function toMarkdown(
  results: Required<Results> & {
    label: string;
    at: string;
    machine: string;
    dataset: Record<string, number>;
    loadSeconds: number;
    import: {
      rows: number;
      seconds: number;
      rowsPerSecond: number;
      fileMegabytes: number;
      csv: { seconds: number; rowsPerSecond: number; fileMegabytes: number };
    };
  },
  budgets: Budget[],
) {
  const lines = [
    toMarkdownLoads(
      results,
      `Dữ liệu: ${Object.entries(results.dataset)
        .map(([k, v]) => `${k} ${v.toLocaleString("vi-VN")}`)
        .join(", ")}. `,
    ),
    operationsMarkdown(results.operations),
    `Nhập ${results.import.rows.toLocaleString("vi-VN")} điểm qua \`POST /api/v1/assessment-periods/:id/scores\` (một giao dịch, kèm ${results.import.rows.toLocaleString("vi-VN")} dòng nhật ký): XLSX (${results.import.fileMegabytes} MB) ${results.import.seconds} s, **${results.import.rowsPerSecond.toLocaleString("vi-VN")} dòng/giây**; CSV (${results.import.csv.fileMegabytes} MB) ${results.import.csv.seconds} s, ${results.import.csv.rowsPerSecond.toLocaleString("vi-VN")} dòng/giây.`,
    "",
    budgetTable(budgets),
  ];
  return lines.join("\n");
}
