// Issue #7 budget: no dashboard page scans the criterion scores sequentially. The file's database
// is grown with the national-scale generator at a small scale (300 agencies × 3 years × 90
// sub-criteria ≈ 81,000 scores: enough for PostgreSQL to prefer an index when one fits and to scan
// the table when none does), the SQL each page's data function really sends is captured from
// Prisma's query log, and every statement is EXPLAINed with the parameters it was sent with.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { generateNationalDataset, type NationalDataset } from "../../scripts/lib/national-dataset";

const url = process.env.DATABASE_URL!;
const SCORES = "criterion_score";
// Seq scans of these are printed, not failed on: small tables are legitimately scanned.
const ALSO_REPORTED = ["audit_log", "assessment", "agency"];

type Statement = { sql: string; params: unknown[] };
type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
type Explained = { Plan: PlanNode; "Planning Time"?: number; "Execution Time"?: number };

// The app's client with its queries logged, installed before lib first reads `db` (lib/db/client.ts).
let capturing: Statement[] | null = null;
const appDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }), log: [{ emit: "event", level: "query" }] });
appDb.$on("query", (e) => capturing?.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] }));
(globalThis as unknown as { portalDb?: PrismaClient }).portalDb = appDb;

const { getRanking } = await import("@/lib/results/queries");
const { getProvinceProfile } = await import("@/lib/profiles/queries");
const { getLeaderDashboard } = await import("@/lib/dashboards/leader/queries");
const { getAgencyView } = await import("@/lib/dashboards/agency/queries");
const { loadActor } = await import("@/lib/auth/load-actor");
const { db } = await import("@/lib/db/client");
const { actorFor } = await import("../support/actors");

type Page = { statements: Statement[]; ms: number };

/** The statements one call sends (the calls run one after another, so nothing else is logged meanwhile). */
async function capture(run: () => Promise<unknown>): Promise<Page> {
  const statements: Statement[] = [];
  capturing = statements;
  const started = performance.now();
  try {
    await run();
  } finally {
    capturing = null;
  }
  return { statements, ms: performance.now() - started };
}

// BEGIN, COMMIT, DEALLOCATE and writes are not plans of a page read.
const isRead = (s: Statement) => /^\s*(SELECT|WITH)\b/i.test(s.sql);
const readsScores = (s: Statement) => new RegExp(`\\b${SCORES}\\b`).test(s.sql);

function nodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodes)];
}

let explainer: pg.Client;

/** EXPLAIN with the parameters the app sent (the custom plan its unnamed statements get). */
async function explain(statement: Statement, options = ""): Promise<Explained> {
  const { rows } = await explainer.query(`EXPLAIN (FORMAT JSON${options}) ${statement.sql}`, statement.params);
  return rows[0]["QUERY PLAN"][0];
}

/** The plan for any parameter values (PostgreSQL 16+), so that no other agency or year can fall back to a scan. */
async function explainGeneric(statement: Statement): Promise<Explained> {
  const { rows } = await explainer.query(`EXPLAIN (GENERIC_PLAN, FORMAT JSON) ${statement.sql}`);
  return rows[0]["QUERY PLAN"][0];
}

const seqScansOf = (plan: Explained, relations: readonly string[]) =>
  nodes(plan.Plan).filter((n) => n["Node Type"] === "Seq Scan" && relations.includes(n["Relation Name"] ?? ""));

const describeStatement = (page: string, statement: Statement, plan: Explained) =>
  `${page}\n${statement.sql}\nparams ${JSON.stringify(statement.params)}\n${JSON.stringify(plan.Plan, null, 1)}`;

/** Short name of a statement for the reports: its table and the start of its WHERE. */
function label(text: string): string {
  const sql = text.replace(/\s+/g, " ").trim();
  const table = /FROM (?:"public"\.)?"?(\w+)"?/.exec(sql)?.[1] ?? sql.slice(0, 40);
  const where = /WHERE (.*?)(?: ORDER BY| OFFSET| LIMIT|$)/.exec(sql)?.[1].replaceAll('"public".', "") ?? "";
  return `${sql.startsWith("SELECT COUNT") ? "count " : ""}${table}${where ? ` WHERE ${where.slice(0, 120)}` : ""}`;
}

let dataset: NationalDataset;
const pages = new Map<string, Page>();
const AGENCY_VIEW = "getAgencyView (/co-quan/:id)";

beforeAll(async () => {
  dataset = await generateNationalDataset(url, { agencies: 300, years: 3, password: "Bench@2026" });
  explainer = new pg.Client({ connectionString: url });
  await explainer.connect();

  const [leader, head] = await Promise.all([actorFor(dataset.leaderEmail), actorFor(dataset.headEmail)]);
  expect(head.agencyId).toBe(dataset.focusAgencyId);
  // The portal layout re-reads the signed-in user on every request (lib/auth/actor.ts); the session itself is a JWT.
  pages.set("layout: loadActor", await capture(() => loadActor(db, { id: leader.id })));
  pages.set("getRanking PAR_INDEX 2024 (/xep-hang, /api/v1/rankings)", await capture(() => getRanking("PAR_INDEX", 2024)));
  pages.set("getRanking SIPAS 2025 (/xep-hang, /api/v1/rankings)", await capture(() => getRanking("SIPAS", 2025)));
  pages.set("getProvinceProfile 91 (/tinh/91)", await capture(() => getProvinceProfile("91", null, { indexCode: null, target: null })));
  pages.set("getLeaderDashboard 2025 (/bang-dieu-khien)", await capture(() => getLeaderDashboard(leader, { year: 2025 })));
  // "lost" is the page's order without ?sap-xep (app/(portal)/co-quan/[agencyId]/page.tsx).
  pages.set(AGENCY_VIEW, await capture(() => getAgencyView(head, head.agencyId!, { year: 2025, sort: "lost" })));
});

