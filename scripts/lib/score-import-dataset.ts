// The large scores import used by `npm run bench:import`, `npm run fault:import-kill` and the
// import-kill test: a synthetic framework of 90 sub-criteria (80 worth 1 point, 10 worth 2),
// N agencies of An Giang with an assessment each in a 2026 period still open for self-scoring,
// and the file staff would upload (XLSX, and the same table as CSV), one row per agency and
// sub-criterion with a self score.
import ExcelJS from "exceljs";
import type { PrismaClient } from "../../lib/db/generated/client";
import { writeCsv } from "../../lib/io/table-file";

const FIELDS = 10; // × 3 criteria × 3 sub-criteria = 90 sub-criteria
const COLUMNS = ["agency_code", "agency_name", "code", "name", "max_points", "self_score", "appraised_score", "comment"];

export type ScoreImportDataset = {
  periodId: number;
  frameworkId: number;
  userId: number;
  email: string;
  rows: number;
  file: Buffer;
  csv: Buffer;
};

export async function createScoreImportDataset(
  db: PrismaClient,
  options: { agencies: number; email?: string; passwordHash?: string },
): Promise<ScoreImportDataset> {
  const province = await db.province.findFirstOrThrow({ where: { code: "91", validTo: null } });
  const email = options.email ?? "bench@local";
  const user = await db.user.create({
    data: { email, name: "Đo hiệu năng", role: "HOME_AFFAIRS", passwordHash: options.passwordHash ?? "-", provinceId: province.id },
  });
  const framework = await db.framework.create({
    data: {
      indexCode: "INTERNAL_PAR",
      ownerProvinceId: province.id,
      key: "bench",
      version: 1,
      name: "Bộ chỉ số tổng hợp để đo hiệu năng",
      validFromYear: 2025,
      maxScore: 100,
      isIllustrative: true,
    },
  });
  let order = 0;
  const leafMax = (f: number, c: number, s: number) => (f * 9 + c * 3 + s < 10 ? 2 : 1);
  for (let f = 0; f < FIELDS; f++) {
    const fieldLeaves = [0, 1, 2].flatMap((c) => [0, 1, 2].map((s) => leafMax(f, c, s)));
    const field = await db.criterion.create({
      data: {
        frameworkId: framework.id,
        level: "FIELD",
        code: `${f + 1}`,
        name: `Lĩnh vực ${f + 1}`,
        maxPoints: fieldLeaves.reduce((a, b) => a + b, 0),
        sortOrder: ++order,
      },
    });
    for (let c = 0; c < 3; c++) {
      const criterion = await db.criterion.create({
        data: {
          frameworkId: framework.id,
          parentId: field.id,
          level: "CRITERION",
          code: `${f + 1}.${c + 1}`,
          name: `Tiêu chí ${f + 1}.${c + 1}`,
          maxPoints: [0, 1, 2].reduce((sum, s) => sum + leafMax(f, c, s), 0),
          sortOrder: ++order,
        },
      });
      await db.criterion.createMany({
        data: [0, 1, 2].map((s) => ({
          frameworkId: framework.id,
          parentId: criterion.id,
          level: "SUB_CRITERION" as const,
          code: `${f + 1}.${c + 1}.${s + 1}`,
          name: `Tiêu chí thành phần ${f + 1}.${c + 1}.${s + 1}`,
          maxPoints: leafMax(f, c, s),
          sortOrder: ++order,
        })),
      });
    }
  }
  const leaves = await db.criterion.findMany({
    where: { frameworkId: framework.id, level: "SUB_CRITERION" },
    orderBy: { sortOrder: "asc" },
  });
  await db.agency.createMany({
    data: Array.from({ length: options.agencies }, (_, i) => ({
      provinceId: province.id,
      code: `CQ${String(i + 1).padStart(4, "0")}`,
      name: `Cơ quan số ${i + 1}`,
      kind: "COMMUNE" as const,
      validFrom: new Date("2025-07-01"),
    })),
  });
  const agencies = await db.agency.findMany({ where: { provinceId: province.id, code: { startsWith: "CQ" } }, orderBy: { code: "asc" } });
  const periodId = await addScoreImportPeriod(db, framework.id, 2026);

  const cells = agencies.flatMap((agency, a) =>
    leaves.map((leaf, l) => {
      const max = Number(leaf.maxPoints);
      const row = a * leaves.length + l;
      return [agency.code, agency.name, leaf.code, leaf.name, max, (row * 7) % 4 === 0 ? max / 2 : max, null, "Đã thực hiện"];
    }),
  );
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Điểm");
  sheet.addRow(COLUMNS);
  for (const row of cells) sheet.addRow(row);
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  const csv = Buffer.from(writeCsv(COLUMNS, cells), "utf8");
  return { periodId, frameworkId: framework.id, userId: user.id, email, rows: cells.length, file, csv };
}

/**
 * A period of the dataset's framework for a year, with an assessment of every agency of the
 * dataset and an empty score per sub-criterion, still open for self-scoring: the same file
 * imports into it again with every row a change.
 */
export async function addScoreImportPeriod(db: PrismaClient, frameworkId: number, year: number): Promise<number> {
  const framework = await db.framework.findUniqueOrThrow({ where: { id: frameworkId } });
  const provinceId = framework.ownerProvinceId!;
  const leaves = await db.criterion.findMany({ where: { frameworkId, level: "SUB_CRITERION" }, orderBy: { sortOrder: "asc" } });
  const agencies = await db.agency.findMany({ where: { provinceId, code: { startsWith: "CQ" } }, orderBy: { code: "asc" } });
  const period = await db.assessmentPeriod.create({
    data: { provinceId, frameworkId, year, selfScoringDeadline: new Date("2099-12-31T16:59:59Z") },
  });
  await db.assessment.createMany({ data: agencies.map((a) => ({ periodId: period.id, agencyId: a.id })) });
  const assessments = await db.assessment.findMany({ where: { periodId: period.id } });
  await db.criterionScore.createMany({ data: assessments.flatMap((a) => leaves.map((c) => ({ assessmentId: a.id, criterionId: c.id }))) });
  return period.id;
}
