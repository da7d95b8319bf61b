// The pending-work cards (lib/my-work/pending.ts): which cards each role gets, from the permission
// table, what they count, their deadline and the page that acts on them.
import { describe, expect, it } from "vitest";
import { explanationsAnswered, pendingCards, type OpenAssessment } from "@/lib/my-work/pending";

const NOW = new Date("2026-12-05T03:00:00Z");
const DEADLINE = new Date("2026-12-10T16:59:59Z");
const sheet = (id: number, status: OpenAssessment["status"], more: Partial<OpenAssessment> = {}): OpenAssessment => ({
  id,
  periodId: 7,
  year: 2026,
  status,
  deadline: DEADLINE,
  selfScorable: 0,
  selfScored: 0,
  requests: 0,
  answered: 0,
  ...more,
});
const province = [
  sheet(1, "DRAFT"),
  sheet(2, "DRAFT"),
  sheet(3, "SUBMITTED"),
  sheet(4, "ROUND1"),
  sheet(5, "EXPLANATION_REQUESTED", { requests: 2, answered: 1 }),
  sheet(6, "EXPLANATION_REQUESTED", { requests: 2, answered: 2 }),
];
const summary = (cards: ReturnType<typeof pendingCards>) => cards.map((c) => [c.kind, c.count, c.href]);

describe("pending-work cards", () => {
  it("give the agency its self-scoring with progress and deadline, and the requests it has to answer", () => {
    const own = [sheet(11, "DRAFT", { selfScorable: 24, selfScored: 10 })];
    const cards = pendingCards("AGENCY_HEAD", own, 1, NOW);
    expect(summary(cards)).toEqual([
      ["selfScoring", 14, "/danh-gia/phieu/11"],
      ["explanationRequests", 0, "/danh-gia"],
      ["overdueTasks", 1, "/viec-cua-toi"],
    ]);
    expect(cards[0]).toMatchObject({ deadline: DEADLINE, progress: { done: 10, total: 24 }, year: 2026 });
    const asked = pendingCards("AGENCY_HEAD", [sheet(12, "EXPLANATION_REQUESTED", { requests: 3, answered: 1 })], 0, NOW);
    expect(summary(asked).slice(0, 2)).toEqual([
      ["selfScoring", 0, "/danh-gia"],
      ["explanationRequests", 2, "/danh-gia/phieu/12"],
    ]);
  });

  it("stop counting self-scoring once the deadline has passed (the sheet cannot be changed)", () => {
    const late = pendingCards("AGENCY_HEAD", [sheet(11, "DRAFT", { selfScorable: 24 })], 0, new Date("2026-12-11T00:00:00Z"));
    expect(late[0]).toMatchObject({ kind: "selfScoring", count: 0, progress: null });
  });

  it("give Home Affairs the sheets to appraise, those answered and the agencies still self-scoring", () => {
    expect(summary(pendingCards("HOME_AFFAIRS", province, 3, NOW))).toEqual([
      ["submitted", 2, "/danh-gia/7"],
      ["explanationsAnswered", 1, "/danh-gia/phieu/6"],
      ["stillSelfScoring", 2, "/danh-gia/7"],
      ["overdueTasks", 3, "/viec-cua-toi"],
    ]);
    expect(pendingCards("HOME_AFFAIRS", province, 0, NOW)[2].deadline).toEqual(DEADLINE);
  });

  it("give the leader, who appraises nothing, the agencies still self-scoring and the overdue tasks", () => {
    expect(summary(pendingCards("LEADER", province, 2, NOW))).toEqual([
      ["stillSelfScoring", 2, "/danh-gia/7"],
      ["overdueTasks", 2, "/viec-cua-toi"],
    ]);
  });

  it("link to the list of periods when the work spans several", () => {
    const two = [sheet(3, "SUBMITTED"), sheet(9, "SUBMITTED", { periodId: 8 })];
    expect(pendingCards("ADMIN", two, 0, NOW)[0]).toMatchObject({ kind: "submitted", count: 2, href: "/danh-gia" });
  });

  it("count a sheet as explained only when every request has its answer", () => {
    expect(explanationsAnswered({ status: "EXPLANATION_REQUESTED", requests: 2, answered: 2 })).toBe(true);
    expect(explanationsAnswered({ status: "EXPLANATION_REQUESTED", requests: 2, answered: 1 })).toBe(false);
    expect(explanationsAnswered({ status: "EXPLANATION_REQUESTED", requests: 0, answered: 0 })).toBe(false);
    expect(explanationsAnswered({ status: "ROUND2", requests: 2, answered: 2 })).toBe(false);
  });
});