afterAll(async () => {
  await explainer?.end();
  await appDb.$disconnect();
});

describe("query plans of the dashboard pages at national scale (issue #7)", () => {
  it("grows the database to a scale where PostgreSQL prefers indexes", () => {
    console.log(`national data set: ${JSON.stringify(dataset.counts)} in ${dataset.seconds.toFixed(1)} s`);
    expect(dataset.counts[SCORES]).toBeGreaterThan(80_000);
  });

  it("captures the queries of every page function (a cached function would hide them)", () => {
    for (const [page, { statements }] of pages) expect(statements.filter(isRead).length, page).toBeGreaterThan(0);
    expect(pages.get(AGENCY_VIEW)!.statements.filter(readsScores).length).toBeGreaterThan(0);
  });

  it("never scans criterion_score sequentially, with the parameters sent or any others", async () => {
    const offending: string[] = [];
    for (const [page, { statements }] of pages) {
      for (const statement of statements.filter(isRead)) {
        const plan = await explain(statement);
        if (seqScansOf(plan, [SCORES]).length > 0) offending.push(describeStatement(page, statement, plan));
        for (const scan of seqScansOf(plan, ALSO_REPORTED))
          console.log(`(reported only) Seq Scan on ${scan["Relation Name"]}: ${page}\n  ${label(statement.sql)}`);
        if (readsScores(statement)) {
          const generic = await explainGeneric(statement);
          if (seqScansOf(generic, [SCORES]).length > 0) offending.push(`(generic plan) ${describeStatement(page, statement, generic)}`);
          const used = nodes(plan.Plan)
            .filter((n) => n["Relation Name"] === SCORES)
            .map((n) => `${n["Node Type"]}${n["Index Name"] ? ` using ${n["Index Name"]}` : ""}`);
          console.log(`${page}: ${used.join(", ")}\n  ${label(statement.sql)}`);
        }
      }
    }
    expect(offending.length, `Seq Scan on ${SCORES}:\n\n${offending.join("\n\n")}`).toBe(0);
  });

  it("would catch a missing index: without the one on assessment_id, the agency view scans the scores", async () => {
    const statement = pages.get(AGENCY_VIEW)!.statements.find(readsScores)!;
    await explainer.query("BEGIN");
    try {
      // Every index (or the constraint that owns it) whose first column is assessment_id.
      const { rows } = await explainer.query<{ index: string; constraint: string | null }>(
        `SELECT i.indexrelid::regclass::text AS index, c.conname AS constraint
           FROM pg_index i
           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
           LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid
          WHERE i.indrelid = $1::regclass AND a.attname = 'assessment_id'`,
        [SCORES],
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        await explainer.query(row.constraint ? `ALTER TABLE ${SCORES} DROP CONSTRAINT "${row.constraint}"` : `DROP INDEX ${row.index}`);
      }
      const plan = await explain(statement);
      expect(seqScansOf(plan, [SCORES]).length, JSON.stringify(plan.Plan, null, 1)).toBeGreaterThan(0);
    } finally {
      await explainer.query("ROLLBACK");
    }
    expect(seqScansOf(await explain(statement), [SCORES])).toEqual([]);
  });

  it("reports the statements of each page (repeated ones hint at N+1) and the slowest ones", async () => {
    const timed: { page: string; statement: Statement; planning: number; execution: number }[] = [];
    for (const [page, { statements, ms }] of pages) {
      const counts = new Map<string, number>();
      for (const s of statements) counts.set(s.sql, (counts.get(s.sql) ?? 0) + 1);
      const repeated = [...counts].filter(([, n]) => n > 1).map(([sql, n]) => `  ×${n} ${label(sql)}`);
      console.log(`${page}: ${statements.length} statements (${counts.size} distinct), first call ${ms.toFixed(0)} ms\n${repeated.join("\n")}`);
      for (const statement of statements.filter(isRead)) {
        const analyzed = await explain(statement, ", ANALYZE");
        timed.push({ page, statement, planning: analyzed["Planning Time"] ?? 0, execution: analyzed["Execution Time"] ?? 0 });
      }
    }
    timed.sort((a, b) => b.planning + b.execution - (a.planning + a.execution));
    console.log(
      "slowest statements (EXPLAIN ANALYZE):\n" +
        timed
          .slice(0, 5)
          .map(
            (t) =>
              `  ${t.execution.toFixed(2)} ms execution + ${t.planning.toFixed(2)} ms planning · ${t.page}\n    ${label(t.statement.sql)}\n    params ${JSON.stringify(t.statement.params).slice(0, 200)}`,
          )
          .join("\n"),
    );
    expect(timed.length).toBeGreaterThan(0);
  });
});
