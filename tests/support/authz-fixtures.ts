// Data and calls for the authorization matrix (tests/integration/authorization-matrix.test.ts):
// for every entry of tests/support/endpoints.ts, how to make fresh data of a given unit and call
// the entry point on it. Integration tests only (uses the test file's database).
import path from "node:path";
import { storeEvidence } from "@/lib/storage/files";
import { actorFor } from "./actors";
import { ADMIN_FIXTURES } from "./authz-fixtures-admin";
import { testDb } from "./db";
import type { Unit } from "./endpoints";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** What an entry point answered: "ok", or the HTTP status of the refusal with its message. */
export type Outcome = { status: "ok" | number; message?: string; issues?: { message: string }[] };
export type Call = () => Promise<Outcome>;

export type Caller = {
  action: (id: string, fields: Fields) => Promise<Outcome>;
  route: (id: string, request: { params?: Record<string, string | number>; query?: string; json?: unknown; form?: Fields }) => Promise<Outcome>;
};
export type Fields = Record<string, string | number | string[] | File>;

export const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const pdfFile = () => new File([PDF], "minh-chung.pdf", { type: "application/pdf" });
const csvFile = (name: string, text: string) => new File([text], name, { type: "text/csv" });

// ───────────────────────── The units ─────────────────────────

type Place = { provinceId: number; agencyId: number };
type Framework = { id: number; revision: number; fieldId: number; criterionId: number; leafA: number; leafB: number };

export type World = {
  own: number; // An Giang since 2025
  former: number; // An Giang until 2025 (code 89), one of the units it was formed from
  other: number; // Hà Nội since 2025
  stp: number; // Sở Tư pháp of An Giang, the demo agency head's agency
  snv: number; // Sở Nội vụ of An Giang
  otherAgency: number; // an agency of Hà Nội
  activeFramework: Record<number, Framework>;
};

let counter = 0;
const next = () => ++counter;

export async function buildWorld(): Promise<World> {
  const staff = await actorFor("noivu@demo.local");
  const own = staff.provinceId!;
  const former = await testDb.province.findFirstOrThrow({ where: { code: "89", validTo: { not: null } } });
  const other = await testDb.province.findFirstOrThrow({ where: { code: "01", validTo: null } });
  const agency = (code: string) => testDb.agency.findFirstOrThrow({ where: { provinceId: own, code } });
  const otherAgency = await testDb.agency.create({
    data: {
      provinceId: other.id,
      code: "SNV",
      name: "Sở Nội vụ Hà Nội (thử quyền)",
      kind: "DEPARTMENT",
      validFrom: new Date("2025-07-01"),
    },
  });
  return {
    own,
    former: former.id,
    other: other.id,
    stp: (await agency("STP")).id,
    snv: (await agency("SNV")).id,
    otherAgency: otherAgency.id,
    activeFramework: { [own]: await framework(own, "ACTIVE"), [other.id]: await framework(other.id, "ACTIVE") },
  };
}

/** The province and the agency whose data a fixture of this unit is made of. */
function place(w: World, unit: Unit): Place {
  switch (unit) {
    case "ownAgency":
      return { provinceId: w.own, agencyId: w.stp };
    case "ownProvince":
      return { provinceId: w.own, agencyId: w.snv };
    // The old unit's records are kept by the new province, whose agencies carry its tasks on.
    case "formerUnit":
      return { provinceId: w.former, agencyId: w.snv };
    case "otherProvince":
      return { provinceId: w.other, agencyId: w.otherAgency };
    case "national":
      throw new Error("no province for national data");
  }
}

// ───────────────────────── Frameworks ─────────────────────────

/** A small consistent tree: field 1 (20) → criterion 1.1 (20) → sub-criteria 1.1.1 and 1.1.2 (10 each). */
async function framework(ownerProvinceId: number | null, status: "DRAFT" | "ACTIVE"): Promise<Framework> {
  const n = next();
  const created = await testDb.framework.create({
    data: {
      indexCode: ownerProvinceId === null ? "PAR_INDEX" : "INTERNAL_PAR",
      ownerProvinceId,
      key: `thu-quyen-${n}`,
      version: 1,
      name: `Bộ chỉ số thử quyền ${n}`,
      validFromYear: 2025,
      maxScore: 20,
      bonusCap: 5,
      penaltyCap: 5,
      status,
      gradeBands: {
        create: [
          { label: "Tốt", minScore: 15 },
          { label: "Khá", minScore: 0 },
        ],
      },
    },
  });
  const node = (parentId: number | null, level: "FIELD" | "CRITERION" | "SUB_CRITERION", code: string, maxPoints: number, sortOrder: number) =>
    testDb.criterion.create({ data: { frameworkId: created.id, parentId, level, code, name: `Tiêu chí ${code}`, maxPoints, sortOrder } });
  const field = await node(null, "FIELD", "1", 20, 1);
  const criterion = await node(field.id, "CRITERION", "1.1", 20, 1);
  const leafA = await node(criterion.id, "SUB_CRITERION", "1.1.1", 10, 1);
  const leafB = await node(criterion.id, "SUB_CRITERION", "1.1.2", 10, 2);
  return { id: created.id, revision: 0, fieldId: field.id, criterionId: criterion.id, leafA: leafA.id, leafB: leafB.id };
}

