// 50 people save the same criterion score at the same instant, round after round (lib level, real
// PostgreSQL): per version exactly one save wins, the 49 others are refused with the winner's value,
// no accepted change is lost, and the audit log has one row per accepted change — chained, each
// row's old value being the previous winner's new value. tests/e2e/fault-concurrent-saves.test.ts
// does the same over HTTP with 50 signed-in sessions.
import { beforeAll, describe, expect, it } from "vitest";

const { selfScore } = await import("@/lib/assessments/mutations");
const { openPeriod } = await import("@/lib/assessments/periods/mutations");
const { ConflictError } = await import("@/lib/errors");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");

type Actor = Awaited<ReturnType<typeof actorFor>>;
const SESSIONS = 50;
const ROUNDS = 5;
const BEFORE_DEADLINE = new Date("2026-12-01T03:00:00Z");
let actors: Actor[] = [];
let scoreId: number;

// Distinct per person and round, so every saved value says who won which round.
const scoreOf = (i: number) => ((i + 1) / 100).toFixed(2);
const commentOf = (i: number, round: number) => `Người ${i + 1}, vòng ${round}`;

beforeAll(async () => {
  const staff = await actorFor("noivu@demo.local");
  const template = await testDb.user.findUniqueOrThrow({ where: { email: "noivu@demo.local" } });
  // 47 more Home Affairs officers of An Giang, with the Home Affairs officer, the agency head and the administrator: 50 people.
  await testDb.user.createMany({
    data: Array.from({ length: SESSIONS - 3 }, (_, i) => ({
      email: `dongthoi${i + 1}@demo.local`,
      name: `Cán bộ ${i + 1}`,
      role: "HOME_AFFAIRS" as const,
      passwordHash: template.passwordHash,
      provinceId: template.provinceId,
      isDemo: true,
    })),
  });
  const emails = [
    "noivu@demo.local",
    "thutruong@demo.local",
    "quantri@demo.local",
    ...Array.from({ length: SESSIONS - 3 }, (_, i) => `dongthoi${i + 1}@demo.local`),
  ];
  actors = await Promise.all(emails.map((email) => actorFor(email)));

  const framework = await testDb.framework.findUniqueOrThrow({ where: { key_version: { key: "an-giang-so-ban-nganh", version: 1 } } });
  const agency = await testDb.agency.findFirstOrThrow({ where: { code: "STP", provinceId: staff.provinceId! } });
  const { periodId } = await openPeriod(staff, {
    frameworkId: String(framework.id),
    year: "2026",
    deadline: "2026-12-15",
    agencyIds: [String(agency.id)],
  });
  const score = await testDb.criterionScore.findFirstOrThrow({
    where: { assessment: { periodId }, criterion: { method: "APPRAISAL" } },
    orderBy: { criterion: { sortOrder: "asc" } },
  });
  scoreId = score.id;
});

describe("50 concurrent saves of the same score", () => {
  it("lets exactly one win per version, refuses the others with the current value, and loses nothing", async () => {
    const auditsBefore = await testDb.auditLog.count();
    const winners: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const { version } = await testDb.criterionScore.findUniqueOrThrow({ where: { id: scoreId } });
      const outcomes = await Promise.allSettled(
        actors.map((actor, i) => selfScore(actor, { criterionScoreId: scoreId, version, score: scoreOf(i), comment: commentOf(i, round) }, BEFORE_DEADLINE)),
      );
      const won = outcomes.flatMap((outcome, i) => (outcome.status === "fulfilled" ? [i] : []));
      expect(won, `round ${round}`).toHaveLength(1);
      const winner = won[0];
      winners.push(winner);
      const refusals = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason] : []));
      expect(refusals).toHaveLength(SESSIONS - 1);
      for (const refusal of refusals) {
        expect(refusal).toBeInstanceOf(ConflictError);
        expect(refusal.current).toMatchObject({
          version: version + 1,
          selfScore: Number(scoreOf(winner)),
          selfComment: commentOf(winner, round),
        });
        expect(refusal.message).toContain(scoreOf(winner).replace(".", ","));
      }
    }

    // No lost update: the row holds the last winner, one version per round.
    const saved = await testDb.criterionScore.findUniqueOrThrow({ where: { id: scoreId } });
    const last = winners[ROUNDS - 1];
    expect([Number(saved.selfScore), saved.selfComment, saved.version]).toEqual([Number(scoreOf(last)), commentOf(last, ROUNDS), ROUNDS]);

    // One audit row per accepted change, by the winner, chained old → new.
    expect(await testDb.auditLog.count()).toBe(auditsBefore + ROUNDS);
    const audits = await testDb.auditLog.findMany({
      where: { entityType: "CriterionScore", entityId: String(scoreId) },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.actorEmail)).toEqual(winners.map((i) => actors[i].email));
    audits.forEach((audit, round) => {
      const previous = round === 0 ? null : winners[round - 1];
      expect(audit.oldValue).toMatchObject({ selfScore: previous === null ? null : Number(scoreOf(previous)) });
      expect(audit.newValue).toMatchObject({
        selfScore: Number(scoreOf(winners[round])),
        selfComment: commentOf(winners[round], round + 1),
      });
    });
  });
});
