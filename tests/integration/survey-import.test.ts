// Issue 17, item 5 against real PostgreSQL: a period's survey results imported from the template
// into its survey-based criteria — points and percentages, all or nothing with every error by row
// and column, one audit row per changed score, refused for other roles, finalized sheets and a
// published period, and a re-import updating what changed only.
import { beforeAll, describe, expect, it } from "vitest";

const { openPeriod } = await import("@/lib/assessments/periods/mutations");
const { importSurvey } = await import("@/lib/assessments/survey/mutations");
const { surveyOverview, surveyTemplateFile } = await import("@/lib/assessments/survey/queries");
const { ConflictError, ForbiddenError, ValidationError } = await import("@/lib/errors");
const { readTable } = await import("@/lib/io/table-file");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");
const { fillTemplate } = await import("../support/templates");

type Actor = Awaited<ReturnType<typeof actorFor>>;
let staff: Actor, head: Actor, leader: Actor;
let periodId: number;
const ids: Record<string, number> = {}; // agency code → assessment id
const names: Record<string, string> = {}; // agency code → name

const csv = (text: string) => ({ name: "dieu-tra.csv", bytes: new TextEncoder().encode(text) });
/** The survey criterion 8.1.1 (10 points) of an agency's sheet. */
const surveyScore = (code: string) =>
  testDb.criterionScore.findFirstOrThrow({ where: { assessmentId: ids[code], criterion: { code: "8.1.1" } }, include: { criterion: true } });
const surveyAudits = () => testDb.auditLog.findMany({ where: { action: "criterionScore.import.survey" }, orderBy: { id: "asc" } });
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as InstanceType<typeof ValidationError>;
};

beforeAll(async () => {
  [staff, head, leader] = await Promise.all(["noivu", "thutruong", "lanhdao"].map((u) => actorFor(`${u}@demo.local`)));
  const framework = await testDb.framework.findUniqueOrThrow({ where: { key_version: { key: "an-giang-so-ban-nganh", version: 1 } } });
  const agencies = await testDb.agency.findMany({ where: { code: { in: ["STP", "SNV", "STC"] }, provinceId: staff.provinceId! } });
  ({ periodId } = await openPeriod(staff, {
    frameworkId: String(framework.id),
    year: "2028",
    deadline: "2028-03-31",
    agencyIds: agencies.map((a) => String(a.id)),
  }));
  for (const a of await testDb.assessment.findMany({ where: { periodId }, include: { agency: true } })) {
    ids[a.agency.code] = a.id;
    names[a.agency.code] = a.agency.name;
  }
});

