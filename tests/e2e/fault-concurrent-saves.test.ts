// 50 signed-in sessions (50 different people) PUT the same self score with the same version at the
// same instant, over HTTP against `next start`, round after round with the latest version: per
// round exactly one 200 and 49 × 409 carrying the winner's value; no lost update; one audit row
// per accepted change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { loadActor } from "../../lib/auth/load-actor";
import { createPrismaClient } from "../../lib/db/prisma";
import { signInOverHttp } from "../../scripts/lib/throwaway-portal";
import { filePortal } from "../support/portal";

const SESSIONS = 50;
const ROUNDS = 5;
const { baseUrl, databaseUrl } = await filePortal();
const db = createPrismaClient(databaseUrl, 2);
let sessions: { email: string; cookie: string }[] = [];
let scoreId: number;
let closeLibDb = async () => {};

const scoreOf = (i: number) => ((i + 1) / 100).toFixed(2);
const commentOf = (i: number, round: number) => `Phiên ${i + 1}, vòng ${round}`;

beforeAll(async () => {
  const template = await db.user.findUniqueOrThrow({ where: { email: "noivu@demo.local" } });
  await db.user.createMany({
    data: Array.from({ length: SESSIONS - 3 }, (_, i) => ({
      email: `dongthoi${i + 1}@demo.local`,
      name: `Cán bộ ${i + 1}`,
      role: "HOME_AFFAIRS" as const,
      passwordHash: template.passwordHash,
      provinceId: template.provinceId,
      isDemo: true,
    })),
  });
  // Opened through lib, as the Home Affairs officer would from /danh-gia/mo-ky, with a deadline ahead.
  process.env.DATABASE_URL = databaseUrl;
  const { openPeriod } = await import("@/lib/assessments/periods/mutations");
  const libDb = (await import("@/lib/db/client")).db;
  closeLibDb = () => libDb.$disconnect();
  const staff = (await loadActor(db, { email: "noivu@demo.local" }))!;
  const framework = await db.framework.findUniqueOrThrow({ where: { key_version: { key: "an-giang-so-ban-nganh", version: 1 } } });
  const agency = await db.agency.findFirstOrThrow({ where: { code: "STP", provinceId: staff.provinceId! } });
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const { periodId } = await openPeriod(staff, {
    frameworkId: String(framework.id),
    year: "2026",
    deadline,
    agencyIds: [String(agency.id)],
  });
  scoreId = (
    await db.criterionScore.findFirstOrThrow({
      where: { assessment: { periodId }, criterion: { method: "APPRAISAL" } },
      orderBy: { criterion: { sortOrder: "asc" } },
    })
  ).id;

  const emails = [
    "noivu@demo.local",
    "thutruong@demo.local",
    "quantri@demo.local",
    ...Array.from({ length: SESSIONS - 3 }, (_, i) => `dongthoi${i + 1}@demo.local`),
  ];
  sessions = await Promise.all(
    emails.map(async (email, i) => {
      const result = await signInOverHttp(baseUrl, { email, password: DEMO_PASSWORD }, { ip: `10.50.0.${i + 1}` });
      if (result.outcome !== "ok") throw new Error(`sign-in of ${email}: ${result.outcome}`);
      return { email, cookie: result.cookie };
    }),
  );
});

afterAll(async () => {
  await closeLibDb();
  await db.$disconnect();
});

describe("50 concurrent saves of one score over HTTP", () => {
  it("answers one 200 and 49 × 409 with the winner's value per version, loses nothing, audits each accepted change", async () => {
    const auditsBefore = await db.auditLog.count();
    let version = 0;
    const winners: number[] = [];
    const figures: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const started = performance.now();
      const responses = await Promise.all(
        sessions.map(async (session, i) => {
          const response = await fetch(`${baseUrl}/api/v1/criterion-scores/${scoreId}/self-score`, {
            method: "PUT",
            headers: { "Content-Type": "application/json", cookie: session.cookie },
            body: JSON.stringify({ score: scoreOf(i), comment: commentOf(i, round), version }),
          });
          return {
            status: response.status,
            body: (await response.json()) as { error?: string; current?: { version: number; selfScore: number; selfComment: string } },
          };
        }),
      );
      const ms = Math.round(performance.now() - started);
      const won = responses.flatMap((r, i) => (r.status === 200 ? [i] : []));
      expect(won, `round ${round}`).toHaveLength(1);
      const winner = won[0];
      winners.push(winner);
      const refused = responses.filter((r) => r.status === 409);
      expect(refused).toHaveLength(SESSIONS - 1);
      for (const { body } of refused) {
        expect(body.current).toMatchObject({
          version: version + 1,
          selfScore: Number(scoreOf(winner)),
          selfComment: commentOf(winner, round),
        });
        expect(body.error).toContain(scoreOf(winner).replace(".", ","));
      }
      figures.push(`vòng ${round}: 1 × 200 (${sessions[winner].email}), ${refused.length} × 409, ${ms} ms`);
      // The next round uses the latest version, as a client does after reading the 409's current value.
      version = refused[0].body.current!.version;
    }
    console.log(`50 lần lưu đồng thời × ${ROUNDS} vòng:\n  ${figures.join("\n  ")}`);

    const saved = await db.criterionScore.findUniqueOrThrow({ where: { id: scoreId } });
    const last = winners[ROUNDS - 1];
    expect([Number(saved.selfScore), saved.selfComment, saved.version]).toEqual([Number(scoreOf(last)), commentOf(last, ROUNDS), ROUNDS]);

    expect(await db.auditLog.count()).toBe(auditsBefore + ROUNDS);
    const audits = await db.auditLog.findMany({
      where: { entityType: "CriterionScore", entityId: String(scoreId) },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.actorEmail)).toEqual(winners.map((i) => sessions[i].email));
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
