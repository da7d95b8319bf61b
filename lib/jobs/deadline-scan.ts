// The deadline scan the worker runs daily at 06:00 (and "Quét hạn ngay"): each kind of deadline is
// one part, run on its own, so that one that throws (bad data, a bug in one province's target
// evaluation) costs only itself: the other parts still notify, and the failures are returned for
// the job to report (lib/jobs/worker.ts fails the job with them, so administrators see them on
// /quan-tri/tac-vu and pg-boss retries; a retry repeats nothing, each notification being unique).
import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { scanReportDeadlines } from "@/lib/directives/reports/mutations";
import { scanSelfScoringDeadlines, scanTaskDeadlines } from "@/lib/notifications/mutations";
import { notifyLeadersOfTargets } from "@/lib/targets/mutations";

export type ScanPart = {
  name: string;
  run: (db: PrismaClient, now: Date) => Promise<{ notifications: number; failures?: { provinceId: number; error: string }[] }>;
};

export const DEADLINE_SCAN_PARTS: readonly ScanPart[] = [
  { name: "self-scoring", run: scanSelfScoringDeadlines },
  { name: "tasks", run: scanTaskDeadlines },
  { name: "reports", run: scanReportDeadlines },
  { name: "targets", run: (db, now) => notifyLeadersOfTargets(db, now) },
];

export type ScanResult = { notifications: number; byPart: Record<string, { notifications: number; seconds: number }>; failures: string[] };

/** Runs every part as of `now`; `parts` is the list to run (the worker's is DEADLINE_SCAN_PARTS). */
export async function scanAllDeadlines(db: PrismaClient, now = new Date(), parts: readonly ScanPart[] = DEADLINE_SCAN_PARTS): Promise<ScanResult> {
  const result: ScanResult = { notifications: 0, byPart: {}, failures: [] };
  for (const part of parts) {
    const started = performance.now();
    try {
      const { notifications, failures = [] } = await part.run(db, now);
      result.notifications += notifications;
      result.byPart[part.name] = { notifications, seconds: Math.round(performance.now() - started) / 1000 };
      result.failures.push(...failures.map((f) => `${part.name}, province ${f.provinceId}: ${f.error}`));
    } catch (error) {
      result.failures.push(`${part.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return result;
}
