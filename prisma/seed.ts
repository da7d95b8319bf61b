// Idempotent seed. Reference data and the real published results are always seeded; the demo
// data set (demo accounts, demo agencies of An Giang with illustrative scores) only when asked.
// Every step inserts what is missing and leaves existing rows alone, so a second run adds
// nothing and never overwrites what users have since edited.
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { rankTable } from "../lib/results/ranking";
import { classify } from "../lib/frameworks/grades";
import { inheritedRegion, unitForYear } from "../lib/units/lineage";
import { hashPassword } from "../lib/auth/password";
import { addDays, currentYearInVietnam, endOfVietnamDay, vietnamToday } from "../lib/time";
import type { PrismaClient } from "../lib/db/generated/client";
import type { AssessmentMethod, DirectiveKind, TargetKind } from "../lib/db/generated/enums";

export const SEED_DATA_DIR = path.resolve(import.meta.dirname, "seed-data");
export const DEMO_PASSWORD = "Demo@2026";
export const DEMO_USERS = [
  { email: "quantri@demo.local", name: "Quản trị hệ thống", role: "ADMIN" },
  { email: "noivu@demo.local", name: "Chuyên viên Sở Nội vụ An Giang", role: "HOME_AFFAIRS" },
  { email: "thutruong@demo.local", name: "Giám đốc Sở Tư pháp An Giang", role: "AGENCY_HEAD" },
  { email: "lanhdao@demo.local", name: "Chủ tịch UBND tỉnh An Giang", role: "LEADER" },
] as const;

type Db = PrismaClient;
// Prisma's default of 5 s per interactive transaction is too short for a framework's criteria tree
// or a period's scores inserted row by row on a loaded machine (seen when the test suites of several
// worktrees ran at once): the seed runs alone, so it may take its time.
const SEED_TRANSACTION = { maxWait: 60_000, timeout: 300_000 };
type Log = (line: string) => void;

