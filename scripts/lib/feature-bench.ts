// The lines `npm run bench` adds for issue 19 item 4 (every new feature measured), beside the national
// data set of scripts/lib/national-dataset.ts and in the same database:
//  - one province (Hà Nội, 01) holding 3,400 agencies and 10,000 accounts: the worst case of the
//    administration lists (the country's ≈ 3,300 communes and its departments, and every account of
//    a ministry-level deployment, all in one province's lists), seen by its Home Affairs officer;
//  - two periods of 150 of its agencies on its framework: one published (the ranking annex, DOCX and
//    PDF) and one in self-scoring, half done (the control board and its progress API);
//  - the pages under load (their budgets beside them) and the operations an officer clicks and waits
//    for, each timed end to end over HTTP: the account import of 300 rows through the template the
//    page hands out (preview, then import), and the annex downloads.
// Bulk SQL with PostgreSQL's random() after setseed(), in statements whose row order is fixed, so two
// runs give the same rows (bench data only; the demo seed never holds it).
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { BENCH_SEED } from "./national-dataset";
import { ROOT } from "./runtime";

export type FeatureDataset = {
  provinceCode: string;
  staffEmail: string;
  users: number;
  agencies: number;
  periodAgencies: number;
  annexPeriodId: number;
  boardPeriodId: number;
  agencyCodes: string[];
};

/** A page's budget: a share of the trivial route's throughput at the same connections, or a p95 latency. */
export type LoadBudget = { ratio: number } | { p95Ms: number };
export type Scenario = { name: string; path: string; connections: number; cookie?: string; expect: string; budget?: LoadBudget; missEveryTime?: boolean };

/**
 * A signed-in page measured when the signed-in cache cannot answer it (scripts/lib/signed-in-cache.mjs):
 * a new cache key on every request (bench.ts, `missEveryTime`), so every one is rendered, captured and
 * kept, as after a write or for a session's first read. A reference, without the page's budget.
 */
export function notCached({ budget: _budget, ...scenario }: Scenario): Scenario {
  return { ...scenario, name: `${scenario.name}, không có trong bộ nhớ đệm`, missEveryTime: true };
}

const AGENCIES = 3400;
const USERS = 10_000;
const PERIOD_AGENCIES = 150;
const IMPORT_ROWS = 300;
/** Budgets of this item, justified in docs/benchmarks.md. */
export const OFFICER_PAGE_P95_MS = 300;
export const API_P95_MS = 100;
export const IMPORT_SECONDS = 5;
export const DOCUMENT_SECONDS = 2;
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
const MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Thanh", "Ngọc", "Hữu", "Quốc"];
const GIVEN = [
  "An",
  "Bình",
  "Chi",
  "Dũng",
  "Giang",
  "Hà",
  "Hải",
  "Hạnh",
  "Hùng",
  "Lan",
  "Long",
  "Mai",
  "Nam",
  "Phương",
  "Quân",
  "Sơn",
  "Tâm",
  "Thảo",
  "Trang",
  "Tuấn",
];
const PLACE = ["An", "Bình", "Hòa", "Phú", "Tân", "Thạnh", "Long", "Mỹ", "Phước", "Vĩnh", "Đông", "Tây"];
const sqlArray = (words: string[]) => `ARRAY[${words.map((w) => `'${w}'`).join(",")}]`;

