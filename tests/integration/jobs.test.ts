// The jobs page's lib (issue 15): a job that fails is listed with its error and attempts, "Chạy
// lại" makes pg-boss run it again, "Quét hạn ngay" queues a scan the worker runs; each audited, and
// administrators only. Real pg-boss and a real worker on this file's database.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type PgBoss from "pg-boss";

const { createBoss, QUEUES } = await import("@/lib/jobs/queue");
const { startWorker } = await import("@/lib/jobs/worker");
const { jobsOverview } = await import("@/lib/jobs/queries");
const { retryFailedJob, runDeadlineScanNow } = await import("@/lib/jobs/mutations");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");
const { createDatabase } = await import("../support/postgres");
const { createPrismaClient } = await import("@/lib/db/prisma");

const url = process.env.DATABASE_URL!;
let worker: Awaited<ReturnType<typeof startWorker>>;
let boss: PgBoss;

beforeAll(async () => {
  worker = await startWorker(testDb, url);
  boss = createBoss(url, { worker: false });
  await boss.start();
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await worker.stop();
});

async function stateOf(id: string, wanted: string, ms = 30_000): Promise<PgBoss.JobWithMetadata> {
  const end = Date.now() + ms;
  for (;;) {
    const job = await boss.getJobById<object>(QUEUES.deadlineScan, id);
    if (job?.state === wanted) return job;
    if (Date.now() > end) throw new Error(`job ${id} is ${job?.state}, not ${wanted}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("workers starting side by side", () => {
  // Several portal instances started together on a new database: all of them set up pg-boss's
  // queues. Unserialized, two creating one queue deadlocked in PostgreSQL and the loser exited
  // (seen in CI about one start in two).
  it("all start, on a database without queues, three times over", { timeout: 120_000 }, async () => {
    for (let round = 0; round < 3; round++) {
      const fresh = await createDatabase(inject("cluster"));
      const clients = Array.from({ length: 4 }, () => createPrismaClient(fresh, 2));
      const started = await Promise.allSettled(clients.map((client) => startWorker(client, fresh)));
      await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.stop() : undefined)));
      await Promise.all(clients.map((client) => client.$disconnect()));
      expect(started.map((s) => (s.status === "rejected" ? String(s.reason) : "started"))).toEqual(["started", "started", "started", "started"]);
    }
  });
});

describe("the jobs page", () => {
  it("lists a failed job with its error, and 'Chạy lại' runs it again", { timeout: 90_000 }, async () => {
    const admin = await actorFor("quantri@demo.local");
    const before = await jobsOverview(admin);
    expect(before.ready).toBe(true);
    expect(before.queues.map((q) => [q.name, q.schedule?.cron, q.schedule?.timeZone, q.retryLimit])).toEqual([
      ["daily-digest", "0 7 * * *", "Asia/Ho_Chi_Minh", 4],
      ["deadline-scan", "0 6 * * *", "Asia/Ho_Chi_Minh", 4],
    ]);
    // The scan cannot read the sheets (their table is away): the job fails, no retry left.
    await testDb.$executeRawUnsafe("ALTER TABLE assessment RENAME TO assessment_away");
    let id: string;
    try {
      id = (await boss.send(QUEUES.deadlineScan, { at: "2031-03-29T01:00:00Z" }, { retryLimit: 0 }))!;
      await stateOf(id, "failed");
    } finally {
      await testDb.$executeRawUnsafe("ALTER TABLE assessment_away RENAME TO assessment");
    }
    const listed = (await jobsOverview(admin)).failed.find((j) => j.id === id);
    expect(listed).toMatchObject({ queue: "deadline-scan", attempts: 1, data: '{"at":"2031-03-29T01:00:00Z"}' });
    expect(listed!.error).toMatch(/assessment/);
    // The other kinds of deadline ran: the job fails naming the part that did not (lib/jobs/deadline-scan.ts).
    expect(listed!.error).toMatch(/^deadline scan incomplete \(\d+ notifications sent\): self-scoring: /);
    expect(listed!.failedAt).toBeInstanceOf(Date);
    expect((await jobsOverview(admin)).queues.find((q) => q.name === "deadline-scan")!.counts.failed).toBeGreaterThanOrEqual(1);

    await retryFailedJob(admin, { queue: "deadline-scan", id });
    const done = await stateOf(id, "completed");
    expect(done.retryCount).toBe(1);
    expect(done.output).toMatchObject({ notifications: expect.any(Number) });
    expect((await jobsOverview(admin)).failed.map((j) => j.id)).not.toContain(id);
    const audit = await testDb.auditLog.findMany({ where: { action: "job.retry", entityId: id } });
    expect(audit.map((a) => [a.actorEmail, a.entityType, a.newValue])).toEqual([["quantri@demo.local", "Job", { queue: "deadline-scan" }]]);
    // No longer failed: a second retry changes nothing and says so.
    await expect(retryFailedJob(admin, { queue: "deadline-scan", id })).rejects.toMatchObject({ status: 404 });
    expect(await testDb.auditLog.count({ where: { action: "job.retry", entityId: id } })).toBe(1);
  });

  it("'Quét hạn ngay' queues a scan that the worker runs, audited", { timeout: 60_000 }, async () => {
    const admin = await actorFor("quantri@demo.local");
    const id = await runDeadlineScanNow(admin);
    await stateOf(id, "completed");
    expect(await testDb.auditLog.count({ where: { action: "job.run", entityId: id, actorEmail: "quantri@demo.local" } })).toBe(1);
  });

  it("refuses bad input and every role but the administrator", async () => {
    const admin = await actorFor("quantri@demo.local");
    await expect(retryFailedJob(admin, { queue: "mail", id: "1" })).rejects.toMatchObject({ status: 400 });
    for (const email of ["noivu@demo.local", "lanhdao@demo.local", "thutruong@demo.local"]) {
      const actor = await actorFor(email);
      await expect(jobsOverview(actor)).rejects.toMatchObject({ status: 403 });
      await expect(runDeadlineScanNow(actor)).rejects.toMatchObject({ status: 403 });
      await expect(retryFailedJob(actor, { queue: "deadline-scan", id: crypto.randomUUID() })).rejects.toMatchObject({ status: 403 });
    }
    await expect(jobsOverview(null)).rejects.toMatchObject({ status: 401 });
    expect(await testDb.auditLog.count({ where: { action: { in: ["job.retry", "job.run"] }, actorEmail: { not: "quantri@demo.local" } } })).toBe(0);
  });
});
