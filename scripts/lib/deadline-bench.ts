// The daily deadline scan and digest at national scale (issue 15's bench line): on a database that
// holds the national data set's 2,000 agencies, every province opens next year's self-scoring with
// its deadline two days after the scan (half of them) or passed the day before (the other half),
// each agency leads a task due in two days or overdue, owes (half of them) or has sent (the other
// half) the quarterly report of the quarter that has just ended on its province's directive, and
// commits to completing its tasks this year and each province to a rank last year (targets the scan
// evaluates for the leaders); 10,000 accounts exist (heads of every agency, Home Affairs staff and
// leaders of every province). Then the scan (every part: self-scoring, tasks, reports, targets) and
// the digest run as the worker runs them, through the same lib functions, and are timed. The scan
// runs as of 08:00 on the second day of the current quarter, so that the reports are overdue.
import pg from "pg";
import type { PrismaClient } from "../../lib/db/generated/client";

export type DeadlineBench = {
  users: number;
  sheets: number;
  tasks: number;
  reports: number;
  targets: number;
  notifications: number;
  mails: number;
  scanSeconds: number;
  digestSeconds: number;
  seconds: number;
};

const DAY = 86_400_000;

export async function benchDeadlines(
  url: string,
  db: PrismaClient,
  options: { users?: number; at?: Date; log?: (line: string) => void } = {},
): Promise<DeadlineBench> {
  const log = options.log ?? (() => {});
  const today = new Date();
  const at = options.at ?? new Date(Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3, 2, 1));
  const year = at.getUTCFullYear();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
  try {
    // Next year's self-scoring of every province that has agencies, on the framework of its latest period.
    await q(
      `INSERT INTO assessment_period (province_id, framework_id, year, self_scoring_deadline, status)
       SELECT DISTINCT ON (p.province_id) p.province_id, p.framework_id, p.year + 1,
              CASE WHEN p.province_id % 2 = 0 THEN $1::timestamptz + interval '2 days' ELSE $1::timestamptz - interval '1 day' END, 'SELF_SCORING'::"PeriodStatus"
         FROM assessment_period p ORDER BY p.province_id, p.year DESC`,
      [at],
    );
    const sheets = await q(
      `INSERT INTO assessment (period_id, agency_id, status)
       SELECT p.id, a.id, 'DRAFT'::"AssessmentStatus" FROM assessment_period p JOIN agency a ON a.province_id = p.province_id
        WHERE p.status = 'SELF_SCORING'`,
    );
    await q(
      `INSERT INTO directive (province_id, number, kind, issuer, title, years, reporting)
       SELECT DISTINCT province_id, 'BENCH-' || province_id || '/KH-UBND', 'KE_HOACH'::"DirectiveKind", 'UBND tỉnh ' || province_id, 'Kế hoạch CCHC (đo hiệu năng)', ARRAY[${year - 1}, ${year}], ARRAY['QUARTERLY']
         FROM agency`,
    );
    const tasks = await q(
      `INSERT INTO task (directive_id, sort_order, title, lead_agency_id, due_on, status)
       SELECT d.id, row_number() OVER (PARTITION BY d.id ORDER BY a.id), 'Nhiệm vụ ' || a.code, a.id,
              CASE WHEN a.id % 2 = 0 THEN ($1::timestamptz + interval '2 days')::date ELSE ($1::timestamptz - interval '3 days')::date END, 'IN_PROGRESS'::"TaskStatus"
         FROM agency a JOIN directive d ON d.number = 'BENCH-' || a.province_id || '/KH-UBND'`,
      [at],
    );
    // The quarter that has just ended: half the agencies have sent its report.
    const quarter = at.getUTCMonth() === 0 ? `${year - 1}-Q4` : `${year}-Q${at.getUTCMonth() / 3}`;
    const reports = await q(
      `INSERT INTO periodic_report (directive_id, agency_id, period, content)
       SELECT d.id, a.id, $1, 'Báo cáo (đo hiệu năng)' FROM agency a JOIN directive d ON d.number = 'BENCH-' || a.province_id || '/KH-UBND'
        WHERE a.id % 2 = 0`,
      [quarter],
    );
    // The targets leaders follow: each agency's commitments (all its tasks done this year), and
    // the province's rank on a national index last year (in the top 10).
    const targets = await q(
      `INSERT INTO target (directive_id, kind, index_code, year, value, unit, province_id, agency_id)
       SELECT d.id, 'COMMITMENT_COMPLETION'::"TargetKind", NULL, ${year}, 100, '%', a.province_id, a.id
         FROM agency a JOIN directive d ON d.number = 'BENCH-' || a.province_id || '/KH-UBND'
       UNION ALL
       SELECT d.id, 'MAX_RANK'::"TargetKind", (SELECT code FROM performance_index WHERE subject = 'PROVINCE' ORDER BY code LIMIT 1), ${year - 1}, 10, NULL, d.province_id, NULL
         FROM directive d WHERE d.number LIKE 'BENCH-%'`,
    );
    // 10,000 accounts: four heads per agency, the rest Home Affairs staff and leaders of each province.
    const target = options.users ?? 10_000;
    const existing = Number((await q("SELECT count(*) AS n FROM app_user")).rows[0].n);
    const heads = await q(
      `INSERT INTO app_user (email, name, role, province_id, agency_id)
       SELECT 'thutruong' || a.id || '.' || i || '@bench.local', 'Thủ trưởng ' || a.code || ' ' || i, 'AGENCY_HEAD', a.province_id, a.id
         FROM agency a CROSS JOIN generate_series(1, 4) i`,
    );
    const provinces = (await q("SELECT DISTINCT province_id AS id FROM agency ORDER BY 1")).rows.map((r) => r.id as number);
    const rest = Math.max(0, target - existing - (heads.rowCount ?? 0));
    await q(
      `INSERT INTO app_user (email, name, role, province_id)
       SELECT 'tinh' || i || '@bench.local', 'Cán bộ tỉnh ' || i, CASE WHEN i % 6 = 0 THEN 'LEADER'::"Role" ELSE 'HOME_AFFAIRS'::"Role" END, ($1::int[])[1 + i % cardinality($1::int[])]
         FROM generate_series(1, $2::int) i`,
      [provinces, rest],
    );
    await q("ANALYZE");
    const users = Number((await q("SELECT count(*) AS n FROM app_user")).rows[0].n);
    log(
      `  ${users.toLocaleString("vi-VN")} tài khoản, ${sheets.rowCount} phiếu đang tự chấm, ${tasks.rowCount} nhiệm vụ, ` +
        `${reports.rowCount} báo cáo ${quarter} đã gửi, ${targets.rowCount} chỉ tiêu; quét lúc ${at.toISOString()}`,
    );

    const { sendDailyDigest } = await import("../../lib/notifications/mutations");
    const { scanAllDeadlines } = await import("../../lib/jobs/deadline-scan");
    const started = performance.now();
    const scan = await scanAllDeadlines(db, at);
    log(`  thông báo theo phần: ${JSON.stringify(scan.byPart)}`);
    if (scan.failures.length > 0) throw new Error(`deadline scan incomplete: ${scan.failures.join("; ")}`);
    const scanned = performance.now();
    const digest = await sendDailyDigest(db, new Date(at.getTime() + DAY / 24));
    const done = performance.now();
    return {
      users,
      sheets: sheets.rowCount ?? 0,
      tasks: tasks.rowCount ?? 0,
      reports: reports.rowCount ?? 0,
      targets: targets.rowCount ?? 0,
      notifications: scan.notifications,
      mails: digest.mails,
      scanSeconds: (scanned - started) / 1000,
      digestSeconds: (done - scanned) / 1000,
      seconds: (done - started) / 1000,
    };
  } finally {
    await client.end();
  }
}
