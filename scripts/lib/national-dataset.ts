// The national-scale data set of `npm run bench` (issue #7): what a ministry-level deployment
// holds. Generated into an already migrated and seeded database (reference data and the real
// published results), reproducibly: PostgreSQL's random() after setseed() with a fixed seed, in
// statements whose row order is fixed, so two runs give the same rows.
//  - National results: PAR INDEX and SIPAS for 2013–2025, every province-level unit in force each
//    year (63 until 2024, 34 from 2025); the real published rows are kept, the rest is filled in.
//  - Internal assessments: `agencies` agencies spread over the 34 provinces, each province with its
//    own framework of 90 sub-criteria (10 fields × 3 criteria × 3) and a published period for each
//    of `years` years up to 2025, every agency finalized and ranked: agencies × years × 90 criterion
//    scores, each with an audit row of its appraisal.
//  - Accounts for the measured pages: a leader and a Home Affairs officer of `focusProvinceCode`
//    (An Giang) and the head of its first agency.
// Everything else is bulk SQL: generating 1.8 million scores row by row through Prisma would take
// far longer than the benchmark itself.
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { resultReferenceDate } from "../../lib/units/lineage";

export type NationalDatasetOptions = {
  agencies: number;
  years: number;
  lastYear?: number;
  firstResultYear?: number;
  seed?: number;
  focusProvinceCode?: string;
  password: string;
  log?: (line: string) => void;
};

export type NationalDataset = {
  counts: Record<string, number>;
  seconds: number;
  leaderEmail: string;
  staffEmail: string;
  headEmail: string;
  focusProvinceId: number;
  focusAgencyId: number;
  lastYear: number;
};

export const BENCH_SEED = 20250701;
const FIELDS = 10; // × 3 criteria × 3 sub-criteria = 90 sub-criteria
const SOURCE = "Dữ liệu tổng hợp để đo hiệu năng (npm run bench), không phải kết quả công bố";