export async function addFeatureDataset(
  url: string,
  options: { password: string; lastYear: number; provinceCode?: string; seed?: number },
): Promise<FeatureDataset> {
  const provinceCode = options.provinceCode ?? "01";
  const seed = options.seed ?? BENCH_SEED;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
  const seeded = async (step: number, sql: string, params: unknown[] = []) => {
    await q("SELECT setseed($1)", [((seed + step * 104_729) % 1_000_000) / 1_000_000]);
    return q(sql, params);
  };
  try {
    await q("SET synchronous_commit = off");
    const province = (await q("SELECT id FROM province WHERE code = $1 AND valid_to IS NULL", [provinceCode])).rows[0] as { id: number } | undefined;
    if (!province) throw new Error(`no current province with code ${provinceCode}`);
    const pid = province.id;
    const framework = (await q("SELECT id FROM framework WHERE key = $1", [`bench-${provinceCode}`])).rows[0] as { id: number } | undefined;
    if (!framework) throw new Error(`the national data set has no framework for province ${provinceCode}`);

    // Agencies up to 3,400 in the province (the national set gave it a few dozen), in three peer groups.
    await q(`INSERT INTO peer_group (province_id, name) VALUES ($1, 'Sở, ban, ngành'), ($1, 'Xã'), ($1, 'Phường') ON CONFLICT DO NOTHING`, [pid]);
    await q(
      `
      WITH n AS (SELECT n, CASE WHEN n % 20 = 0 THEN 'DEPARTMENT' WHEN n % 3 = 0 THEN 'WARD' ELSE 'COMMUNE' END AS kind
                   FROM generate_series(1, $2 - (SELECT count(*) FROM agency WHERE province_id = $1)::int) n)
      INSERT INTO agency (province_id, code, name, kind, peer_group_id, contact_email, valid_from)
      SELECT $1, 'BA' || lpad(n::text, 5, '0'),
             CASE kind WHEN 'DEPARTMENT' THEN 'Sở chuyên ngành số ' || n WHEN 'WARD' THEN 'UBND phường ' ELSE 'UBND xã ' END
               || CASE WHEN kind = 'DEPARTMENT' THEN '' ELSE (${sqlArray(PLACE)})[1 + n % 12] || ' ' || (${sqlArray(PLACE)})[1 + (n / 12) % 12] || ' ' || n END,
             kind::"AgencyKind",
             (SELECT id FROM peer_group WHERE province_id = $1 AND name = CASE kind WHEN 'DEPARTMENT' THEN 'Sở, ban, ngành' WHEN 'WARD' THEN 'Phường' ELSE 'Xã' END),
             'vanthu.ba' || n || '@bench.local', make_date(2025, 7, 1)
        FROM n ORDER BY n`,
      [pid, AGENCIES],
    );

    // 10,000 accounts in the province's scope: its Home Affairs officer (who measures), 59 more Home
    // Affairs staff, 40 leaders, and about three heads and deputies per agency; most have signed in,
    // a tenth are invited (no password yet), a few are disabled.
    const passwordHash = await hashPassword(options.password);
    const staffEmail = `noivu${provinceCode}@bench.local`;
    await q(
      `INSERT INTO app_user (email, name, password_hash, role, province_id) VALUES ($1, 'Chuyên viên Sở Nội vụ (đo hiệu năng)', $2, 'HOME_AFFAIRS', $3)`,
      [staffEmail, passwordHash, pid],
    );
    await seeded(
      1,
      `
      WITH ids AS (SELECT array_agg(id ORDER BY code) AS ids FROM agency WHERE province_id = $1),
      n AS (SELECT n, random() AS r, random() AS signed, random() AS f, random() AS m, random() AS g
              FROM generate_series(1, $2 - (SELECT count(*) FROM app_user u LEFT JOIN agency a ON a.id = u.agency_id
                                                 WHERE u.province_id = $1 OR a.province_id = $1)::int) n ORDER BY n)
      INSERT INTO app_user (email, name, phone, password_hash, role, province_id, agency_id, active, last_sign_in_at)
      SELECT 'taikhoan' || lpad(n::text, 5, '0') || '@bench.local',
             (${sqlArray(FAMILY)})[1 + floor(f * 16)::int] || ' ' || (${sqlArray(MIDDLE)})[1 + floor(m * 8)::int] || ' ' || (${sqlArray(GIVEN)})[1 + floor(g * 20)::int],
             '09' || lpad((n * 7919 % 100000000)::text, 8, '0'),
             CASE WHEN r < 0.1 THEN NULL ELSE $3 END,
             (CASE WHEN n <= 59 THEN 'HOME_AFFAIRS' WHEN n <= 99 THEN 'LEADER' ELSE 'AGENCY_HEAD' END)::"Role",
             $1, CASE WHEN n > 99 THEN ids.ids[1 + n % cardinality(ids.ids)] END,
             r > 0.02, CASE WHEN r >= 0.1 THEN now() - signed * interval '400 days' END
        FROM n CROSS JOIN ids ORDER BY n`,
      [pid, USERS, passwordHash],
    );

    // The two periods of 150 agencies (the first 150 of the province by code).
    const annexYear = options.lastYear + 1;
    const periods = await q(
      `INSERT INTO assessment_period (province_id, framework_id, year, self_scoring_deadline, status, published_at) VALUES
         ($1, $2, $3, make_timestamptz($3, 12, 15, 16, 59, 59, 'UTC'), 'PUBLISHED', make_timestamptz($3 + 1, 1, 20, 2, 0, 0, 'UTC')),
         ($1, $2, $3 + 1, now() + interval '10 days', 'SELF_SCORING', NULL)
       RETURNING id, status`,
      [pid, framework.id, annexYear],
    );
    const annexPeriodId = periods.rows.find((p) => p.status === "PUBLISHED").id as number;
    const boardPeriodId = periods.rows.find((p) => p.status === "SELF_SCORING").id as number;
    const chosen = `(SELECT id FROM agency WHERE province_id = $2 ORDER BY code LIMIT ${PERIOD_AGENCIES})`;
    await q(
      `INSERT INTO assessment (period_id, agency_id, status, submitted_at, appraisal_released_at, finalized_at)
       SELECT $1, a.id, 'FINALIZED', now() - interval '60 days', now() - interval '40 days', now() - interval '30 days' FROM ${chosen} a ORDER BY a.id`,
      [annexPeriodId, pid],
    );
    // The board: a third submitted, a few with their deadline extended, the rest still scoring.
    await q(
      `INSERT INTO assessment (period_id, agency_id, status, submitted_at, deadline_extended_to, extension_reason)
       SELECT $1, a.id, (CASE WHEN row_number() OVER (ORDER BY a.id) % 3 = 0 THEN 'SUBMITTED' ELSE 'DRAFT' END)::"AssessmentStatus",
              CASE WHEN row_number() OVER (ORDER BY a.id) % 3 = 0 THEN now() - interval '2 days' END,
              CASE WHEN row_number() OVER (ORDER BY a.id) % 25 = 1 THEN now() + interval '20 days' END,
              CASE WHEN row_number() OVER (ORDER BY a.id) % 25 = 1 THEN 'Sáp nhập đơn vị, cần thêm thời gian' END
         FROM ${chosen} a ORDER BY a.id`,
      [boardPeriodId, pid],
    );
    // Scores: appraised and final in the published period; self scores of a share of the
    // sub-criteria (each agency's own progress) in the one being scored.
    await seeded(
      2,
      `
      WITH drawn AS MATERIALIZED (
        SELECT a.id AS assessment_id, c.id AS criterion_id, c.max_points AS max, random() AS r, random() AS part
          FROM assessment a JOIN criterion c ON c.framework_id = $2 AND c.level = 'SUB_CRITERION'
         WHERE a.period_id = $1 ORDER BY a.id, c.sort_order),
      achieved AS (SELECT *, CASE WHEN r < 0.7 THEN max WHEN r < 0.8 THEN 0 ELSE round(max * part * 4) / 4 END AS score FROM drawn)
      INSERT INTO criterion_score (assessment_id, criterion_id, self_score, self_comment, round1_score, final_score, updated_at)
      SELECT assessment_id, criterion_id, max, 'Đã thực hiện', score, score, now() - interval '30 days' FROM achieved ORDER BY assessment_id, criterion_id`,
      [annexPeriodId, framework.id],
    );
    await seeded(
      3,
      `
      WITH progress AS MATERIALIZED (SELECT a.id, a.status, random() AS done FROM assessment a WHERE a.period_id = $1 ORDER BY a.id)
      INSERT INTO criterion_score (assessment_id, criterion_id, self_score, self_comment, updated_at)
      SELECT p.id, c.id, CASE WHEN p.status = 'SUBMITTED' OR random() < p.done THEN c.max_points END, NULL, now()
        FROM progress p JOIN criterion c ON c.framework_id = $2 AND c.level = 'SUB_CRITERION' ORDER BY p.id, c.sort_order`,
      [boardPeriodId, framework.id],
    );
    // Totals, ranks and classifications of the published period, as publishing sets them.
    await q(
      `UPDATE assessment a SET final_total = t.total FROM (SELECT assessment_id, sum(final_score) AS total FROM criterion_score GROUP BY assessment_id) t
        WHERE t.assessment_id = a.id AND a.period_id = $1`,
      [annexPeriodId],
    );
    await q(
      `UPDATE assessment a SET rank = r.rank, classification = r.label
         FROM (SELECT a.id, rank() OVER (ORDER BY a.final_total DESC) AS rank,
                      (SELECT b.label FROM grade_band b WHERE b.framework_id = $2 AND b.min_score <= a.final_total ORDER BY b.min_score DESC LIMIT 1) AS label
                 FROM assessment a WHERE a.period_id = $1) r
        WHERE r.id = a.id`,
      [annexPeriodId, framework.id],
    );
    await q("ANALYZE");

    const count = async (sql: string) => Number((await q(sql, [pid])).rows[0].n);
    return {
      provinceCode,
      staffEmail,
      users: await count("SELECT count(*) AS n FROM app_user u LEFT JOIN agency a ON a.id = u.agency_id WHERE u.province_id = $1 OR a.province_id = $1"),
      agencies: await count("SELECT count(*) AS n FROM agency WHERE province_id = $1"),
      periodAgencies: PERIOD_AGENCIES,
      annexPeriodId,
      boardPeriodId,
      agencyCodes: (await q("SELECT code FROM agency WHERE province_id = $1 ORDER BY code LIMIT $2", [pid, IMPORT_ROWS])).rows.map((r) => r.code as string),
    };
  } finally {
    await client.end();
  }
}

