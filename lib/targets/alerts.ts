// Which targets leaders are told about (issue 15): a target newly at risk or missed, once per
// (leader, target, status) — the notification table's unique index keeps the "once", this rule
// says what is worth telling. A target met or not yet known tells nobody. No I/O.
import type { TargetStatus } from "./evaluate";

export const ALERTED_STATUSES: readonly TargetStatus[] = ["at_risk", "missed"];

export type TargetAlert = {
  userId: number;
  kind: "targetStatus";
  subject: string;
  threshold: TargetStatus;
  params: { target: string; unit: string; directive: string; year: number };
  link: string;
};

/** One alert per leader of the province for each of its targets at risk or missed. */
export function targetAlerts(
  targets: readonly {
    id: number;
    year: number;
    unitLabel: string;
    directive: { id: number; number: string };
    evaluation: { status: TargetStatus; targetText: string };
  }[],
  leaderIds: readonly number[],
): TargetAlert[] {
  return targets
    .filter((t) => ALERTED_STATUSES.includes(t.evaluation.status))
    .flatMap((t) =>
      leaderIds.map((userId) => ({
        userId,
        kind: "targetStatus" as const,
        subject: `target:${t.id}`,
        threshold: t.evaluation.status,
        params: { target: t.evaluation.targetText, unit: t.unitLabel, directive: t.directive.number, year: t.year },
        link: `/van-ban/${t.directive.id}`,
      })),
    );
}
