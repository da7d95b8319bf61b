// The worker: runs the scheduled jobs (deadline scan, daily digest) from the queue and relays the
// outbox to the mail server every few seconds. `npm start` starts one beside the web processes;
// `npm run worker` runs one alone. Any number may run against one database: jobs are fetched with
// SKIP LOCKED by pg-boss, mail claimed row by row, notifications unique in their table.
import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { relayOutbox, smtpTransport } from "@/lib/mail/relay";
import { sendDailyDigest } from "@/lib/notifications/mutations";
import { scanAllDeadlines } from "./deadline-scan";
import { createBoss, prepareQueues, QUEUES } from "./queue";

export type Worker = { stop: () => Promise<void> };

export async function startWorker(
  db: PrismaClient,
  connectionString: string,
  options: { relayEveryMs?: number; log?: (line: string) => void } = {},
): Promise<Worker> {
  const log = options.log ?? (() => {});
  const boss = createBoss(connectionString, { worker: true });
  boss.on("error", (error) => log(`pg-boss: ${error.message}`));
  // One worker at a time sets up the queues: two creating the same queue side by side deadlock in
  // PostgreSQL (each waits for the other's lock on pg-boss's queue table), and the loser exited.
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('portal:jobs:prepare-queues'))`;
      await boss.start();
      await prepareQueues(boss);
    },
    { maxWait: 60_000, timeout: 180_000 },
  );
  // A job that throws is retried with backoff by pg-boss, then kept as failed with its error.
  const logged = <T>(name: string, run: () => Promise<T>) =>
    run().then(
      (result) => {
        log(`${name}: ${JSON.stringify(result)}`);
        return result;
      },
      (error: Error) => {
        log(`${name} failed: ${error.message}`);
        throw error;
      },
    );
  await boss.work<{ at?: string }>(QUEUES.deadlineScan, { pollingIntervalSeconds: 2 }, async ([job]) => {
    const at = job.data.at ? new Date(job.data.at) : new Date();
    return logged(`deadline scan as of ${at.toISOString()}`, async () => {
      const scan = await scanAllDeadlines(db, at);
      // The parts that worked have notified; the job still fails, naming the parts that did not,
      // so the failure shows on the jobs page with its error and pg-boss retries it.
      if (scan.failures.length > 0) {
        throw new Error(`deadline scan incomplete (${scan.notifications} notifications sent): ${scan.failures.join("; ")}`);
      }
      return { notifications: scan.notifications, byPart: scan.byPart };
    });
  });
  await boss.work(QUEUES.dailyDigest, { pollingIntervalSeconds: 2 }, async () => logged("daily digest", () => sendDailyDigest(db)));
  const transport = smtpTransport();
  if (!transport) log("SMTP_URL is not set: mail stays in the outbox (/quan-tri/thu-di).");
  let stopped = false;
  let relaying: Promise<unknown> = Promise.resolve();
  const relayLoop = async () => {
    while (!stopped && transport) {
      relaying = relayOutbox(db, transport).catch((error: Error) => log(`mail relay: ${error.message}`));
      await relaying;
      await new Promise((resolve) => setTimeout(resolve, options.relayEveryMs ?? 2000));
    }
  };
  void relayLoop();
  return {
    stop: async () => {
      stopped = true;
      await relaying;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      transport?.close();
    },
  };
}