/** The pages of the new features under load: the officer's at 8 connections, the public ones at 32 as every public page. */
export function featureScenarios(data: FeatureDataset, officer: string): Scenario[] {
  const officerPage = { connections: 8, cookie: officer, budget: { p95Ms: OFFICER_PAGE_P95_MS } };
  const search = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;
  const board: Scenario = {
    name: `Bảng điều hành kỳ đánh giá (${data.periodAgencies} cơ quan)`,
    path: `/danh-gia/${data.boardPeriodId}/dieu-hanh`,
    expect: `data-testid="board-table"`,
    ...officerPage,
  };
  const progress: Scenario = {
    name: `API tiến độ kỳ đánh giá (${data.periodAgencies} cơ quan)`,
    path: `/api/v1/assessment-periods/${data.boardPeriodId}/progress`,
    expect: `"agencies":[`,
    ...officerPage,
    budget: { p95Ms: API_P95_MS },
  };
  return [
    {
      name: `Danh sách tài khoản, trang 1 (${data.users.toLocaleString("vi-VN")} tài khoản)`,
      path: "/quan-tri/tai-khoan",
      expect: `data-testid="accounts"`,
      ...officerPage,
    },
    {
      name: "Danh sách tài khoản, tìm theo họ, trang 2",
      path: `/quan-tri/tai-khoan${search({ q: "Trần", page: "2" })}`,
      expect: `data-testid="accounts"`,
      ...officerPage,
    },
    {
      name: `Danh sách cơ quan (${data.agencies.toLocaleString("vi-VN")} cơ quan)`,
      path: "/quan-tri/co-quan",
      expect: `data-testid="agencies"`,
      ...officerPage,
    },
    {
      name: "Danh sách cơ quan, tìm phường",
      path: `/quan-tri/co-quan${search({ q: "Phú", kind: "WARD" })}`,
      expect: `data-testid="agencies"`,
      ...officerPage,
    },
    board,
    progress,
    // The same two when the signed-in cache cannot answer them.
    notCached(board),
    notCached(progress),
    { name: "Bản đồ (trang nhúng)", path: "/nhung/ban-do?index=PAR_INDEX", connections: 32, expect: `data-testid="map-figure"`, budget: { ratio: 0.5 } },
    { name: "So sánh bốn tỉnh", path: "/so-sanh?tinh=91,01,79,48", connections: 32, expect: `data-testid="compare-PAR_INDEX"`, budget: { ratio: 0.5 } },
  ];
}

