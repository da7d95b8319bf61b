// Which score of a criterion counts is one rule (scoreBasis and countedScore in
// lib/assessments/workflow.ts): the agency view, a criterion target and "my work" show the same
// number for a criterion, whoever looks and whatever stage the assessment is at. Before, "my work"
// and the targets decided it their own way, and two pages could disagree on one criterion.
import { beforeAll, describe, expect, it } from "vitest";

const { getAgencyView } = await import("@/lib/dashboards/agency/queries");
const { getAgencyTargets } = await import("@/lib/targets/queries");
const { getMyWork } = await import("@/lib/my-work/queries");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");

type Actor = Awaited<ReturnType<typeof actorFor>>;
const NOW = new Date("2026-11-22T03:00:00Z");
// A year with no result the year before: a target without this year's score would otherwise be
// judged on last year's (lib/targets/evaluate.ts), which says nothing about this year's score.
const YEAR = 2030;
/** A target no score reaches: the evaluation then tells the provisional score by its gap. */
const OUT_OF_REACH = 1000;

let staff: Actor, head: Actor;
let stp: number;
let assessmentId: number;
let appraisedLater: { id: number; code: string }; // appraised in round 1
let neverAppraised: { id: number; code: string }; // self-scored only

/** The score of a criterion on each page, as the actor sees it (null: none). */
async function scoresSeenBy(actor: Actor, code: string) {
  const view = await getAgencyView(actor, stp, { year: YEAR, sort: "code" }, NOW);
  const row = view.assessment!.rows.find((r) => r.code === code)!;
  const target = (await getAgencyTargets(actor, stp, YEAR, NOW)).find((t) => t.criterionCode === code)!.evaluation;
  const fromTarget = target.actual ?? (target.gap === null ? null : OUT_OF_REACH - target.gap);
  return { view: row.score, basis: view.assessment!.basis, target: fromTarget };
}

async function expectAgreement(expected: Record<string, { head: number | null; staff: number | null }>) {
  const work = await getMyWork(head, NOW);
  for (const [code, want] of Object.entries(expected)) {
    const seenByHead = await scoresSeenBy(head, code);
    const seenByStaff = await scoresSeenBy(staff, code);
    expect({ code, view: seenByHead.view, target: seenByHead.target }).toEqual({ code, view: want.head, target: want.head });
    expect(work.weakCriteria.find((c) => c.code === code)?.score ?? null).toBe(want.head);
    expect({ code, view: seenByStaff.view, target: seenByStaff.target }).toEqual({ code, view: want.staff, target: want.staff });
  }
}

beforeAll(async () => {
  [staff, head] = await Promise.all([actorFor("noivu@demo.local"), actorFor("thutruong@demo.local")]);
  stp = head.agencyId!;
  const framework = await testDb.framework.findUniqueOrThrow({ where: { key_version: { key: "an-giang-so-ban-nganh", version: 1 } } });
  const leaves = await testDb.criterion.findMany({
    where: { frameworkId: framework.id, level: "SUB_CRITERION", method: "APPRAISAL" },
    orderBy: { sortOrder: "asc" },
  });
  [appraisedLater, neverAppraised] = leaves;
  const period = await testDb.assessmentPeriod.create({
    data: { provinceId: staff.provinceId!, frameworkId: framework.id, year: YEAR, selfScoringDeadline: new Date("2030-12-15T16:59:59Z") },
  });
  const all = await testDb.criterion.findMany({ where: { frameworkId: framework.id, level: "SUB_CRITERION" } });
  const assessment = await testDb.assessment.create({
    data: {
      periodId: period.id,
      agencyId: stp,
      scores: { create: all.map((c) => ({ criterionId: c.id, selfScore: c.method === "APPRAISAL" ? 0.5 : null })) },
    },
  });
  assessmentId = assessment.id;
  const directive = await testDb.directive.create({
    data: {
      provinceId: staff.provinceId,
      number: "98/KH-UBND",
      kind: "KE_HOACH",
      issuer: "UBND tỉnh An Giang (kiểm thử)",
      title: "Cải thiện điểm các tiêu chí",
      years: [YEAR],
    },
  });
  const task = await testDb.task.create({
    data: { directiveId: directive.id, sortOrder: 1, title: "Khắc phục hai tiêu chí", leadAgencyId: stp, status: "IN_PROGRESS" },
  });
  await testDb.taskCriterion.createMany({ data: [appraisedLater, neverAppraised].map((c) => ({ taskId: task.id, criterionId: c.id })) });
  await testDb.target.createMany({
    data: [appraisedLater, neverAppraised].map((c) => ({
      directiveId: directive.id,
      kind: "CRITERION_SCORE" as const,
      year: YEAR,
      value: OUT_OF_REACH,
      unit: "điểm",
      agencyId: stp,
      criterionId: c.id,
    })),
  });
});

describe("the score that counts, on every page", () => {
  it("while the agency self-scores: its self scores, for everyone", async () => {
    await expectAgreement({ [appraisedLater.code]: { head: 0.5, staff: 0.5 }, [neverAppraised.code]: { head: 0.5, staff: 0.5 } });
  });

  it("during round 1: staff see the appraisal (none yet on a criterion means none), the agency still its self scores", async () => {
    await testDb.assessment.update({ where: { id: assessmentId }, data: { status: "ROUND1", submittedAt: NOW } });
    await testDb.criterionScore.updateMany({ where: { assessmentId, criterionId: appraisedLater.id }, data: { round1Score: 0.25 } });
    await expectAgreement({ [appraisedLater.code]: { head: 0.5, staff: 0.25 }, [neverAppraised.code]: { head: 0.5, staff: null } });
  });

  it("once the appraisal is released, and once the scores are final: the same numbers for the agency and staff", async () => {
    await testDb.assessment.update({ where: { id: assessmentId }, data: { status: "EXPLANATION_REQUESTED", appraisalReleasedAt: NOW } });
    await expectAgreement({ [appraisedLater.code]: { head: 0.25, staff: 0.25 }, [neverAppraised.code]: { head: null, staff: null } });

    await testDb.criterionScore.updateMany({ where: { assessmentId, criterionId: neverAppraised.id }, data: { round2Score: 0.75 } });
    await testDb.$executeRaw`UPDATE criterion_score SET final_score = COALESCE(round2_score, round1_score, 0) WHERE assessment_id = ${assessmentId}`;
    await testDb.assessment.update({ where: { id: assessmentId }, data: { status: "FINALIZED", finalTotal: 1, finalizedAt: NOW } });
    await expectAgreement({ [appraisedLater.code]: { head: 0.25, staff: 0.25 }, [neverAppraised.code]: { head: 0.75, staff: 0.75 } });
  });
});
