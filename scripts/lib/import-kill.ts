// A scores import killed midway (SIGKILL of `next start`), then the server restarted: the
// database must hold either every row of the file or none of them. Shared by
// `npm run fault:import-kill` (100,080 rows) and tests/e2e/fault-import-kill.test.ts (10,080 rows).
//
// The kill points are the phases of the import as PostgreSQL sees them (pg_stat_activity, polled
// by a separate connection): reading the current scores, the bulk UPDATE, the gap while the audit
// rows are built, the audit INSERTs, just before COMMIT, and once COMMIT has been sent.
import crypto from "node:crypto";
import Papa from "papaparse";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { freePort } from "../../lib/db/embedded";
import { scoreHeadings } from "../../lib/assessments/scores-file";
import { AUDIT_ROWS_PER_STATEMENT } from "../../lib/audit/log";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { createScoreImportDataset, type ScoreImportDataset } from "./score-import-dataset";
import { signInOverHttp, startPortalServer, startThrowawayDatabase, type ThrowawayDatabase } from "./throwaway-portal";

export const KILL_POINTS = ["reading", "update", "after-update", "audit", "before-commit", "after-commit"] as const;
export type KillPoint = (typeof KILL_POINTS)[number];

const APP = "portal-import-kill";

export type ImportKillBench = {
  database: ThrowawayDatabase;
  dataset: ScoreImportDataset;
  serverUrl: string;
  port: number;
  secret: string;
  close: () => Promise<void>;
};

export type KillRun = {
  point: KillPoint;
  /** What pg_stat_activity showed when the server was killed. */
  observed: string;
  /** From posting the file to the kill. */
  killedAfterMs: number;
  outcome: "all" | "none" | "partial";
  scoresWritten: number;
  auditRows: number;
  /** Self scores in the export of the restarted server (the app's own view). */
  exportedSelfScores: number;
  /** Until the killed server's database sessions were gone (an UPDATE in flight runs to its end first). */
  sessionsGoneMs: number;
  restartMs: number;
};

export async function prepareImportKill(options: { agencies: number }): Promise<ImportKillBench> {
  const database = await startThrowawayDatabase({ demo: false });
  const dataset = await createScoreImportDataset(database.db, {
    agencies: options.agencies,
    email: "nhapdiem@demo.local",
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  const url = new URL(database.url);
  url.searchParams.set("application_name", APP);
  return {
    database,
    dataset,
    serverUrl: url.toString(),
    port: await freePort(),
    // The same key across restarts: a session survives the server's death, as in production.
    secret: crypto.randomBytes(32).toString("base64url"),
    close: () => database.remove(),
  };
}

type Session = { pid: number; state: string; query: string; started: number };

async function sessions(monitor: pg.Client): Promise<Session[]> {
  const result = await monitor.query<{ pid: number; state: string; query: string; started: Date }>(
    `SELECT pid, state, query, query_start AS started FROM pg_stat_activity
      WHERE application_name = $1 AND pid <> pg_backend_pid()`,
    [APP],
  );
  return result.rows.map((row) => ({
    pid: row.pid,
    state: row.state,
    query: row.query.replace(/\s+/g, " "),
    started: row.started?.getTime() ?? 0,
  }));
}

/**
 * Whether the import reached the kill point, given what the sessions are doing now. `importPid`
 * is the session that began the import's transaction (other sessions' last query may be COMMIT).
 */
function reached(point: KillPoint, now: Session[], importPid: number | undefined, auditStatements: Set<number>, chunks: number): Session | undefined {
  const is = (state: string, prefix: string) => now.find((s) => s.state === state && s.query.startsWith(prefix));
  switch (point) {
    case "reading":
      // Prisma lists the columns first (aliased, with relationJoins): the table is in the FROM clause.
      return now.find((s) => s.query.startsWith("SELECT") && s.query.includes('FROM "public"."criterion_score"'));
    case "update":
      return is("active", "UPDATE criterion_score AS cs");
    case "after-update":
      return is("idle in transaction", "UPDATE criterion_score AS cs");
    case "audit":
      return auditStatements.size >= Math.ceil(chunks / 2) ? is("active", "INSERT INTO audit_log") : undefined;
    case "before-commit":
      return auditStatements.size >= chunks ? is("idle in transaction", "INSERT INTO audit_log") : undefined;
    case "after-commit":
      return now.find((s) => s.pid === importPid && s.query.startsWith("COMMIT"));
  }
}

async function counts(bench: ImportKillBench): Promise<{ scoresWritten: number; auditRows: number }> {
  const { db } = bench.database;
  const [scoresWritten, auditRows] = await Promise.all([
    db.criterionScore.count({ where: { selfScore: { not: null }, assessment: { periodId: bench.dataset.periodId } } }),
    db.auditLog.count({ where: { action: "criterionScore.import.self" } }),
  ]);
  return { scoresWritten, auditRows };
}

/** Back to no self score and no import audit row, so that the next run imports every row again. */
export async function resetScores(bench: ImportKillBench): Promise<void> {
  const { db } = bench.database;
  await db.criterionScore.updateMany({
    where: { assessment: { periodId: bench.dataset.periodId } },
    data: { selfScore: null, selfComment: null },
  });
  await db.auditLog.deleteMany({ where: { action: "criterionScore.import.self" } });
}

function postFile(baseUrl: string, bench: ImportKillBench, cookie: string): Promise<Response> {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bench.dataset.file)]), "diem-cchc-2026.xlsx");
  return fetch(`${baseUrl}/api/v1/assessment-periods/${bench.dataset.periodId}/scores`, {
    method: "POST",
    body: form,
    headers: { cookie },
  });
}

