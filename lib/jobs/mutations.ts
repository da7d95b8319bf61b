// What administrators do on the jobs page (/quan-tri/tac-vu): retry a failed job, and run the
// deadline scan now. Each is one transaction holding pg-boss's command and the audit row, so the
// log never records a retry that did not happen (nor the reverse). The worker picks the job up.
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { authorizeOwnProvince } from "@/lib/auth/reach";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { NotFoundError, parseInput } from "@/lib/errors";
import { messageLocale } from "@/lib/i18n/message-locale";
import { translator } from "@/lib/i18n/translator";
import { bossIn, QUEUES } from "./queue";
import { retryJobSchema } from "./schema";

/** Puts a failed job back in its queue ("Chạy lại"): pg-boss runs it again with one more attempt allowed. */
export async function retryFailedJob(actor: Actor | null, raw: unknown): Promise<void> {
  authorizeOwnProvince(actor, "jobs.manage");
  const { queue, id } = parseInput(retryJobSchema, raw);
  await db.$transaction(async (tx) => {
    const { boss, db: jobDb } = bossIn(tx);
    // pg-boss 10 answers { affected } (its types say void): 0 when the job was not failed.
    const { affected } = (await boss.retry(queue, id, { db: jobDb })) as unknown as { affected: number };
    // Retried by someone else meanwhile, run again and done, or archived after a week.
    if (affected === 0) throw new NotFoundError(translator(messageLocale(), "notifications.jobs")("notFailed"));
    await writeAudit(tx, actor, { action: "job.retry", entityType: "Job", entityId: id, newValue: { queue } });
  });
}

/** "Quét hạn ngay": a deadline scan as of now, queued for the worker (the same job the 06:00 schedule sends). */
export async function runDeadlineScanNow(actor: Actor | null): Promise<string> {
  authorizeOwnProvince(actor, "jobs.manage");
  return db.$transaction(async (tx) => {
    const { boss, db: jobDb } = bossIn(tx);
    const id = await boss.send(QUEUES.deadlineScan, {}, { db: jobDb });
    if (!id) throw new NotFoundError(translator(messageLocale(), "notifications.jobs")("noWorker"));
    await writeAudit(tx, actor, { action: "job.run", entityType: "Job", entityId: id, newValue: { queue: QUEUES.deadlineScan } });
    return id;
  });
}