export async function generateNationalDataset(url: string, options: NationalDatasetOptions): Promise<NationalDataset> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const lastYear = options.lastYear ?? 2025;
  const firstYear = lastYear - options.years + 1;
  const firstResultYear = options.firstResultYear ?? 2013;
  const seed = options.seed ?? BENCH_SEED;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
  // setseed takes a value in [-1, 1]; a fixed one per statement keeps each statement reproducible on its own.
  const seeded = async (step: number, sql: string, params: unknown[] = []) => {
    await q("SELECT setseed($1)", [((seed + step * 7919) % 1_000_000) / 1_000_000]);
    return q(sql, params);
  };
  try {
    // A throwaway database: losing the last commits in a crash costs nothing and the bulk inserts run faster.
    await q("SET synchronous_commit = off");

    // 1. National results of every unit in force each year.
    const step = (label: string) => log(`  ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    for (let year = firstResultYear; year <= lastYear; year++) {
      const reference = resultReferenceDate(year);
      await seeded(
        year,
        `
        INSERT INTO published_result (province_id, index_code, year, score, source, updated_at)
        SELECT p.id, i.code, $1, round((CASE WHEN i.code = 'SIPAS' THEN 75 ELSE 78 END + random() * 18)::numeric, 2), $3, now()
          FROM performance_index i
          JOIN province p ON p.valid_from <= $2 AND (p.valid_to IS NULL OR p.valid_to >= $2)
         WHERE i.subject = 'PROVINCE'
         ORDER BY i.code, p.code
        ON CONFLICT (index_code, year, province_id) DO NOTHING`,
        [year, reference, SOURCE],
      );
    }
    step("kết quả quốc gia");

    // 2. One internal framework per current province: 10 fields × 3 criteria × 3 sub-criteria, 100 points.
    const provinces = (await q("SELECT id, code FROM province WHERE valid_to IS NULL ORDER BY code")).rows as {
      id: number;
      code: string;
    }[];
    if (provinces.length === 0) throw new Error("the database has no current provinces: seed it first");
    await q(
      `
      INSERT INTO framework (index_code, owner_province_id, key, version, name, valid_from_year, max_score, bonus_cap, penalty_cap, is_illustrative, note)
      SELECT 'INTERNAL_PAR', p.id, 'bench-' || p.code, 1, 'Bộ chỉ số CCHC nội bộ (dữ liệu đo hiệu năng)', $1, 100, 3, 5, true, $2
        FROM province p WHERE p.valid_to IS NULL ORDER BY p.code`,
      [firstYear, SOURCE],
    );
    await q(`
      INSERT INTO grade_band (framework_id, label, min_score)
      SELECT f.id, b.label, b.min_score FROM framework f
       CROSS JOIN (VALUES ('Xuất sắc', 90), ('Tốt', 80), ('Khá', 70), ('Trung bình', 50), ('Yếu', 0)) AS b(label, min_score)
       WHERE f.key LIKE 'bench-%'`);
    // Fields, then criteria, then sub-criteria (80 worth 1 point and the first 10 worth 2).
    await q(`
      INSERT INTO criterion (framework_id, level, code, name, max_points, sort_order, is_illustrative)
      SELECT f.id, 'FIELD', fi::text, 'Lĩnh vực ' || fi, CASE WHEN fi = 1 THEN 18 WHEN fi = 2 THEN 10 ELSE 9 END, fi * 100, true
        FROM framework f CROSS JOIN generate_series(1, ${FIELDS}) fi WHERE f.key LIKE 'bench-%' ORDER BY f.id, fi`);
    await q(`
      INSERT INTO criterion (framework_id, parent_id, level, code, name, max_points, sort_order, is_illustrative)
      SELECT parent.framework_id, parent.id, 'CRITERION', parent.code || '.' || ci, 'Tiêu chí ' || parent.code || '.' || ci,
             (SELECT sum(CASE WHEN (parent.code::int - 1) * 9 + (ci - 1) * 3 + si - 1 < 10 THEN 2 ELSE 1 END) FROM generate_series(1, 3) si),
             parent.sort_order + ci * 10, true
        FROM criterion parent JOIN framework f ON f.id = parent.framework_id AND f.key LIKE 'bench-%'
       CROSS JOIN generate_series(1, 3) ci WHERE parent.level = 'FIELD' ORDER BY parent.id, ci`);
    await q(`
      INSERT INTO criterion (framework_id, parent_id, level, code, name, max_points, sort_order, is_illustrative)
      SELECT parent.framework_id, parent.id, 'SUB_CRITERION', parent.code || '.' || si, 'Tiêu chí thành phần ' || parent.code || '.' || si,
             CASE WHEN (split_part(parent.code, '.', 1)::int - 1) * 9 + (split_part(parent.code, '.', 2)::int - 1) * 3 + si - 1 < 10 THEN 2 ELSE 1 END,
             parent.sort_order + si, true
        FROM criterion parent JOIN framework f ON f.id = parent.framework_id AND f.key LIKE 'bench-%'
       CROSS JOIN generate_series(1, 3) si WHERE parent.level = 'CRITERION' ORDER BY parent.id, si`);
    step("bộ chỉ số");

    // 3. Agencies, round-robin over the provinces: a third departments, the rest communes.
    await q(
      `
      INSERT INTO agency (province_id, code, name, kind, valid_from)
      SELECT (array_agg(p.id ORDER BY p.code))[1 + (n - 1) % $2], 'BQ' || lpad(n::text, 5, '0'),
             CASE WHEN n % 3 = 0 THEN 'Sở chuyên ngành số ' ELSE 'UBND xã số ' END || n,
             (CASE WHEN n % 3 = 0 THEN 'DEPARTMENT' ELSE 'COMMUNE' END)::"AgencyKind", make_date($3, 1, 1)
        FROM generate_series(1, $1) n CROSS JOIN province p WHERE p.valid_to IS NULL GROUP BY n ORDER BY n`,
      [options.agencies, provinces.length, firstYear],
    );

    // 4. A published period per province and year, an assessment per agency and period.
    await q(
      `
      INSERT INTO assessment_period (province_id, framework_id, year, self_scoring_deadline, status, published_at)
      SELECT f.owner_province_id, f.id, y, make_timestamptz(y, 12, 15, 16, 59, 59, 'UTC'), 'PUBLISHED', make_timestamptz(y + 1, 1, 20, 2, 0, 0, 'UTC')
        FROM framework f CROSS JOIN generate_series($1::int, $2::int) y WHERE f.key LIKE 'bench-%' ORDER BY f.id, y`,
      [firstYear, lastYear],
    );
    await q(`
      INSERT INTO assessment (period_id, agency_id, status, submitted_at, appraisal_released_at, finalized_at)
      SELECT p.id, a.id, 'FINALIZED', make_timestamptz(p.year, 12, 10, 3, 0, 0, 'UTC'),
             make_timestamptz(p.year + 1, 1, 12, 2, 0, 0, 'UTC'), make_timestamptz(p.year + 1, 1, 12, 2, 0, 0, 'UTC')
        FROM assessment_period p JOIN framework f ON f.id = p.framework_id AND f.key LIKE 'bench-%'
        JOIN agency a ON a.province_id = p.province_id AND a.code LIKE 'BQ%'
       ORDER BY p.id, a.id`);
    step("cơ quan, kỳ đánh giá");

    // 5. The criterion scores, one year at a time. Each assessment has its own level of performance,
    //    so the rankings spread out: a sub-criterion is achieved in full with that probability,
    //    scored 0 one time in ten, and partly otherwise; the agency's own score is sometimes higher.
    for (let year = firstYear; year <= lastYear; year++) {
      await seeded(
        10_000 + year,
        `
        WITH strength AS MATERIALIZED (
          SELECT a.id, p.framework_id, 0.55 + random() * 0.45 AS level
            FROM assessment a JOIN assessment_period p ON p.id = a.period_id
            JOIN framework f ON f.id = p.framework_id AND f.key LIKE 'bench-%'
           WHERE p.year = $1 ORDER BY a.id),
        drawn AS MATERIALIZED (
          SELECT s.id AS assessment_id, c.id AS criterion_id, c.max_points AS max, s.level, random() AS r, random() AS part, random() AS claim
            FROM strength s JOIN criterion c ON c.framework_id = s.framework_id AND c.level = 'SUB_CRITERION'
           ORDER BY s.id, c.sort_order),
        achieved AS (
          SELECT *, CASE WHEN r < level THEN max WHEN r < level + 0.1 THEN 0 ELSE round(max * part * 4) / 4 END AS score FROM drawn)
        INSERT INTO criterion_score (assessment_id, criterion_id, self_score, self_comment, round1_score, round1_comment, final_score, updated_at)
        SELECT assessment_id, criterion_id, LEAST(max, score + CASE WHEN claim < 0.3 THEN max * 0.25 ELSE 0 END), 'Đã thực hiện',
               score, CASE WHEN claim < 0.3 AND score < max THEN 'Tài liệu kiểm chứng chưa đầy đủ' END, score,
               make_timestamptz($1 + 1, 1, 12, 2, 0, 0, 'UTC')
          FROM achieved ORDER BY assessment_id, criterion_id`,
        [year],
      );
      step(`điểm ${year}`);
    }

    // 6. Totals, ranks and classifications, as publishing a period sets them.
    await q(`
      UPDATE assessment a SET final_total = t.total
        FROM (SELECT assessment_id, sum(final_score) AS total FROM criterion_score GROUP BY assessment_id) t
       WHERE t.assessment_id = a.id AND a.final_total IS NULL AND a.status = 'FINALIZED'`);
    await q(`
      UPDATE assessment a SET rank = r.rank, classification = r.label
        FROM (SELECT a.id, rank() OVER (PARTITION BY a.period_id ORDER BY a.final_total DESC) AS rank,
                     (SELECT b.label FROM grade_band b WHERE b.framework_id = p.framework_id AND b.min_score <= a.final_total
                       ORDER BY b.min_score DESC LIMIT 1) AS label
                FROM assessment a JOIN assessment_period p ON p.id = a.period_id
                JOIN framework f ON f.id = p.framework_id AND f.key LIKE 'bench-%') r
       WHERE r.id = a.id`);
    step("tổng điểm, xếp hạng");

    // 7. Accounts, then the audit rows of every appraisal (who, when, old and new value).
    const focusCode = options.focusProvinceCode ?? "91";
    const focus = provinces.find((p) => p.code === focusCode);
    if (!focus) throw new Error(`no current province with code ${focusCode}`);
    const focusAgency = (await q("SELECT id FROM agency WHERE province_id = $1 AND code LIKE 'BQ%' ORDER BY code LIMIT 1", [focus.id])).rows[0] as {
      id: number;
    };
    const passwordHash = await hashPassword(options.password);
    const emails = { leaderEmail: "lanhdao@bench.local", staffEmail: "noivu@bench.local", headEmail: "thutruong@bench.local" };
    await q(
      `
      INSERT INTO app_user (email, name, password_hash, role, province_id, agency_id) VALUES
        ($1, 'Lãnh đạo tỉnh (đo hiệu năng)', $4, 'LEADER', $5, NULL),
        ($2, 'Chuyên viên Sở Nội vụ (đo hiệu năng)', $4, 'HOME_AFFAIRS', $5, NULL),
        ($3, 'Thủ trưởng cơ quan (đo hiệu năng)', $4, 'AGENCY_HEAD', $5, $6)`,
      [emails.leaderEmail, emails.staffEmail, emails.headEmail, passwordHash, focus.id, focusAgency.id],
    );
    for (let year = firstYear; year <= lastYear; year++) {
      await q(
        `
        INSERT INTO audit_log (at, actor_email, action, entity_type, entity_id, province_id, old_value, new_value)
        SELECT cs.updated_at, $2, 'criterionScore.appraiseRound1', 'CriterionScore', cs.id::text, p.province_id,
               jsonb_build_object('round1Score', NULL, 'criterion', c.code),
               jsonb_build_object('round1Score', cs.round1_score, 'round1Comment', cs.round1_comment, 'criterion', c.code)
          FROM criterion_score cs JOIN assessment a ON a.id = cs.assessment_id
          JOIN assessment_period p ON p.id = a.period_id AND p.year = $1
          JOIN framework f ON f.id = p.framework_id AND f.key LIKE 'bench-%'
          JOIN criterion c ON c.id = cs.criterion_id
         ORDER BY cs.id`,
        [year, emails.staffEmail],
      );
    }
    step("nhật ký");
    await q("ANALYZE");

    const counts: Record<string, number> = {};
    for (const table of ["published_result", "agency", "assessment_period", "assessment", "criterion_score", "audit_log"]) {
      counts[table] = Number((await q(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    }
    return {
      counts,
      seconds: (performance.now() - started) / 1000,
      ...emails,
      focusProvinceId: focus.id,
      focusAgencyId: focusAgency.id,
      lastYear,
    };
  } finally {
    await client.end();
  }
}