export type Operation = { name: string; path: string; seconds: number[]; budgetSeconds: number; detail: string };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const round2 = (n: number) => Math.round(n * 100) / 100;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, round2((performance.now() - started) / 1000)];
}

async function fetchOk(url: string, init: RequestInit, what: string): Promise<Buffer> {
  const response = await fetch(url, init);
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`${what}: ${response.status} ${body.toString("utf8").slice(0, 300)}`);
  return body;
}

/**
 * The operations an officer waits for, those of them whose address `selected` keeps: the account
 * import (template downloaded from the page's link, 300 agency heads filled in under its header,
 * then preview and import as the page posts them: the page's server action and this API both call
 * lib/accounts/import's importAccounts), and the ranking annex in each format, three downloads each.
 */
export async function timeOperations(base: string, officer: string, data: FeatureDataset, selected: (path: string) => boolean): Promise<Operation[]> {
  const headers = { Cookie: officer, Origin: base };
  const operations: Operation[] = [];
  const importPath = "/api/v1/imports/users";
  if (selected(importPath)) {
    const [template, templateSeconds] = await timed(() => fetchOk(`${base}${importPath}/template`, { headers }, "account template"));
    const file = await fillAccountTemplate(template, data.agencyCodes);
    const post = (dryRun: boolean) => {
      const form = new FormData();
      form.set("file", new Blob([new Uint8Array(file)]), "tai-khoan.xlsx");
      if (dryRun) form.set("dryRun", "1");
      return fetchOk(`${base}${importPath}`, { method: "POST", headers, body: form }, "account import").then(
        (body) => JSON.parse(body.toString("utf8")) as { summary: { new: number }; invitations: unknown[] },
      );
    };
    const [preview, previewSeconds] = await timed(() => post(true));
    const [done, importSeconds] = await timed(() => post(false));
    if (preview.summary.new !== IMPORT_ROWS || done.invitations.length !== IMPORT_ROWS)
      throw new Error(`account import: preview ${preview.summary.new}, invitations ${done.invitations.length}, expected ${IMPORT_ROWS}`);
    const detail = `mẫu tải về ${String(templateSeconds).replace(".", ",")} s`;
    operations.push(
      { name: `Nhập ${IMPORT_ROWS} tài khoản: xem trước`, path: `${importPath} (dryRun=1)`, seconds: [previewSeconds], budgetSeconds: IMPORT_SECONDS, detail },
      {
        name: `Nhập ${IMPORT_ROWS} tài khoản: nhập`,
        path: importPath,
        seconds: [importSeconds],
        budgetSeconds: IMPORT_SECONDS,
        detail: `${IMPORT_ROWS} lời mời`,
      },
    );
  }
  for (const format of ["docx", "pdf"] as const) {
    const annexPath = `/api/v1/documents/ranking-annex?periodId=${data.annexPeriodId}&format=${format}`;
    if (!selected(annexPath)) continue;
    const runs: [Buffer, number][] = [];
    for (let i = 0; i < 3; i++) runs.push(await timed(() => fetchOk(`${base}${annexPath}`, { headers }, `ranking annex ${format}`)));
    const magic = format === "pdf" ? "%PDF" : "PK";
    if (runs.some(([body]) => body.subarray(0, magic.length).toString("latin1") !== magic)) throw new Error(`ranking annex ${format}: not a ${format} file`);
    operations.push({
      name: `Phụ lục xếp hạng ${data.periodAgencies} cơ quan, ${format.toUpperCase()}`,
      path: annexPath,
      seconds: runs.map(([, s]) => s),
      budgetSeconds: DOCUMENT_SECONDS,
      detail: `${Math.round(runs[0][0].length / 1024)} kB`,
    });
  }
  return operations;
}

