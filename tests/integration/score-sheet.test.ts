// The scoring sheet saved as a whole (issue 14, items 2 and 4), against real PostgreSQL: all rows
// or none when one is wrong, a concurrent edit refused for its row only, an audit row per saved
// score, "accept the self scores" for the rest of round 1, and returning a submitted sheet for correction (issue 17's step) from the sheet.
import { beforeAll, describe, expect, it } from "vitest";

const { saveSheet, acceptSelfScores } = await import("@/lib/assessments/sheet/mutations");
const { selfScore, advance } = await import("@/lib/assessments/mutations");
const { addAgencyToPeriod, openPeriod } = await import("@/lib/assessments/periods/mutations");
const { ForbiddenError, ValidationError } = await import("@/lib/errors");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");

type Actor = Awaited<ReturnType<typeof actorFor>>;
let staff: Actor, head: Actor;
let assessmentId: number;
let periodId: number;
const BEFORE_DEADLINE = new Date("2031-12-01T03:00:00Z");

const scoresOf = () => testDb.criterionScore.findMany({ where: { assessmentId }, include: { criterion: true }, orderBy: { criterion: { sortOrder: "asc" } } });
const appraisalRows = async () => (await scoresOf()).filter((s) => s.criterion.method === "APPRAISAL");
const version = async () => (await testDb.assessment.findUniqueOrThrow({ where: { id: assessmentId } })).version;
const row = (s: { id: number; version: number }, score: string, comment = "") => ({ criterionScoreId: s.id, version: s.version, score, comment });
const save = (actor: Actor, kind: "self" | "appraisal", rows: object[]) =>
  saveSheet(actor, { assessmentId, kind, rows: JSON.stringify(rows) }, BEFORE_DEADLINE);

beforeAll(async () => {
  [staff, head] = await Promise.all(["noivu", "thutruong"].map((u) => actorFor(`${u}@demo.local`)));
  const framework = await testDb.framework.findUniqueOrThrow({ where: { key_version: { key: "an-giang-so-ban-nganh", version: 1 } } });
  const agency = await testDb.agency.findFirstOrThrow({ where: { code: "STP", provinceId: staff.provinceId! } });
  ({ periodId } = await openPeriod(staff, { frameworkId: String(framework.id), year: "2031", deadline: "2031-12-15", agencyIds: [String(agency.id)] }));
  assessmentId = (await testDb.assessment.findFirstOrThrow({ where: { periodId } })).id;
});