/** One of the seed's tables (seed-data/*.csv), row by row under its header. */
export function readCsv(file: string): Record<string, string>[] {
  const text = fs.readFileSync(path.join(SEED_DATA_DIR, file), "utf8");
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0].message}`);
  return parsed.data;
}

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

// The 63-unit division in force since Hà Tây joined Hà Nội (1/8/2008) until the 2025 merger.
const OLD_UNITS = { validFrom: utcDate("2008-08-01"), validTo: utcDate("2025-06-30"), decision: "QĐ 124/2004/QĐ-TTg" };
const NEW_UNITS = { validFrom: utcDate("2025-07-01"), decision: "QĐ 19/2025/QĐ-TTg" };
const MERGER = { effectiveOn: utcDate("2025-07-01"), legalBasis: "Nghị quyết 202/2025/QH15" };

/**
 * `demo` adds the demo data set: a finished 2025 period and, unless `inProgress` is false, an open
 * period of the current year (Viet Nam's, at `now`) with work waiting for every role. The test
 * suite's template leaves the open period out, so its tests can open the current year themselves.
 */
export async function seed(db: Db, options: { demo: boolean; inProgress?: boolean; now?: Date; log?: Log }): Promise<void> {
  const log = options.log ?? (() => {});
  await seedUnits(db);
  await seedIndices(db);
  await seedFrameworks(db, { demo: options.demo });
  await seedPublishedResults(db);
  await seedDirectives(db);
  if (options.demo) await seedDemo(db);
  if (options.demo && options.inProgress !== false) await seedDemoInProgress(db, options.now ?? new Date());
  log("seed: done");
}

async function seedUnits(db: Db) {
  await db.region.createMany({
    data: readCsv("regions.csv").map((r) => ({ code: r.region_code, nameVi: r.name_vi, nameEn: r.name_en })),
    skipDuplicates: true,
  });
  const old = readCsv("provinces-63.csv");
  await db.province.createMany({
    data: old.map((r) => ({
      code: r.code,
      nameVi: r.name_vi,
      kind: r.kind === "city" ? "CITY" : "PROVINCE",
      regionCode: r.region_code || null,
      validFrom: OLD_UNITS.validFrom,
      validTo: OLD_UNITS.validTo,
      codeDecision: OLD_UNITS.decision,
    })),
    skipDuplicates: true,
  });
  const regionOfOld = new Map(old.map((r) => [r.code, r.region_code || null]));
  const merged = readCsv("provinces-34.csv");
  await db.province.createMany({
    data: merged.map((r) => ({
      code: r.code,
      nameVi: r.name_vi,
      kind: r.kind === "city" ? "CITY" : "PROVINCE",
      regionCode: inheritedRegion(r.merged_from_codes.split(";").map((code) => regionOfOld.get(code) ?? null)),
      validFrom: NEW_UNITS.validFrom,
      codeDecision: NEW_UNITS.decision,
    })),
    skipDuplicates: true,
  });
  const units = await db.province.findMany();
  const at = (code: string, on: Date) => {
    const unit = units.find((u) => u.code === code && u.validFrom.getTime() === on.getTime());
    if (!unit) throw new Error(`seed: unknown province ${code} from ${on.toISOString()}`);
    return unit;
  };
  await db.provinceLineage.createMany({
    data: merged.flatMap((r) =>
      r.merged_from_codes.split(";").map((code) => ({
        successorId: at(r.code, NEW_UNITS.validFrom).id,
        predecessorId: at(code, OLD_UNITS.validFrom).id,
        ...MERGER,
      })),
    ),
    skipDuplicates: true,
  });
}

async function seedIndices(db: Db) {
  await db.performanceIndex.createMany({
    data: [
      {
        code: "PAR_INDEX",
        nameVi: "Chỉ số cải cách hành chính",
        shortName: "PAR INDEX",
        subject: "PROVINCE",
        maxScore: 100,
        description: "Chỉ số CCHC của các tỉnh, thành phố trực thuộc trung ương do Bộ Nội vụ công bố hằng năm.",
      },
      {
        code: "SIPAS",
        nameVi: "Chỉ số hài lòng về sự phục vụ hành chính",
        shortName: "SIPAS",
        subject: "PROVINCE",
        maxScore: 100,
        description: "Tỷ lệ người dân, tổ chức hài lòng với sự phục vụ của cơ quan hành chính nhà nước.",
      },
      {
        code: "INTERNAL_PAR",
        nameVi: "Chỉ số CCHC của cơ quan, đơn vị trong tỉnh",
        shortName: "Chỉ số CCHC nội bộ",
        subject: "AGENCY",
        maxScore: 100,
        description: "Sở Nội vụ đánh giá các sở, ban, ngành và UBND cấp xã theo bộ chỉ số của tỉnh.",
      },
    ],
    skipDuplicates: true,
  });
}

type TreeNode = {
  code: string;
  name: string;
  maxPoints?: number;
  method?: AssessmentMethod;
  guidance?: string;
  requiredEvidence?: string;
  children?: TreeNode[];
};
type FrameworkFile = {
  key: string;
  version: number;
  indexCode: string;
  ownerProvince?: { code: string; validFrom: string };
  demo?: boolean;
  name: string;
  decision: string | null;
  validFromYear: number;
  validToYear: number | null;
  maxScore: number;
  bonusCap?: number;
  penaltyCap?: number;
  /** Grade bands read as percentages of the applicable maximum (criteria not applicable left out). */
  gradesOnPercentage?: boolean;
  componentsAreAdditive: boolean;
  isIllustrative: boolean;
  note: string;
  components: { code: string; nameVi: string; maxPoints: number }[];
  gradeBands: { label: string; minScore: number }[];
  tree: TreeNode[];
};

/** A node's maximum: given on leaves, the sum of the children's above them. */
function maxOf(node: TreeNode): number {
  if (node.children?.length) return node.children.reduce((sum, child) => sum + maxOf(child), 0);
  if (node.maxPoints === undefined) throw new Error(`seed: criterion ${node.code} has no maximum`);
  return node.maxPoints;
}

async function seedFrameworks(db: Db, options: { demo: boolean }) {
  const dir = path.join(SEED_DATA_DIR, "frameworks");
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort();
  for (const file of files) {
    const f = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as FrameworkFile;
    if (f.demo && !options.demo) continue;
    const exists = await db.framework.findUnique({ where: { key_version: { key: f.key, version: f.version } } });
    if (exists) continue;
    const treeTotal = f.tree.reduce((sum, node) => sum + maxOf(node), 0);
    if (f.tree.length > 0 && Math.abs(treeTotal - f.maxScore) > 1e-9) {
      throw new Error(`seed: ${file}: criteria add up to ${treeTotal}, not ${f.maxScore}`);
    }
    const owner = f.ownerProvince
      ? await db.province.findUniqueOrThrow({
          where: { code_validFrom: { code: f.ownerProvince.code, validFrom: utcDate(f.ownerProvince.validFrom) } },
        })
      : null;
    const previous = await db.framework.findFirst({ where: { key: f.key, version: { lt: f.version } }, orderBy: { version: "desc" } });
    await db.$transaction(async (tx) => {
      const framework = await tx.framework.create({
        data: {
          indexCode: f.indexCode,
          ownerProvinceId: owner?.id ?? null,
          key: f.key,
          version: f.version,
          name: f.name,
          decision: f.decision,
          validFromYear: f.validFromYear,
          validToYear: f.validToYear,
          maxScore: f.maxScore,
          bonusCap: f.bonusCap ?? 0,
          penaltyCap: f.penaltyCap ?? 0,
          gradesOnPercentage: f.gradesOnPercentage ?? false,
          componentsAreAdditive: f.componentsAreAdditive,
          isIllustrative: f.isIllustrative,
          isDemo: f.demo ?? false,
          note: f.note,
          previousVersionId: previous?.id ?? null,
          components: { create: f.components.map((c, i) => ({ ...c, sortOrder: i + 1 })) },
          gradeBands: { create: f.gradeBands },
        },
      });
      let order = 0;
      const levels = ["FIELD", "CRITERION", "SUB_CRITERION"] as const;
      const insert = async (node: TreeNode, depth: number, parentId: number | null) => {
        const created = await tx.criterion.create({
          data: {
            frameworkId: framework.id,
            parentId,
            level: levels[depth],
            code: node.code,
            name: node.name,
            maxPoints: maxOf(node),
            method: node.method ?? "APPRAISAL",
            guidance: node.guidance ?? null,
            requiredEvidence: node.requiredEvidence ?? null,
            sortOrder: ++order,
            isIllustrative: f.isIllustrative,
          },
        });
        for (const child of node.children ?? []) await insert(child, depth + 1, created.id);
      };
      for (const node of f.tree) await insert(node, 0, null);
    }, SEED_TRANSACTION);
  }
}

/** The optional component columns of published-results.csv (PAR INDEX components, by code in lower case). */
const RESULT_COMPONENT_COLUMNS = ["appraisal", "sipas", "leader_survey", "socio_economic"] as const;

async function seedPublishedResults(db: Db) {
  const units = await db.province.findMany();
  const unitOf = (code: string, year: number) => {
    const unit = unitForYear(units, code, year);
    if (!unit) throw new Error(`seed: no province with code ${code} for ${year}`);
    return unit;
  };
  const rows = readCsv("published-results.csv").map((r) => ({
    provinceId: unitOf(r.unit_code, Number(r.year)).id,
    indexCode: r.index,
    year: Number(r.year),
    // Empty when the source printed only the rank: stored as null, never guessed.
    score: r.score || null,
    officialRank: r.rank ? Number(r.rank) : null,
    source: r.source,
    note: r.note || null,
    components: RESULT_COMPONENT_COLUMNS.filter((column) => r[column]).map((column) => ({ code: column.toUpperCase(), value: r[column] })),
  }));
  // A result already stored (seeded earlier, or entered by a user) is left as it is.
  await db.publishedResult.createMany({ data: rows.map(({ components: _, ...row }) => row), skipDuplicates: true });
  // Components go only to results still as the file has them, so a row a user edited since keeps
  // its components too; one already stored is never overwritten.
  const stored = await db.publishedResult.findMany({
    where: { OR: rows.filter((r) => r.components.length > 0).map(({ indexCode, year, provinceId }) => ({ indexCode, year, provinceId })) },
  });
  const components = rows.flatMap((row) => {
    const result = stored.find((s) => s.indexCode === row.indexCode && s.year === row.year && s.provinceId === row.provinceId);
    const asInFile =
      result && (result.score === null ? row.score === null : row.score !== null && result.score.equals(row.score)) && result.officialRank === row.officialRank;
    return asInFile ? row.components.map((c) => ({ resultId: result.id, ...c })) : [];
  });
  await db.resultComponent.createMany({ data: components, skipDuplicates: true });
  await db.publishedAggregate.createMany({
    data: readCsv("published-national.csv").map((r) => {
      const [measure, subject = ""] = r.measure.split(":");
      const kind = { national_average: "NATIONAL_AVERAGE", region_average: "REGION_AVERAGE", element: "ELEMENT_AVERAGE" }[measure];
      if (!kind) throw new Error(`seed: unknown measure ${r.measure}`);
      return {
        indexCode: r.index,
        year: Number(r.year),
        kind: kind as "NATIONAL_AVERAGE" | "REGION_AVERAGE" | "ELEMENT_AVERAGE",
        subject,
        value: r.value,
        source: r.source,
      };
    }),
    skipDuplicates: true,
  });
}

type DirectiveFile = {
  number: string;
  kind: string;
  issuer: string;
  province_code: string | null;
  signer: string | null;
  issued_on: string | null;
  title: string;
  targets: { index: string; year: number; kind: string; value?: number; min?: number; max?: number; unit?: string; note?: string }[];
  tasks: string[];
  reporting?: string[];
  note?: string;
  source_seed?: string;
};

const DIRECTIVE_KINDS: Record<string, DirectiveKind> = {
  "Quyết định": "QUYET_DINH",
  "Kế hoạch": "KE_HOACH",
  "Công văn": "CONG_VAN",
  "Chỉ thị": "CHI_THI",
  "Văn bản": "VAN_BAN",
  "Nghị quyết": "NGHI_QUYET",
};
const TARGET_KINDS: Record<string, TargetKind> = {
  min_score: "MIN_SCORE",
  min_percent_of_max: "MIN_PERCENT_OF_MAX",
  max_rank: "MAX_RANK",
  rank_improvement: "RANK_IMPROVEMENT",
  criterion_score: "CRITERION_SCORE",
  completion: "COMMITMENT_COMPLETION",
};
const REPORTING: Record<string, string> = { quarterly: "QUARTERLY", half_year: "HALF_YEAR", annual: "ANNUAL" };

async function seedDirectives(db: Db) {
  const directives = JSON.parse(fs.readFileSync(path.join(SEED_DATA_DIR, "directives.json"), "utf8")) as DirectiveFile[];
  const units = await db.province.findMany();
  for (const d of directives) {
    const exists = await db.directive.findUnique({ where: { issuer_number: { issuer: d.issuer, number: d.number } } });
    if (exists) continue;
    const years = [...new Set([...d.targets.map((t) => t.year), ...(d.issued_on ? [Number(d.issued_on.slice(0, 4))] : [])])].sort();
    // The province code is the one in force when the directive was issued (or for the year it
    // targets); undated directives of the seed articles (2019–2022) predate the 2025 merger.
    const year = d.issued_on ? Number(d.issued_on.slice(0, 4)) : (years[0] ?? 2024);
    const province = d.province_code ? unitForYear(units, d.province_code, year) : undefined;
    const kind = DIRECTIVE_KINDS[d.kind];
    if (!kind) throw new Error(`seed: unknown directive kind ${d.kind}`);
    await db.directive.create({
      data: {
        provinceId: province?.id ?? null,
        number: d.number,
        kind,
        issuer: d.issuer,
        signer: d.signer,
        issuedOn: d.issued_on ? utcDate(d.issued_on) : null,
        title: d.title,
        years,
        reporting: (d.reporting ?? []).map((r) => REPORTING[r] ?? r.toUpperCase()),
        note: d.note ?? null,
        sourceNote: d.source_seed ? `Bài báo nguồn: ${d.source_seed}` : null,
        tasks: { create: d.tasks.map((title, i) => ({ title, sortOrder: i + 1 })) },
        targets: {
          create: d.targets.map((t) => {
            const targetKind = TARGET_KINDS[t.kind];
            if (!targetKind) throw new Error(`seed: unknown target kind ${t.kind}`);
            return {
              kind: targetKind,
              indexCode: t.index === "PAR_INDEX" || t.index === "SIPAS" ? t.index : null,
              year: t.year,
              value: t.value ?? t.min ?? 0,
              valueMax: t.max ?? null,
              unit: t.unit ?? null,
              provinceId: province?.id ?? null,
              note: t.note ?? null,
            };
          }),
        },
      },
    });
  }
  // A directive that names another one in its tasks implements it (1020/UBND-TH → 733/UBND-TH).
  const stored = await db.directive.findMany({ include: { tasks: true } });
  const links = stored.flatMap((from) =>
    stored
      .filter((to) => to.id !== from.id && to.issuer === from.issuer)
      .filter((to) => from.tasks.some((task) => new RegExp(`(^|\\D)${to.number.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}`).test(task.title)))
      .map((to) => ({ fromId: from.id, toId: to.id, relation: "Triển khai" })),
  );
  await db.directiveLink.createMany({ data: links, skipDuplicates: true });
}

// ───────────────────────── Demo data set ─────────────────────────

const DEMO_PROVINCE = { code: "91", validFrom: NEW_UNITS.validFrom }; // An Giang since 01/07/2025
const DEMO_AGENCIES = [
  { code: "SNV", name: "Sở Nội vụ", kind: "DEPARTMENT" },
  { code: "STP", name: "Sở Tư pháp", kind: "DEPARTMENT" },
  { code: "STC", name: "Sở Tài chính", kind: "DEPARTMENT" },
  { code: "SXD", name: "Sở Xây dựng", kind: "DEPARTMENT" },
  { code: "SYT", name: "Sở Y tế", kind: "DEPARTMENT" },
  { code: "SGDDT", name: "Sở Giáo dục và Đào tạo", kind: "DEPARTMENT" },
  { code: "SNNMT", name: "Sở Nông nghiệp và Môi trường", kind: "DEPARTMENT" },
  { code: "SKHCN", name: "Sở Khoa học và Công nghệ", kind: "DEPARTMENT" },
  { code: "SCT", name: "Sở Công Thương", kind: "DEPARTMENT" },
  { code: "SVHTTDL", name: "Sở Văn hóa, Thể thao và Du lịch", kind: "DEPARTMENT" },
  { code: "TTT", name: "Thanh tra tỉnh", kind: "DEPARTMENT" },
  { code: "P-LX", name: "UBND phường Long Xuyên", kind: "COMMUNE" },
  { code: "P-CD", name: "UBND phường Châu Đốc", kind: "COMMUNE" },
  { code: "P-RG", name: "UBND phường Rạch Giá", kind: "COMMUNE" },
] as const;
const DEMO_HEAD_AGENCY = "STP";

/** Deterministic pseudo-random numbers (mulberry32), so the demo scores are the same every time. */
function random(seedText: string): () => number {
  let state = [...seedText].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 2654435761) >>> 0, 1779033703);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
/** Scores are entered in steps of 0.25 point. */
const quarter = (n: number) => Math.round(n * 4) / 4;

async function seedDemo(db: Db) {
  const province = await db.province.findUniqueOrThrow({ where: { code_validFrom: DEMO_PROVINCE } });
  await db.agency.createMany({
    data: DEMO_AGENCIES.map((a) => ({ ...a, provinceId: province.id, validFrom: NEW_UNITS.validFrom, isDemo: true })),
    skipDuplicates: true,
  });
  const agencies = await db.agency.findMany({ where: { provinceId: province.id, isDemo: true }, orderBy: { id: "asc" } });
  const headAgency = agencies.find((a) => a.code === DEMO_HEAD_AGENCY)!;

  const existingUsers = new Set((await db.user.findMany({ select: { email: true } })).map((u) => u.email));
  for (const user of DEMO_USERS) {
    if (existingUsers.has(user.email)) continue;
    await db.user.create({
      data: {
        ...user,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        provinceId: user.role === "ADMIN" ? null : province.id,
        agencyId: user.role === "AGENCY_HEAD" ? headAgency.id : null,
        isDemo: true,
      },
    });
  }

  const framework = await db.framework.findUniqueOrThrow({
    where: { key_version: { key: "an-giang-so-ban-nganh", version: 1 } },
    include: { criteria: true, gradeBands: true },
  });
  const year = 2025;
  if (
    await db.assessmentPeriod.findUnique({
      where: { provinceId_frameworkId_year: { provinceId: province.id, frameworkId: framework.id, year } },
    })
  ) {
    return;
  }
  const leaves = framework.criteria.filter((c) => c.level === "SUB_CRITERION").sort((a, b) => a.sortOrder - b.sortOrder);
  const bands = framework.gradeBands.map((b) => ({ label: b.label, minScore: Number(b.minScore) }));

  await db.$transaction(async (tx) => {
    const period = await tx.assessmentPeriod.create({
      data: {
        provinceId: province.id,
        frameworkId: framework.id,
        year,
        // 23:59 on 15/12/2025 in Asia/Ho_Chi_Minh (UTC+7).
        selfScoringDeadline: new Date("2025-12-15T16:59:59Z"),
        status: "PUBLISHED",
        publishedAt: new Date("2026-01-20T02:00:00Z"),
        isDemo: true,
      },
    });
    const totals: { agencyId: number; total: number }[] = [];
    for (const agency of agencies) {
      const rnd = random(`${agency.code}-${year}`);
      // Each agency has its own level of performance, so the ranking is spread out.
      const strength = 0.55 + rnd() * 0.45;
      const scores = leaves.map((criterion) => {
        const max = Number(criterion.maxPoints);
        const r = rnd();
        const achieved = r < strength ? max : r < strength + 0.1 ? 0 : quarter(max * rnd());
        const self = criterion.method === "APPRAISAL" ? Math.min(max, quarter(achieved + (rnd() < 0.3 ? max * 0.25 : 0))) : null;
        return {
          criterionId: criterion.id,
          selfScore: self,
          selfComment: self === null ? null : "Dữ liệu minh họa (demo)",
          // Staff enter survey-based results in round 1 too, so appraised scores cover every sub-criterion.
          round1Score: achieved,
          round1Comment: self !== null && self > achieved ? "Tài liệu kiểm chứng chưa đầy đủ" : null,
          finalScore: achieved,
        };
      });
      const bonus = quarter(rnd() * Number(framework.bonusCap));
      const penalty = rnd() < 0.3 ? quarter(rnd() * Number(framework.penaltyCap)) : 0;
      const sum = scores.reduce((s, c) => s + c.finalScore, 0);
      const total = round2(Math.min(Number(framework.maxScore), sum + bonus - penalty));
      totals.push({ agencyId: agency.id, total });
      await tx.assessment.create({
        data: {
          periodId: period.id,
          agencyId: agency.id,
          status: "FINALIZED",
          submittedAt: new Date("2025-12-10T03:00:00Z"),
          appraisalReleasedAt: new Date("2026-01-12T02:00:00Z"),
          finalizedAt: new Date("2026-01-12T02:00:00Z"),
          bonusPoints: bonus,
          penaltyPoints: penalty,
          finalTotal: total,
          scores: { create: scores },
        },
      });
    }
    const ranked = rankTable(
      totals.map((t) => ({ key: String(t.agencyId), score: t.total, officialRank: null })),
      totals.length,
    );
    for (const row of ranked) {
      await tx.assessment.update({
        where: { periodId_agencyId: { periodId: period.id, agencyId: Number(row.key) } },
        data: { rank: row.rank, classification: classify(row.score, bands) },
      });
    }
  }, SEED_TRANSACTION);
}

/**
 * The demo's work in progress: an open period of the current year in which the demo agencies stand
 * at different steps, so that every demo role's first screen has something to do. Self-scoring is
 * due in five days; most agencies are still self-scoring (the demo agency head's Sở Tư pháp about
 * half-way), one has submitted, one has an explanation request waiting and one has answered its
 * requests. Skipped when the year already has a period (a second run, or a year users opened).
 */
export async function seedDemoInProgress(db: Db, now: Date) {
  const province = await db.province.findUniqueOrThrow({ where: { code_validFrom: DEMO_PROVINCE } });
  const framework = await db.framework.findUniqueOrThrow({
    where: { key_version: { key: "an-giang-so-ban-nganh", version: 1 } },
    include: { criteria: true },
  });
  const year = currentYearInVietnam(now);
  if (year < framework.validFromYear || (framework.validToYear !== null && year > framework.validToYear)) return;
  const key = { provinceId_frameworkId_year: { provinceId: province.id, frameworkId: framework.id, year } };
  if (await db.assessmentPeriod.findUnique({ where: key })) return;
  const agencies = await db.agency.findMany({ where: { provinceId: province.id, isDemo: true }, orderBy: { id: "asc" } });
  const leaves = framework.criteria.filter((c) => c.level === "SUB_CRITERION").sort((a, b) => a.sortOrder - b.sortOrder);
  const today = vietnamToday(now);
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const note = "Dữ liệu minh họa (demo)";

  await db.$transaction(async (tx) => {
    const period = await tx.assessmentPeriod.create({
      data: { provinceId: province.id, frameworkId: framework.id, year, selfScoringDeadline: endOfVietnamDay(addDays(today, 5)), isDemo: true },
    });
    for (const agency of agencies) {
      const state = IN_PROGRESS_STATES[agency.code] ?? "DRAFT";
      const rnd = random(`${agency.code}-${year}-in-progress`);
      // Agencies still self-scoring have scored a share of the criteria, in order; the others all of them.
      const share = state === "DRAFT" ? (agency.code === DEMO_HEAD_AGENCY ? 0.5 : rnd() * 0.8) : 1;
      const selfScored = leaves.filter((c) => c.method === "APPRAISAL");
      const scoredIds = new Set(selfScored.slice(0, Math.round(selfScored.length * share)).map((c) => c.id));
      const appraised = state === "EXPLANATION_REQUESTED" || state === "EXPLANATION_ANSWERED";
      let requests = 0;
      const scores = leaves.map((criterion) => {
        const max = Number(criterion.maxPoints);
        const self = scoredIds.has(criterion.id) ? (rnd() < 0.7 ? max : quarter(max * rnd())) : null;
        // Staff ask for an explanation on the first two self scores above zero, and give half of them in round 1.
        const asks = appraised && self !== null && self > 0 && requests < 2;
        if (asks) requests++;
        const round1 = !appraised ? null : criterion.method !== "APPRAISAL" ? quarter(max * (0.6 + rnd() * 0.4)) : asks ? quarter((self ?? 0) / 2) : self;
        return {
          criterionId: criterion.id,
          selfScore: self,
          selfComment: self === null ? null : note,
          round1Score: round1,
          round1Comment: asks ? "Tài liệu kiểm chứng chưa đầy đủ" : null,
          explanationRequest: asks ? "Bổ sung văn bản ban hành và báo cáo kết quả thực hiện (dữ liệu minh họa)." : null,
          explanationResponse: asks && state === "EXPLANATION_ANSWERED" ? "Đã bổ sung văn bản và báo cáo kèm theo (dữ liệu minh họa)." : null,
        };
      });
      await tx.assessment.create({
        data: {
          periodId: period.id,
          agencyId: agency.id,
          status: state === "EXPLANATION_ANSWERED" ? "EXPLANATION_REQUESTED" : state,
          submittedAt: state === "DRAFT" ? null : daysAgo(appraised ? 6 : 1),
          appraisalReleasedAt: appraised ? daysAgo(2) : null,
          scores: { create: scores },
        },
      });
    }
    // A small appraisal council (issue 17): the demo leader appraises field 1, the head of Sở Tư pháp
    // field 2 (institutional reform) on every sheet but their own agency's.
    const fields = new Map(framework.criteria.filter((c) => c.level === "FIELD").map((c) => [c.code, c.id]));
    const members = await tx.user.findMany({ where: { email: { in: [...DEMO_COUNCIL.keys()] } } });
    await tx.councilAssignment.createMany({
      data: members.flatMap((m) =>
        fields.has(DEMO_COUNCIL.get(m.email)!) ? [{ periodId: period.id, userId: m.id, criterionId: fields.get(DEMO_COUNCIL.get(m.email)!)! }] : [],
      ),
    });
  }, SEED_TRANSACTION);
}

/** The demo council of the open period: member → the field they appraise. */
const DEMO_COUNCIL = new Map([
  ["lanhdao@demo.local", "1"],
  ["thutruong@demo.local", "2"],
]);

/** Where each demo agency stands in the open period (the others are self-scoring). */
const IN_PROGRESS_STATES: Partial<Record<string, "SUBMITTED" | "EXPLANATION_REQUESTED" | "EXPLANATION_ANSWERED">> = {
  SNV: "SUBMITTED",
  SXD: "EXPLANATION_REQUESTED",
  SYT: "EXPLANATION_ANSWERED",
};