/** The downloaded template with one agency head per agency code under its header, as a person fills it in Excel. */
async function fillAccountTemplate(template: Buffer, agencyCodes: string[]): Promise<Buffer> {
  const roles = JSON.parse(fs.readFileSync(path.join(ROOT, "lib/i18n/messages/vi/common.json"), "utf8")).roles as Record<string, string>;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  const column = (name: string) => {
    const at = header.indexOf(name);
    if (at < 1) throw new Error(`the account template has no column ${name}`);
    return at;
  };
  agencyCodes.forEach((code, i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(column("email")).value = `thutruong.${code.toLowerCase()}@nhap.bench.local`;
    row.getCell(column("name")).value = `Thủ trưởng ${code}`;
    row.getCell(column("role")).value = roles.AGENCY_HEAD;
    row.getCell(column("agency_code")).value = code;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const operationBudgetMet = (o: Operation) => median(o.seconds) < o.budgetSeconds;

/** The operations' table of the report. */
export function operationsMarkdown(operations: Operation[]): string {
  if (operations.length === 0) return "";
  const s = (n: number) => n.toFixed(2).replace(".", ",");
  return [
    "| Thao tác | Lần đo (s) | Trung vị (s) | Ghi chú |",
    "|---|---:|---:|---|",
    ...operations.map((o) => `| ${o.name} \`${o.path}\` | ${o.seconds.map(s).join(" · ")} | ${s(median(o.seconds))} | ${o.detail} |`),
    "",
  ].join("\n");
}

export function operationBudgets(operations: Operation[]) {
  return operations.map((o) => ({
    budget: `${o.name}: < ${o.budgetSeconds} s`,
    figure: `${median(o.seconds).toFixed(2).replace(".", ",")} s`,
    met: operationBudgetMet(o),
  }));
}