const TREE_CSV = [
  "code,parent_code,level,name,max_points,method,guidance,required_evidence",
  "1,,FIELD,Lĩnh vực thử,20,APPRAISAL,,",
  "1.1,1,CRITERION,Tiêu chí thử,20,APPRAISAL,,",
  "1.1.1,1.1,SUB_CRITERION,Tiêu chí thành phần A (nhập từ tệp),10,APPRAISAL,,",
  "1.1.2,1.1,SUB_CRITERION,Tiêu chí thành phần B,10,APPRAISAL,,",
].join("\n");

const draftFramework = (w: World, unit: Unit) => framework(unit === "national" ? null : place(w, unit).provinceId, "DRAFT");
const frameworkOf = (w: World, unit: Unit) =>
  unit === "national"
    ? testDb.framework.findFirstOrThrow({ where: { indexCode: "PAR_INDEX", ownerProvinceId: null, status: "ACTIVE" } })
    : Promise.resolve(w.activeFramework[place(w, unit).provinceId]);

// ───────────────────────── Assessments ─────────────────────────

export type Sheet = { periodId: number; assessmentId: number; scoreId: number; agencyCode: string };

/** A period of the unit's province with one assessment (of the unit's agency) in the given state. */
export async function sheet(
  w: World,
  unit: Unit,
  status: "DRAFT" | "SUBMITTED" | "ROUND1" | "EXPLANATION_REQUESTED" | "FINALIZED",
  options: { selfScored?: boolean; appraised?: boolean; explanation?: boolean } = {},
): Promise<Sheet> {
  const { provinceId, agencyId } = place(w, unit);
  const fw = w.activeFramework[provinceId];
  const period = await testDb.assessmentPeriod.create({
    data: {
      provinceId,
      frameworkId: fw.id,
      year: 2200 + next(),
      selfScoringDeadline: new Date("2099-12-31T16:59:59Z"),
      status: status === "DRAFT" ? "SELF_SCORING" : "APPRAISAL",
    },
  });
  const scored = (value: boolean | undefined) => (value ? 5 : null);
  const assessment = await testDb.assessment.create({
    data: {
      periodId: period.id,
      agencyId,
      status,
      finalTotal: status === "FINALIZED" ? 10 : null,
      scores: {
        createMany: {
          data: [fw.leafA, fw.leafB].map((criterionId) => ({
            criterionId,
            selfScore: scored(options.selfScored),
            round1Score: scored(options.appraised),
            finalScore: status === "FINALIZED" ? 5 : null,
            explanationRequest: options.explanation && criterionId === fw.leafA ? "Bổ sung minh chứng." : null,
          })),
        },
      },
    },
    include: { scores: true, agency: true },
  });
  return {
    periodId: period.id,
    assessmentId: assessment.id,
    scoreId: assessment.scores.find((s) => s.criterionId === fw.leafA)!.id,
    agencyCode: assessment.agency.code,
  };
}

/** An agency head of the unit's province, of an agency that is not the sheet's (a council member to name). */
async function councilMember(w: World, unit: Unit) {
  const { provinceId } = place(w, unit);
  const n = next();
  const agency = await testDb.agency.create({
    data: { provinceId, code: `HD${n}`, name: `Sở thành viên hội đồng ${n} (thử quyền)`, kind: "DEPARTMENT", validFrom: new Date("2025-07-01") },
  });
  return testDb.user.create({ data: { email: `hoidong${n}@thu-quyen.local`, name: `Thành viên hội đồng ${n}`, role: "AGENCY_HEAD", agencyId: agency.id } });
}

/** An evidence file of a criterion score. */
export const storedEvidence = (criterionScoreId: number) => storedFile({ criterionScoreId });

async function storedFile(owner: { criterionScoreId: number } | { directiveId: number } | { taskId: number }) {
  const blob = await storeEvidence("minh-chung.pdf", PDF);
  return testDb.storedFile.create({ data: { ...blob, ...owner } });
}

/** A period of the unit's province whose framework scores sub-criterion 1.1.2 by survey, and the survey file that fills it. */
async function surveyPeriod(w: World, unit: Unit) {
  const { provinceId, agencyId } = place(w, unit);
  const fw = await framework(provinceId, "ACTIVE");
  await testDb.criterion.update({ where: { id: fw.leafB }, data: { method: "SURVEY" } });
  const period = await testDb.assessmentPeriod.create({
    data: { provinceId, frameworkId: fw.id, year: 2200 + next(), selfScoringDeadline: new Date("2099-12-31T16:59:59Z"), status: "APPRAISAL" },
  });
  const assessment = await testDb.assessment.create({
    data: { periodId: period.id, agencyId, status: "SUBMITTED", scores: { createMany: { data: [{ criterionId: fw.leafA }, { criterionId: fw.leafB }] } } },
    include: { agency: true },
  });
  return { periodId: period.id, file: csvFile("dieu-tra.csv", `agency_code,1.1.2\n${assessment.agency.code},85%\n`) };
}