describe("saving the whole sheet", () => {
  it("refuses every row when one is wrong, naming that row's field, and writes nothing", async () => {
    const [a, b, c] = await appraisalRows();
    const audits = await testDb.auditLog.count();
    const error = await save(head, "self", [row(a, "1"), row(b, "99"), row(c, "abc")]).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((i: { field: string }) => i.field)).toEqual([`score:${b.id}`, `score:${c.id}`]);
    expect(error.issues[0].message).toMatch(/vượt điểm tối đa/);
    expect((await appraisalRows()).slice(0, 3).map((s) => s.selfScore)).toEqual([null, null, null]);
    expect(await testDb.auditLog.count()).toBe(audits);
  });

  it("saves every changed row in one call, each with its audit row", async () => {
    const rows = (await appraisalRows()).slice(0, 3);
    const result = await save(
      head,
      "self",
      rows.map((s) => row(s, "0,5", `Thuyết minh ${s.criterion.code}`)),
    );
    expect(result).toEqual({ saved: 3, conflicts: [] });
    const after = (await appraisalRows()).slice(0, 3);
    expect(after.map((s) => [Number(s.selfScore), s.selfComment, s.version])).toEqual(rows.map((s) => [0.5, `Thuyết minh ${s.criterion.code}`, s.version + 1]));
    expect(await testDb.auditLog.count({ where: { action: "criterionScore.selfScore", entityId: { in: rows.map((s) => String(s.id)) } } })).toBe(3);
  });

  it("refuses only the row someone else saved meanwhile, with its current value, and saves the others", async () => {
    const [a, b] = (await appraisalRows()).slice(3, 5);
    await selfScore(staff, { criterionScoreId: a.id, version: a.version, score: "0,25" }, BEFORE_DEADLINE);
    const result = await save(head, "self", [row(a, "1"), row(b, "1")]);
    expect(result.saved).toBe(1);
    expect(result.conflicts).toEqual([{ criterionScoreId: a.id, code: a.criterion.code, version: a.version + 1, message: expect.stringContaining("0,25") }]);
    const [aNow, bNow] = (await appraisalRows()).slice(3, 5);
    expect([Number(aNow.selfScore), Number(bNow.selfScore)]).toEqual([0.25, 1]);
  });

  it("refuses a survey criterion in self-scoring and another agency's head", async () => {
    const survey = (await scoresOf()).find((s) => s.criterion.method === "SURVEY")!;
    await expect(save(head, "self", [row(survey, "1")])).rejects.toThrow(/khảo sát/);
    const other = await actorFor("lanhdao@demo.local");
    await expect(save(other, "self", [row(survey, "1")])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(save(head, "appraisal", [row(survey, "1")])).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("submitted, reopened, appraised", () => {
  it("Home Affairs returns a submitted sheet for correction (audited); the agency head cannot", async () => {
    const rows = await appraisalRows();
    await save(
      head,
      "self",
      rows.map((s) => row(s, String(Number(s.criterion.maxPoints)))),
    );
    await advance(head, { assessmentId, version: await version(), step: "submit" }, BEFORE_DEADLINE);
    await expect(advance(head, { assessmentId, version: await version(), step: "returnForCorrection" })).rejects.toBeInstanceOf(ForbiddenError);
    await advance(staff, { assessmentId, version: await version(), step: "returnForCorrection" });
    const reopened = await testDb.assessment.findUniqueOrThrow({ where: { id: assessmentId } });
    expect([reopened.status, reopened.submittedAt]).toEqual(["DRAFT", null]);
    expect(await testDb.auditLog.count({ where: { action: "assessment.returnForCorrection", entityId: String(assessmentId) } })).toBe(1);
    await advance(head, { assessmentId, version: await version(), step: "submit" }, BEFORE_DEADLINE);
    await expect(advance(staff, { assessmentId, version: await version(), step: "returnForCorrection" })).resolves.toBeUndefined();
    await advance(head, { assessmentId, version: await version(), step: "submit" }, BEFORE_DEADLINE);
  });

  it("accepts the self score of every criterion not yet appraised in one action, leaving survey criteria and appraised rows", async () => {
    const [first] = await appraisalRows();
    await save(staff, "appraisal", [row(first, "0", "Thiếu minh chứng")]);
    const accepted = await acceptSelfScores(staff, { assessmentId });
    const rows = await scoresOf();
    const appraisal = rows.filter((s) => s.criterion.method === "APPRAISAL");
    expect(accepted).toBe(appraisal.length - 1);
    expect(Number(appraisal[0].round1Score)).toBe(0);
    expect(appraisal.slice(1).every((s) => Number(s.round1Score) === Number(s.selfScore))).toBe(true);
    expect(rows.filter((s) => s.criterion.method !== "APPRAISAL").every((s) => s.round1Score === null)).toBe(true);
    expect(await testDb.auditLog.count({ where: { action: "criterionScore.appraiseRound1", entityId: { in: rows.map((s) => String(s.id)) } } })).toBe(
      appraisal.length,
    );
    expect(await acceptSelfScores(staff, { assessmentId })).toBe(0);
    await expect(acceptSelfScores(head, { assessmentId })).rejects.toBeInstanceOf(ForbiddenError);
    // The survey criteria in one save, then the sheet can be finalized.
    const survey = rows.filter((s) => s.criterion.method !== "APPRAISAL");
    expect(
      (
        await save(
          staff,
          "appraisal",
          survey.map((s) => row(s, "0,5")),
        )
      ).saved,
    ).toBe(survey.length);
    await advance(staff, { assessmentId, version: await version(), step: "finalize" });
    expect((await testDb.assessment.findUniqueOrThrow({ where: { id: assessmentId } })).status).toBe("FINALIZED");
  });
});

describe("adding an agency to an open period", () => {
  it("opens an empty sheet for it with an audit row; refuses it twice, and refuses an agency head", async () => {
    const agency = await testDb.agency.findFirstOrThrow({ where: { code: "SNV", provinceId: staff.provinceId! } });
    await expect(addAgencyToPeriod(head, { periodId, agencyId: agency.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await addAgencyToPeriod(staff, { periodId, agencyId: agency.id })).toEqual({ agencyName: agency.name });
    const added = await testDb.assessment.findFirstOrThrow({ where: { periodId, agencyId: agency.id }, include: { scores: true } });
    expect([added.status, added.scores.length]).toEqual(["DRAFT", (await scoresOf()).length]);
    expect(await testDb.auditLog.count({ where: { action: "assessmentPeriod.addAgency", entityId: String(periodId) } })).toBe(1);
    await expect(addAgencyToPeriod(staff, { periodId, agencyId: agency.id })).rejects.toThrow(/đã có trong kỳ/);
  });
});
