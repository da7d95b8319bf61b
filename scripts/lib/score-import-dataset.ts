// The large scores import used by `npm run bench:import`, `npm run fault:import-kill` and the
// import-kill test: a synthetic framework of 90 sub-criteria (80 worth 1 point, 10 worth 2),
// N agencies of An Giang with an assessment each in a 2026 period still open for self-scoring,
// and the XLSX file staff would upload, one row per agency and sub-criterion with a self score.
import ExcelJS from "exceljs";
import type { PrismaClient } from "../../lib/db/generated/client";

const FIELDS = 10; // × 3 criteria × 3 sub-criteria = 90 sub-criteria

export type ScoreImportDataset = { periodId: number; userId: number; email: string; rows: number; file: Buffer };

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
      data: { frameworkId: framework.id, level: "FIELD", code: `${f + 1}`, name: `Lĩnh vực ${f + 1}`, maxPoints: fieldLeaves.reduce((a, b) => a + b, 0), sortOrder: ++order },
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
  const leaves = await db.criterion.findMany({ where: { frameworkId: framework.id, level: "SUB_CRITERION" }, orderBy: { sortOrder: "asc" } });
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
  const period = await db.assessmentPeriod.create({
    data: { provinceId: province.id, frameworkId: framework.id, year: 2026, selfScoringDeadline: new Date("2099-12-31T16:59:59Z") },
  });
  await db.assessment.createMany({ data: agencies.map((a) => ({ periodId: period.id, agencyId: a.id })) });
  const assessments = await db.assessment.findMany({ where: { periodId: period.id } });
  await db.criterionScore.createMany({ data: assessments.flatMap((a) => leaves.map((c) => ({ assessmentId: a.id, criterionId: c.id }))) });

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Điểm");
  sheet.addRow(["agency_code", "agency_name", "code", "name", "max_points", "self_score", "appraised_score", "comment"]);
  let rows = 0;
  for (const agency of agencies) {
    for (const leaf of leaves) {
      const max = Number(leaf.maxPoints);
      sheet.addRow([agency.code, agency.name, leaf.code, leaf.name, max, (rows * 7) % 4 === 0 ? max / 2 : max, null, "Đã thực hiện"]);
      rows++;
    }
  }
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  return { periodId: period.id, userId: user.id, email, rows, file };
}