const scoresCsv = (s: Sheet) => csvFile("diem.csv", `agency_code,code,self_score,appraised_score\n${s.agencyCode},1.1.1,7,\n`);

// ───────────────────────── Directives ─────────────────────────

/** A directive of the unit's province for 2020 with annual reports; for ownAgency, with a task led by Sở Tư pháp. */
async function directive(w: World, unit: Unit) {
  const { provinceId } = place(w, unit);
  const created = await testDb.directive.create({
    data: {
      provinceId,
      number: `${next()}/KH-UBND`,
      kind: "KE_HOACH",
      issuer: "UBND tỉnh (thử quyền)",
      title: "Kế hoạch cải cách hành chính (thử quyền)",
      years: [2020],
      reporting: ["ANNUAL"],
    },
  });
  if (unit === "ownAgency")
    await testDb.task.create({ data: { directiveId: created.id, sortOrder: 1, title: "Nhiệm vụ của Sở Tư pháp", leadAgencyId: w.stp } });
  return created;
}

async function task(w: World, unit: Unit) {
  const d = await directive(w, unit === "ownAgency" ? "ownProvince" : unit);
  return testDb.task.create({
    data: { directiveId: d.id, sortOrder: 1, title: "Nhiệm vụ thử quyền", leadAgencyId: place(w, unit).agencyId },
  });
}

const directiveFields = (d: { id: number; number: string; version: number }, title: string): Fields => ({
  id: d.id,
  version: d.version,
  number: d.number,
  kind: "KE_HOACH",
  issuer: "UBND tỉnh (thử quyền)",
  title,
  years: "2020",
  reporting: ["ANNUAL"],
});

// ───────────────────────── Published results ─────────────────────────

const RESULT_OF: Record<string, { code: string; current: boolean; index: string; year: number }> = {
  ownProvince: { code: "91", current: true, index: "SIPAS", year: 2025 },
  formerUnit: { code: "89", current: false, index: "PAR_INDEX", year: 2023 },
  otherProvince: { code: "22", current: false, index: "PAR_INDEX", year: 2023 },
};

/** A stored result of the unit (created when the seed has none), to be changed. */
async function storedResult(unit: Unit) {
  const spec = RESULT_OF[unit];
  const province = await testDb.province.findFirstOrThrow({ where: { code: spec.code, validTo: spec.current ? null : { not: null } } });
  const where = { indexCode_year_provinceId: { indexCode: spec.index, year: spec.year, provinceId: province.id } };
  const result =
    (await testDb.publishedResult.findUnique({ where })) ??
    (await testDb.publishedResult.create({
      data: { provinceId: province.id, indexCode: spec.index, year: spec.year, score: 80, source: "Nguồn thử quyền" },
    }));
  return { ...result, unitCode: spec.code };
}

/** No stored result of the unit, so that an imported row adds one. */
async function freshResult(unit: Unit) {
  const spec = RESULT_OF[unit];
  const province = await testDb.province.findFirstOrThrow({ where: { code: spec.code, validTo: spec.current ? null : { not: null } } });
  await testDb.publishedResult.deleteMany({ where: { indexCode: spec.index, year: spec.year, provinceId: province.id } });
  return { year: spec.year, indexCode: spec.index, unitCode: spec.code, score: 80, officialRank: null };
}

const resultsCsv = (r: { year: number; indexCode: string; unitCode: string; score: unknown; officialRank: number | null }) =>
  csvFile(
    "ket-qua.csv",
    `year,index,unit_code,score,rank,source\n${r.year},${r.indexCode},${r.unitCode},${Number(r.score)},${r.officialRank ?? ""},Nguồn đã sửa ${next()}\n`,
  );

// ───────────────────────── Every entry point ─────────────────────────

export type Fixture = (w: World, call: Caller, unit: Unit, caseName?: string) => Promise<Call>;

const A = (file: string, name: string) => `lib/${file}/actions.ts#${name}`;