describe("the survey results of a period", () => {
  it("come from the template as points or percentages: checked first, then written as appraised scores, one audit row each", async () => {
    const template = await surveyTemplateFile(staff, periodId);
    const read = await readTable(template.body, "xlsx");
    expect(read.columns).toEqual(["agency_code", "agency_name", "8.1.1"]);
    expect(read.rows.map((r) => r.values.agency_code).sort()).toEqual(["SNV", "STC", "STP"]);
    // STP by code as a percentage, SNV by name (code left empty) in points with a decimal comma, STC left empty.
    const filled = await fillTemplate(template.body, [
      ["STP", "", "85%"],
      ["", names.SNV, "7,5"],
      ["STC", "", ""],
    ]);
    const file = { name: "dieu-tra.xlsx", bytes: filled };

    const preview = await importSurvey(staff, periodId, file, { dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, changed: 2, summary: { new: 0, updated: 2, unchanged: 1 } });
    expect((await surveyScore("STP")).round1Score).toBeNull();
    expect(await surveyAudits()).toHaveLength(0);

    const done = await importSurvey(staff, periodId, file, { dryRun: false });
    expect(done).toMatchObject({ dryRun: false, changed: 2 });
    expect(done.rows.map((r) => [r.code, r.change])).toEqual([
      ["STP", "updated"],
      ["SNV", "updated"],
      ["STC", "unchanged"],
    ]);
    const [stp, snv, stc] = await Promise.all(["STP", "SNV", "STC"].map(surveyScore));
    expect([Number(stp.round1Score), Number(snv.round1Score), stc.round1Score]).toEqual([8.5, 7.5, null]);
    expect(stp.version).toBe(1);
    // Not a self score, and the sheet stays where it was in the workflow.
    expect(stp.selfScore).toBeNull();
    expect((await testDb.assessment.findUniqueOrThrow({ where: { id: ids.STP } })).status).toBe("DRAFT");
    const audits = await surveyAudits();
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ entityType: "CriterionScore", entityId: String(stp.id), actorId: staff.id, provinceId: staff.provinceId });
    expect(audits[0].oldValue).toMatchObject({ round1Score: null, criterion: "8.1.1", agency: "STP" });
    expect(audits[0].newValue).toMatchObject({ round1Score: 8.5, criterion: "8.1.1", agency: "STP", row: 2 });
    const overview = await surveyOverview(staff, periodId);
    expect(overview.criteria).toEqual([expect.objectContaining({ code: "8.1.1", maxPoints: 10, scored: 2 })]);
  });

  it("refuses a bad file whole, naming every row and column, and changes nothing", async () => {
    const before = await Promise.all(["STP", "SNV", "STC"].map(surveyScore));
    const audits = (await testDb.auditLog.count()) as number;
    // A column that is not a survey criterion (1.1.1 is appraised) is refused at the header.
    const header = await refusal(importSurvey(staff, periodId, csv("agency_code,8.1.1,1.1.1\nSTP,9,5\n"), { dryRun: false }));
    expect(header.issues).toEqual([expect.objectContaining({ row: 1, column: "1.1.1", message: expect.stringMatching(/điều tra xã hội học.*8\.1\.1/) })]);
    const cells = await refusal(
      importSurvey(staff, periodId, csv("agency_code,agency_name,8.1.1\nSTP,,120%\nXYZ,,5\nSNV,,abc\nSTC,,11\nSTP,,5\n,,4\n"), { dryRun: false }),
    );
    expect(cells.issues.map((i) => [i.row, i.column])).toEqual([
      [2, "8.1.1"], // 120 % is no percentage
      [3, "agency_code"], // no such agency in the period
      [4, "8.1.1"], // not a number
      [5, "8.1.1"], // above the maximum of 10
      [6, "agency_code"], // STP twice
      [7, "agency_name"], // neither code nor name
    ]);
    expect(cells.message).toMatch(/6 lỗi/);
    expect(cells.issues[1].message).toMatch(/XYZ/);
    expect(await Promise.all(["STP", "SNV", "STC"].map(surveyScore))).toEqual(before);
    expect(await testDb.auditLog.count()).toBe(audits);
  });

  it("is re-imported: only what changed is written and audited; a round 2 score follows the survey", async () => {
    await testDb.criterionScore.update({ where: { id: (await surveyScore("SNV")).id }, data: { round2Score: 5, version: { increment: 1 } } });
    const audits = (await surveyAudits()).length;
    const again = await importSurvey(staff, periodId, csv("agency_code,8.1.1\nSTP,8.5\nSNV,9\n"), { dryRun: false });
    expect(again).toMatchObject({ changed: 1, summary: { updated: 1, unchanged: 1 } });
    const snv = await surveyScore("SNV");
    expect([Number(snv.round1Score), Number(snv.round2Score)]).toEqual([9, 9]);
    const latest = (await surveyAudits()).slice(audits);
    expect(latest).toHaveLength(1);
    expect(latest[0].oldValue).toMatchObject({ round1Score: 7.5, round2Score: 5 });
    expect(latest[0].newValue).toMatchObject({ round1Score: 9, round2Score: 9 });
    // The same file again changes nothing.
    expect(await importSurvey(staff, periodId, csv("agency_code,8.1.1\nSTP,8.5\nSNV,9\n"), { dryRun: false })).toMatchObject({ changed: 0 });
    expect(await surveyAudits()).toHaveLength(audits + 1);
  });

  it("of two imports at once, each change is written once and audited, or refused whole", async () => {
    const audits = (await surveyAudits()).length;
    const results = await Promise.allSettled(
      ["6", "7"].map((value) => importSurvey(staff, periodId, csv(`agency_code,8.1.1\nSTC,${value}\n`), { dryRun: false })),
    );
    const written = results.filter((r) => r.status === "fulfilled");
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);
    expect(written.length).toBeGreaterThan(0);
    expect(await surveyAudits()).toHaveLength(audits + written.length);
    const stc = await surveyScore("STC");
    expect([6, 7]).toContain(Number(stc.round1Score));
    expect(stc.version).toBe(written.length);
  });

  it("is Home Affairs's only, and closed for a finalized sheet and a published period", async () => {
    const file = csv("agency_code,8.1.1\nSTP,4\n");
    await expect(importSurvey(head, periodId, file, { dryRun: true })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(importSurvey(leader, periodId, file, { dryRun: true })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(surveyTemplateFile(head, periodId)).rejects.toBeInstanceOf(ForbiddenError);

    await testDb.assessment.update({ where: { id: ids.STP }, data: { status: "FINALIZED" } });
    const finalized = await refusal(importSurvey(staff, periodId, file, { dryRun: false }));
    expect(finalized.issues).toEqual([expect.objectContaining({ row: 2, column: "agency_code", message: expect.stringMatching(/chốt điểm/) })]);

    await testDb.assessmentPeriod.update({ where: { id: periodId }, data: { status: "PUBLISHED" } });
    const published = await refusal(importSurvey(staff, periodId, csv("agency_code,8.1.1\nSNV,4\n"), { dryRun: false }));
    expect(published.issues[0].message).toMatch(/công bố/);
    expect(Number((await surveyScore("SNV")).round1Score)).toBe(9);
  });
});