async function exportedSelfScores(baseUrl: string, bench: ImportKillBench, cookie: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/v1/assessment-periods/${bench.dataset.periodId}/scores?format=csv`, { headers: { cookie } });
  if (!response.ok) throw new Error(`export after restart: HTTP ${response.status}`);
  const rows = Papa.parse<Record<string, string>>((await response.text()).replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  }).data;
  if (rows.length !== bench.dataset.rows) throw new Error(`export after restart has ${rows.length} rows, expected ${bench.dataset.rows}`);
  // The file is for people: its self-score column is headed in the request's language.
  const selfScore = [scoreHeadings("vi").self_score, scoreHeadings("en").self_score].find((heading) => heading in rows[0]);
  if (!selfScore) throw new Error(`export after restart has no self-score column: ${Object.keys(rows[0]).join(", ")}`);
  return rows.filter((row) => row[selfScore] !== "").length;
}

/**
 * One run: start the server, post the file, SIGKILL the server at the kill point, restart it, look.
 * A phase that lasts a few milliseconds (just before COMMIT) can slip between two looks at
 * pg_stat_activity: the import then completes unkilled and the run is tried again (3 times at most).
 */
export async function runImportKill(bench: ImportKillBench, point: KillPoint): Promise<KillRun & { tries: number }> {
  for (let tries = 1; ; tries++) {
    const run = await tryImportKill(bench, point);
    if (run) return { ...run, tries };
    if (tries === 3) throw new Error(`the import ended 3 times before the kill point "${point}" was seen`);
  }
}

async function tryImportKill(bench: ImportKillBench, point: KillPoint): Promise<KillRun | null> {
  await resetScores(bench);
  const env = { AUTH_SECRET: bench.secret };
  let server = await startPortalServer({ databaseUrl: bench.serverUrl, port: bench.port, env });
  const monitor = new pg.Client({ connectionString: bench.database.url });
  await monitor.connect();
  try {
    const { cookie } = await signInOverHttp(server.baseUrl, { email: bench.dataset.email, password: DEMO_PASSWORD }, { ip: "10.6.0.1" });
    const chunks = Math.ceil(bench.dataset.rows / AUDIT_ROWS_PER_STATEMENT);
    const auditStatements = new Set<number>();
    let importPid: number | undefined;
    const posted = Date.now();
    const response = postFile(server.baseUrl, bench, cookie).then(
      (r) => `HTTP ${r.status}`,
      () => "connection closed",
    );
    let answered = false;
    void response.then(() => (answered = true));
    let observed = "";
    for (;;) {
      const now = await sessions(monitor);
      for (const s of now) {
        if (s.query.startsWith("UPDATE criterion_score AS cs")) importPid = s.pid;
        if (s.query.startsWith("INSERT INTO audit_log")) auditStatements.add(s.started);
      }
      const hit = reached(point, now, importPid, auditStatements, chunks);
      if (hit) {
        observed = `${hit.state}: ${hit.query.slice(0, 40)}…`;
        break;
      }
      if (answered) {
        const answer = await response;
        if (answer !== "HTTP 200") throw new Error(`the import failed before the kill point "${point}": ${answer}`);
        return null;
      }
      if (Date.now() - posted > 300_000) throw new Error(`kill point "${point}" not reached in 5 minutes`);
    }
    await server.kill("SIGKILL");
    const killedAfterMs = Date.now() - posted;
    await response;

    // The killed server's sessions end once PostgreSQL notices the closed sockets.
    const killed = Date.now();
    while ((await sessions(monitor)).length > 0) {
      if (Date.now() - killed > 120_000) throw new Error("the killed server's database sessions did not end");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const sessionsGoneMs = Date.now() - killed;

    const restarting = Date.now();
    server = await startPortalServer({ databaseUrl: bench.serverUrl, port: bench.port, env });
    const restartMs = Date.now() - restarting;
    const { scoresWritten, auditRows } = await counts(bench);
    const exported = await exportedSelfScores(server.baseUrl, bench, cookie);
    const total = bench.dataset.rows;
    const outcome =
      scoresWritten === total && auditRows === total && exported === total ? "all" : scoresWritten + auditRows + exported === 0 ? "none" : "partial";
    return { point, observed, killedAfterMs, outcome, scoresWritten, auditRows, exportedSelfScores: exported, sessionsGoneMs, restartMs };
  } finally {
    await monitor.end();
    await server.kill("SIGKILL");
  }
}

/** After the kills, the same file imports completely on a restarted server (no lock or half state left behind). */
export async function importCompletely(bench: ImportKillBench): Promise<{ status: number; ms: number; scoresWritten: number; auditRows: number }> {
  await resetScores(bench);
  const server = await startPortalServer({ databaseUrl: bench.serverUrl, port: bench.port, env: { AUTH_SECRET: bench.secret } });
  try {
    const { cookie } = await signInOverHttp(server.baseUrl, { email: bench.dataset.email, password: DEMO_PASSWORD }, { ip: "10.6.0.1" });
    const started = Date.now();
    const response = await postFile(server.baseUrl, bench, cookie);
    await response.arrayBuffer();
    return { status: response.status, ms: Date.now() - started, ...(await counts(bench)) };
  } finally {
    await server.kill();
  }
}