export const FIXTURES: Record<string, Fixture> = {
  "GET /api/v1/assessment-periods/[id]/scores": async (w, call, unit) => {
    const s = await sheet(w, unit, "DRAFT");
    return () =>
      call.route("GET /api/v1/assessment-periods/[id]/scores", {
        params: { id: s.periodId },
        query: `?format=csv&assessmentId=${s.assessmentId}`,
      });
  },
  "GET /api/v1/assessment-periods/[id]/progress": async (w, call, unit) => {
    const s = await sheet(w, unit, "DRAFT");
    return () => call.route("GET /api/v1/assessment-periods/[id]/progress", { params: { id: s.periodId } });
  },
  "GET /api/v1/assessment-periods/[id]/survey-template": async (w, call, unit) => {
    const s = await surveyPeriod(w, unit);
    return () => call.route("GET /api/v1/assessment-periods/[id]/survey-template", { params: { id: s.periodId } });
  },
  "GET /api/v1/audit/export": async (w, call, unit) => {
    const { provinceId } = place(w, unit);
    return () => call.route("GET /api/v1/audit/export", { query: `?provinceId=${provinceId}&format=csv` });
  },
  "POST /api/v1/assessment-periods/[id]/scores": async (w, call, unit) => {
    const s = await sheet(w, unit, "DRAFT");
    return () => call.route("POST /api/v1/assessment-periods/[id]/scores", { params: { id: s.periodId }, form: { file: scoresCsv(s) } });
  },
  "PUT /api/v1/criterion-scores/[id]/appraisal": async (w, call, unit) => {
    const s = await sheet(w, unit, "ROUND1", { selfScored: true });
    return () =>
      call.route("PUT /api/v1/criterion-scores/[id]/appraisal", {
        params: { id: s.scoreId },
        json: { score: 6, comment: "Đạt", version: 0 },
      });
  },
  "PUT /api/v1/criterion-scores/[id]/self-score": async (w, call, unit) => {
    const s = await sheet(w, unit, "DRAFT");
    return () =>
      call.route("PUT /api/v1/criterion-scores/[id]/self-score", {
        params: { id: s.scoreId },
        json: { score: "7,5", comment: "Đã thực hiện", version: 0 },
      });
  },
  "GET /api/v1/directive-files/[id]": async (w, call, unit) => {
    const file = await storedFile({ directiveId: (await directive(w, unit)).id });
    return () => call.route("GET /api/v1/directive-files/[id]", { params: { id: file.id } });
  },
  "GET /api/v1/directives/[id]/report": async (w, call, unit) => {
    const d = await directive(w, unit);
    return () => call.route("GET /api/v1/directives/[id]/report", { params: { id: d.id }, query: "?format=csv" });
  },
  "GET /api/v1/documents/self-assessment": async (w, call, unit) => {
    const s = await sheet(w, unit, "DRAFT", { selfScored: true });
    return () => call.route("GET /api/v1/documents/self-assessment", { query: `?assessmentId=${s.assessmentId}&format=docx` });
  },
  "GET /api/v1/documents/appraisal-notice": async (w, call, unit) => {
    const s = await sheet(w, unit, "FINALIZED", { selfScored: true, appraised: true });
    return () => call.route("GET /api/v1/documents/appraisal-notice", { query: `?assessmentId=${s.assessmentId}&format=docx` });
  },
  "GET /api/v1/documents/ranking-annex": async (w, call, unit) => {
    const s = await sheet(w, unit, "FINALIZED", { selfScored: true, appraised: true });
    return () => call.route("GET /api/v1/documents/ranking-annex", { query: `?periodId=${s.periodId}&format=docx` });
  },
  "GET /api/v1/documents/directive-report": async (w, call, unit) => {
    const d = await directive(w, unit);
    return () => call.route("GET /api/v1/documents/directive-report", { query: `?directiveId=${d.id}&format=docx` });
  },
  "GET /api/v1/documents/leader-summary": async (w, call, unit) => {
    const { code } = await testDb.province.findUniqueOrThrow({ where: { id: place(w, unit).provinceId } });
    return () => call.route("GET /api/v1/documents/leader-summary", { query: `?province=${code}&year=2025&format=docx` });
  },
  "GET /api/v1/evidence/[id]": async (w, call, unit) => {
    const file = await storedFile({ criterionScoreId: (await sheet(w, unit, "DRAFT")).scoreId });
    return () => call.route("GET /api/v1/evidence/[id]", { params: { id: file.id } });
  },
  "GET /api/v1/exports/results": async (_w, call) => () => call.route("GET /api/v1/exports/results", { query: "?index=PAR_INDEX&year=2023&format=csv" }),
  "GET /api/v1/frameworks/[id]/export": async (w, call, unit) => {
    const f = await frameworkOf(w, unit);
    return () => call.route("GET /api/v1/frameworks/[id]/export", { params: { id: f.id }, query: "?format=csv" });
  },
  "POST /api/v1/frameworks/[id]/import": async (w, call, unit) => {
    const f = await draftFramework(w, unit);
    return () =>
      call.route("POST /api/v1/frameworks/[id]/import", {
        params: { id: f.id },
        form: { file: csvFile("cay.csv", TREE_CSV), revision: f.revision },
      });
  },
  "GET /api/v1/frameworks/[id]": async (w, call, unit) => {
    const f = await frameworkOf(w, unit);
    return () => call.route("GET /api/v1/frameworks/[id]", { params: { id: f.id } });
  },
  "POST /api/v1/imports/results": async (_w, call, unit, name) => {
    const r = name === "new row" ? await freshResult(unit) : await storedResult(unit);
    return () => call.route("POST /api/v1/imports/results", { form: { file: resultsCsv(r) } });
  },
  "GET /api/v1/rankings/export": async (_w, call) => () => call.route("GET /api/v1/rankings/export", { query: "?index=PAR_INDEX&year=2023&format=csv" }),
  "GET /api/v1/rankings": async (_w, call) => () => call.route("GET /api/v1/rankings", { query: "?index=PAR_INDEX&year=2023" }),
  "GET /api/v1/open-data/results": async (_w, call) => () => call.route("GET /api/v1/open-data/results", { query: "?format=json" }),
  "GET /api/v1/open-data/averages": async (_w, call) => () => call.route("GET /api/v1/open-data/averages", { query: "?format=csv" }),
  "GET /api/v1/open-data/provinces/[code]": async (_w, call) => () => call.route("GET /api/v1/open-data/provinces/[code]", { params: { code: "91" } }),
  "GET /api/v1/openapi.json": async (_w, call) => () => call.route("GET /api/v1/openapi.json", { query: "?lang=en" }),
  "GET /api/health": async (_w, call) => () => call.route("GET /api/health", {}),
  "GET /api/ping": async (_w, call) => () => call.route("GET /api/ping", {}),

  [A("assessments", "selfScoreAction")]: async (w, call, unit) => {
    const s = await sheet(w, unit, "DRAFT");
    return () => call.action(A("assessments", "selfScoreAction"), { criterionScoreId: s.scoreId, version: 0, score: "7", comment: "Đã thực hiện" });
  },
  [A("assessments", "appraiseAction")]: async (w, call, unit) => {
    const s = await sheet(w, unit, "ROUND1", { selfScored: true });
    return () => call.action(A("assessments", "appraiseAction"), { criterionScoreId: s.scoreId, version: 0, score: "6" });
  },
  [A("assessments", "saveSheetAction")]: async (w, call, unit, kind) => {
    const s = kind === "self" ? await sheet(w, unit, "DRAFT") : await sheet(w, unit, "ROUND1", { selfScored: true });
    const rows = JSON.stringify([{ criterionScoreId: s.scoreId, version: 0, score: kind === "self" ? "7" : "6", comment: "Đã thực hiện" }]);
    return () => call.action(A("assessments", "saveSheetAction"), { assessmentId: s.assessmentId, kind: kind!, rows });
  },
  [A("assessments", "acceptSelfScoresAction")]: async (w, call, unit) => {
    const s = await sheet(w, unit, "SUBMITTED", { selfScored: true });
    return () => call.action(A("assessments", "acceptSelfScoresAction"), { assessmentId: s.assessmentId });
  },
  [A("assessments", "requestExplanationAction")]: async (w, call, unit) => {
    const s = await sheet(w, unit, "ROUND1", { selfScored: true });
    return () =>
      call.action(A("assessments", "requestExplanationAction"), {
        criterionScoreId: s.scoreId,
        version: 0,
        request: "Bổ sung quyết định ban hành.",
      });
  },
  [A("assessments", "answerExplanationAction")]: async (w, call, unit) => {
    const s = await sheet(w, unit, "EXPLANATION_REQUESTED", { selfScored: true, appraised: true, explanation: true });
    return () => call.action(A("assessments", "answerExplanationAction"), { criterionScoreId: s.scoreId, version: 0, response: "Đã bổ sung." });
  },
  [A("assessments", "addEvidenceAction")]: async (w, call, unit) => {
    const s = await sheet(w, unit, "DRAFT");
    return () => call.action(A("assessments", "addEvidenceAction"), { criterionScoreId: s.scoreId, file: pdfFile() });
  },
  [A("assessments", "removeEvidenceAction")]: async (w, call, unit) => {
    const file = await storedFile({ criterionScoreId: (await sheet(w, unit, "DRAFT")).scoreId });
    return () => call.action(A("assessments", "removeEvidenceAction"), { fileId: file.id });
  },
  [A("assessments", "adjustmentsAction")]: async (w, call, unit) => {
    const s = await sheet(w, unit, "ROUND1", { selfScored: true, appraised: true });
    return () =>
      call.action(A("assessments", "adjustmentsAction"), {
        assessmentId: s.assessmentId,
        version: 0,
        bonus: "1",
        bonusReason: "Sáng kiến",
        penalty: "0",
      });
  },
  [A("assessments", "advanceAction")]: async (w, call, unit, step) => {
    const s =
      step === "submit"
        ? await sheet(w, unit, "DRAFT", { selfScored: true })
        : step === "requestExplanations"
          ? await sheet(w, unit, "ROUND1", { selfScored: true, appraised: true, explanation: true })
          : step === "startRound2"
            ? await sheet(w, unit, "EXPLANATION_REQUESTED", { selfScored: true, appraised: true, explanation: true })
            : step === "returnForCorrection" || step === "withdraw"
              ? await sheet(w, unit, "SUBMITTED", { selfScored: true })
              : await sheet(w, unit, "ROUND1", { selfScored: true, appraised: true });
    return () => call.action(A("assessments", "advanceAction"), { assessmentId: s.assessmentId, version: 0, step: step! });
  },
  [A("assessments", "notApplicableAction")]: async (w, call, unit) => {
    const s = await sheet(w, unit, "DRAFT");
    return () =>
      call.action(A("assessments", "notApplicableAction"), {
        criterionScoreId: s.scoreId,
        version: 0,
        notApplicable: "1",
        reason: "Không có thủ tục hành chính",
      });
  },
  [A("assessments", "extendDeadlineAction")]: async (w, call, unit) => {
    const s = await sheet(w, unit, "DRAFT");
    return () =>
      call.action(A("assessments", "extendDeadlineAction"), { assessmentId: s.assessmentId, version: 0, deadline: "2100-01-15", reason: "Thay đổi lãnh đạo" });
  },
  [A("assessments", "publishAction")]: async (w, call, unit) => {
    const s = await sheet(w, unit, "FINALIZED", { selfScored: true, appraised: true });
    return () => call.action(A("assessments", "publishAction"), { periodId: s.periodId, version: 0 });
  },
  [A("assessments", "openPeriodAction")]: async (w, call, unit) => {
    const { provinceId } = place(w, unit);
    const f = await framework(provinceId, "ACTIVE");
    // A fresh agency of the unit's province: an agency is scored by one period a year.
    const agency = await testDb.agency.create({
      data: { provinceId, code: `MOKY${next()}`, name: "Cơ quan mở kỳ (thử quyền)", kind: "DEPARTMENT", validFrom: new Date("2025-07-01") },
    });
    return () =>
      call.action(A("assessments", "openPeriodAction"), {
        frameworkId: f.id,
        year: "2030",
        deadline: "2030-12-15",
        agencyIds: [String(agency.id)],
      });
  },
  // The council (issue 17): a member of the unit's province named to a period of it, then one assignment withdrawn.
  [A("assessments", "assignCouncilAction")]: async (w, call, unit) => {
    const s = await sheet(w, unit, "SUBMITTED", { selfScored: true });
    const member = await councilMember(w, unit);
    return () =>
      call.action(A("assessments", "assignCouncilAction"), {
        periodId: s.periodId,
        userId: member.id,
        criterionIds: [String(w.activeFramework[place(w, unit).provinceId].criterionId)],
      });
  },
  [A("assessments", "removeCouncilAssignmentAction")]: async (w, call, unit) => {
    const s = await sheet(w, unit, "SUBMITTED", { selfScored: true });
    const member = await councilMember(w, unit);
    const assignment = await testDb.councilAssignment.create({
      data: { periodId: s.periodId, userId: member.id, criterionId: w.activeFramework[place(w, unit).provinceId].criterionId },
    });
    return () => call.action(A("assessments", "removeCouncilAssignmentAction"), { assignmentId: assignment.id });
  },
  [A("assessments/self-assessment", "openSelfAssessmentAction")]: async (w, call, unit) => {
    const { provinceId } = place(w, unit);
    const f = await framework(null, "ACTIVE");
    return () =>
      call.action(A("assessments/self-assessment", "openSelfAssessmentAction"), { provinceId, frameworkId: f.id, year: "2030", deadline: "2030-12-15" });
  },
  [A("assessments", "addAgencyAction")]: async (w, call, unit) => {
    const s = await sheet(w, unit, "DRAFT");
    const { provinceId } = place(w, unit);
    const late = await testDb.agency.create({
      data: { provinceId, code: `MUON${next()}`, name: "Cơ quan thêm sau (thử quyền)", kind: "DEPARTMENT", validFrom: new Date("2025-07-01") },
    });
    return () => call.action(A("assessments", "addAgencyAction"), { periodId: s.periodId, agencyId: late.id });
  },
  [A("assessments", "importSurveyAction")]: async (w, call, unit) => {
    const s = await surveyPeriod(w, unit);
    return () => call.action(A("assessments", "importSurveyAction"), { periodId: s.periodId, intent: "commit", file: s.file });
  },
  [A("assessments", "importScoresAction")]: async (w, call, unit) => {
    const s = await sheet(w, unit, "DRAFT");
    return () => call.action(A("assessments", "importScoresAction"), { periodId: s.periodId, file: scoresCsv(s) });
  },

  [A("directives", "createDirectiveAction")]: async (w, call, unit) => {
    const { provinceId } = place(w, unit);
    const fields = {
      provinceId,
      number: `${next()}/QĐ-UBND`,
      kind: "QUYET_DINH",
      issuer: "UBND tỉnh (thử quyền)",
      title: "Quyết định thử quyền",
      years: "2020",
    };
    return () => call.action(A("directives", "createDirectiveAction"), fields);
  },
  [A("directives", "updateDirectiveAction")]: async (w, call, unit) => {
    const d = await directive(w, unit);
    return () => call.action(A("directives", "updateDirectiveAction"), directiveFields(d, "Kế hoạch đã sửa"));
  },
  [A("directives", "linkAction")]: async (w, call, unit) => {
    const [from, to] = [await directive(w, unit), await directive(w, unit)];
    return () => call.action(A("directives", "linkAction"), { fromId: from.id, toId: to.id, relation: "Triển khai" });
  },
  [A("directives", "unlinkAction")]: async (w, call, unit) => {
    const [from, to] = [await directive(w, unit), await directive(w, unit)];
    await testDb.directiveLink.create({ data: { fromId: from.id, toId: to.id, relation: "Triển khai" } });
    return () => call.action(A("directives", "unlinkAction"), { fromId: from.id, toId: to.id });
  },
  [A("directives", "addDirectiveFileAction")]: async (w, call, unit) => {
    const d = await directive(w, unit);
    return () => call.action(A("directives", "addDirectiveFileAction"), { directiveId: d.id, file: pdfFile() });
  },
  [A("directives", "removeDirectiveFileAction")]: async (w, call, unit) => {
    const file = await storedFile({ directiveId: (await directive(w, unit)).id });
    return () => call.action(A("directives", "removeDirectiveFileAction"), { fileId: file.id });
  },
  [A("directives", "createTargetAction")]: async (w, call, unit) => {
    const d = await directive(w, unit);
    return () =>
      call.action(A("directives", "createTargetAction"), {
        directiveId: d.id,
        kind: "MIN_SCORE",
        indexCode: "SIPAS",
        year: "2020",
        value: "85",
      });
  },
  [A("directives", "updateTargetAction")]: async (w, call, unit) => {
    const t = await testDb.target.create({
      data: { directiveId: (await directive(w, unit)).id, kind: "MIN_SCORE", indexCode: "SIPAS", year: 2020, value: 80 },
    });
    return () =>
      call.action(A("directives", "updateTargetAction"), {
        id: t.id,
        version: 0,
        kind: "MIN_SCORE",
        indexCode: "SIPAS",
        year: "2020",
        value: "85",
      });
  },
  [A("directives", "deleteTargetAction")]: async (w, call, unit) => {
    const t = await testDb.target.create({
      data: { directiveId: (await directive(w, unit)).id, kind: "MIN_SCORE", indexCode: "SIPAS", year: 2020, value: 80 },
    });
    return () => call.action(A("directives", "deleteTargetAction"), { id: t.id, version: 0 });
  },
  [A("directives", "bulkTargetsAction")]: async (w, call, unit) => {
    const d = await directive(w, unit);
    return () =>
      call.action(A("directives", "bulkTargetsAction"), {
        directiveId: d.id,
        kind: "COMMITMENT_COMPLETION",
        year: "2020",
        value: "100",
        agencyIds: [String(place(w, unit).agencyId)],
      });
  },
  [A("directives", "createTaskAction")]: async (w, call, unit) => {
    const d = await directive(w, unit);
    return () => call.action(A("directives", "createTaskAction"), { directiveId: d.id, title: "Nhiệm vụ mới", leadAgencyId: place(w, unit).agencyId });
  },
  [A("directives", "updateTaskAction")]: async (w, call, unit) => {
    const t = await task(w, unit);
    return () =>
      call.action(A("directives", "updateTaskAction"), {
        id: t.id,
        version: 0,
        title: "Nhiệm vụ đã sửa",
        leadAgencyId: place(w, unit).agencyId,
      });
  },
  [A("directives", "deleteTaskAction")]: async (w, call, unit) => {
    const t = await task(w, unit);
    return () => call.action(A("directives", "deleteTaskAction"), { id: t.id, version: 0 });
  },
  [A("directives", "taskProgressAction")]: async (w, call, unit) => {
    const t = await task(w, unit);
    return () =>
      call.action(A("directives", "taskProgressAction"), {
        id: t.id,
        version: 0,
        status: "IN_PROGRESS",
        progressPercent: "50",
        progressNote: "Đang triển khai",
      });
  },
  [A("directives", "addTaskFileAction")]: async (w, call, unit) => {
    const t = await task(w, unit);
    return () => call.action(A("directives", "addTaskFileAction"), { taskId: t.id, file: pdfFile() });
  },
  [A("directives", "removeTaskFileAction")]: async (w, call, unit) => {
    const file = await storedFile({ taskId: (await task(w, unit)).id });
    return () => call.action(A("directives", "removeTaskFileAction"), { fileId: file.id });
  },
  [A("directives", "submitReportAction")]: async (w, call, unit) => {
    const d = await directive(w, unit === "ownAgency" ? "ownProvince" : unit);
    return () =>
      call.action(A("directives", "submitReportAction"), {
        directiveId: d.id,
        agencyId: place(w, unit).agencyId,
        period: "2020",
        content: "Đã hoàn thành.",
      });
  },

  [A("frameworks", "createFrameworkAction")]: async (w, call, unit) => {
    const owner = unit === "national" ? "" : place(w, unit).provinceId;
    const fields = {
      indexCode: unit === "national" ? "PAR_INDEX" : "INTERNAL_PAR",
      ownerProvinceId: owner,
      name: `Bộ chỉ số mới ${next()}`,
      validFromYear: "2030",
      maxScore: "100",
    };
    return () => call.action(A("frameworks", "createFrameworkAction"), fields);
  },
  [A("frameworks", "updateFrameworkMetaAction")]: async (w, call, unit) => {
    const f = await draftFramework(w, unit);
    const fields = {
      frameworkId: f.id,
      revision: f.revision,
      name: "Bộ chỉ số đã đổi tên",
      validFromYear: "2025",
      maxScore: "20",
      bonusCap: "5",
      penaltyCap: "5",
      status: "DRAFT",
    };
    return () => call.action(A("frameworks", "updateFrameworkMetaAction"), fields);
  },
  [A("frameworks", "updateCriterionAction")]: async (w, call, unit) => {
    const f = await draftFramework(w, unit);
    const fields = {
      frameworkId: f.id,
      revision: f.revision,
      criterionId: f.leafA,
      code: "1.1.1",
      name: "Tiêu chí đã sửa",
      maxPoints: "10",
      method: "APPRAISAL",
    };
    return () => call.action(A("frameworks", "updateCriterionAction"), fields);
  },
  [A("frameworks", "addCriterionAction")]: async (w, call, unit) => {
    const f = await draftFramework(w, unit);
    const fields = {
      frameworkId: f.id,
      revision: f.revision,
      parentId: f.criterionId,
      code: "1.1.3",
      name: "Tiêu chí mới",
      maxPoints: "5",
      recomputeParents: "on",
    };
    return () => call.action(A("frameworks", "addCriterionAction"), fields);
  },
  [A("frameworks", "deleteCriterionAction")]: async (w, call, unit) => {
    const f = await draftFramework(w, unit);
    return () =>
      call.action(A("frameworks", "deleteCriterionAction"), {
        frameworkId: f.id,
        revision: f.revision,
        criterionId: f.leafB,
        recomputeParents: "on",
      });
  },
  [A("frameworks", "setMaxPointsAction")]: async (w, call, unit) => {
    const f = await draftFramework(w, unit);
    return () =>
      call.action(A("frameworks", "setMaxPointsAction"), {
        frameworkId: f.id,
        revision: f.revision,
        [`points.${f.leafA}`]: "12",
        [`points.${f.leafB}`]: "8",
      });
  },
  [A("frameworks", "setGradeBandsAction")]: async (w, call, unit) => {
    const f = await draftFramework(w, unit);
    const fields = {
      frameworkId: f.id,
      revision: f.revision,
      "bands.0.label": "Xuất sắc",
      "bands.0.minScore": "18",
      "bands.1.label": "Tốt",
      "bands.1.minScore": "0",
    };
    return () => call.action(A("frameworks", "setGradeBandsAction"), fields);
  },
  [A("frameworks", "setComponentsAction")]: async (w, call, unit) => {
    const f = await draftFramework(w, unit);
    const fields = {
      frameworkId: f.id,
      revision: f.revision,
      "components.0.code": "APPRAISAL",
      "components.0.nameVi": "Điểm thẩm định",
      "components.0.maxPoints": "20",
    };
    return () => call.action(A("frameworks", "setComponentsAction"), fields);
  },
  [A("frameworks", "importTreeAction")]: async (w, call, unit) => {
    const f = await draftFramework(w, unit);
    return () => call.action(A("frameworks", "importTreeAction"), { frameworkId: f.id, revision: f.revision, file: csvFile("cay.csv", TREE_CSV) });
  },

  [A("results", "saveResultAction")]: async (_w, call, unit) => {
    const r = await storedResult(unit);
    const fields = {
      ...{ id: r.id, version: r.version, indexCode: r.indexCode, year: r.year, provinceId: r.provinceId },
      ...{ score: String(Number(r.score)), officialRank: r.officialRank ?? "", source: r.source, note: `Ghi chú ${next()}` },
    };
    return () => call.action(A("results", "saveResultAction"), fields);
  },
  [A("results", "importResultsAction")]: async (_w, call, unit, name) => {
    const r = name === "new row" ? await freshResult(unit) : await storedResult(unit);
    return () => call.action(A("results", "importResultsAction"), { file: resultsCsv(r), intent: "commit" });
  },
  ...ADMIN_FIXTURES,
};

