// The pending-work cards of the home page and "my work": what waits for the actor in the internal
// scoring and the directives, as counts with a deadline and the page that acts on it. Which cards a
// role gets follows the permission table: the agency that self-scores its own sheet (self-scoring due,
// explanation requests received), the staff who appraise (sheets submitted, explanations answered),
// whoever reads a province (agencies still self-scoring); everyone: their overdue tasks.
import type { AssessmentStatus, Role } from "@/lib/db/generated/enums";
import { reachOf } from "@/lib/auth/policy";
import { canSelfScore } from "@/lib/assessments/workflow";

/** An assessment of a period not yet published, with what the cards count on it. */
export type OpenAssessment = {
  id: number;
  periodId: number;
  year: number;
  status: AssessmentStatus;
  deadline: Date;
  /** Sub-criteria the agency scores itself, and how many it has scored (its own sheet only). */
  selfScorable: number;
  selfScored: number;
  /** Explanation requests on the sheet, and how many the agency has answered. */
  requests: number;
  answered: number;
};

export type PendingKind = "selfScoring" | "explanationRequests" | "submitted" | "explanationsAnswered" | "stillSelfScoring" | "overdueTasks";

export type PendingCard = {
  kind: PendingKind;
  count: number;
  /** The nearest deadline of what is counted, if it has one. */
  deadline: Date | null;
  /** Of the agency's own sheet: sub-criteria scored out of those to score. */
  progress: { done: number; total: number } | null;
  year: number | null;
  href: string;
};

/** The cards of a role, in the order the work comes; a card with 0 says there is nothing of its kind. */
export function pendingCards(role: Role, assessments: readonly OpenAssessment[], overdueTasks: number, now: Date): PendingCard[] {
  const cards: PendingCard[] = [];
  const card = (kind: PendingKind, counted: readonly OpenAssessment[], count = counted.length, deadline: Date | null = null): PendingCard => ({
    kind,
    count,
    deadline,
    progress: null,
    year: counted[0]?.year ?? null,
    href: hrefOf(counted),
  });
  if (reachOf(role, "assessment.selfScore") === "agency") {
    const drafting = assessments.filter((a) => canSelfScore(a.status, a.deadline, now));
    const own = drafting[0];
    cards.push({
      ...card(
        "selfScoring",
        drafting,
        drafting.reduce((sum, a) => sum + a.selfScorable - a.selfScored, 0),
        earliest(drafting),
      ),
      progress: own ? { done: own.selfScored, total: own.selfScorable } : null,
    });
    const asked = assessments.filter((a) => a.status === "EXPLANATION_REQUESTED" && a.answered < a.requests);
    cards.push(
      card(
        "explanationRequests",
        asked,
        asked.reduce((sum, a) => sum + a.requests - a.answered, 0),
      ),
    );
  }
  if (reachOf(role, "assessment.manage") !== "none") {
    cards.push(
      card(
        "submitted",
        assessments.filter((a) => a.status === "SUBMITTED" || a.status === "ROUND1"),
      ),
    );
    cards.push(card("explanationsAnswered", assessments.filter(explanationsAnswered)));
  }
  if (reachOf(role, "province.read") === "province" || reachOf(role, "province.read") === "all") {
    const drafting = assessments.filter((a) => a.status === "DRAFT" && a.deadline.getTime() >= now.getTime());
    cards.push(card("stillSelfScoring", drafting, drafting.length, earliest(drafting)));
  }
  cards.push({ kind: "overdueTasks", count: overdueTasks, deadline: null, progress: null, year: null, href: "/viec-cua-toi" });
  return cards;
}

/** Every explanation asked for has been answered: the sheet is ready for round 2. */
export function explanationsAnswered(a: Pick<OpenAssessment, "status" | "requests" | "answered">): boolean {
  return a.status === "EXPLANATION_REQUESTED" && a.requests > 0 && a.answered === a.requests;
}

function earliest(assessments: readonly OpenAssessment[]): Date | null {
  return assessments.reduce<Date | null>((min, a) => (min === null || a.deadline < min ? a.deadline : min), null);
}

/** The page that acts on what a card counts: the one sheet, else the one period, else the periods. */
function hrefOf(assessments: readonly OpenAssessment[]): string {
  if (assessments.length === 1) return `/danh-gia/phieu/${assessments[0].id}`;
  const periods = new Set(assessments.map((a) => a.periodId));
  return periods.size === 1 ? `/danh-gia/${[...periods][0]}` : "/danh-gia";
}