// ───────────────────────── Did anything change? ─────────────────────────

let fingerprintReady = false;

/**
 * Each table's rows as a count and a sum of their 64-bit hashes, computed by PostgreSQL in one
 * statement: equal before and after ⇔ nothing changed. A function of the table's rows as a multiset,
 * as a hash of the sorted rows is, without the sort (ten times faster: this runs twice per call of
 * the matrix). The statement lives in a PL/pgSQL function of the file's own database, which plans
 * its query once per connection: planning the 40-table UNION took three quarters of each call
 * (12.5 ms against 3.1). The tables are listed once: the schema does not change during a run.
 */
export async function databaseFingerprint(): Promise<Record<string, string>> {
  if (!fingerprintReady) {
    const tables = await testDb.$queryRaw<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
    const query = tables
      .map(({ name }) => `SELECT '${name}'::text, count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)::numeric), 0) FROM "${name}" t`)
      .join(" UNION ALL ");
    await testDb.$executeRawUnsafe(
      `CREATE OR REPLACE FUNCTION test_fingerprint() RETURNS TABLE(name text, hash text) LANGUAGE plpgsql STABLE AS $f$ BEGIN RETURN QUERY ${query}; END $f$`,
    );
    fingerprintReady = true;
  }
  const rows = await testDb.$queryRaw<{ name: string; hash: string }[]>`SELECT name, hash FROM test_fingerprint()`;
  return Object.fromEntries(rows.map((r) => [r.name, r.hash]));
}
