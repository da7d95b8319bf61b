import { describe, expect, it } from "vitest";
import type { AuditAction, AuditEntity } from "@/lib/audit/log";
import { AUDIT_ENTITIES, actionLabel, auditChanges, changesText, entityLabel, showValue } from "@/lib/audit/view";

// Every change the portal records and every kind of row it records it on (the type check below
// fails when lib/audit/log.ts gains one that is not listed here).
const ACTIONS = [
  "assessment.adjust",
  "assessment.submit",
  "assessment.requestExplanations",
  "assessment.startRound2",
  "assessment.finalize",
  "assessment.returnForCorrection",
  "assessment.withdraw",
  "assessment.extendDeadline",
  "assessmentPeriod.open",
  "assessmentPeriod.addAgency",
  "assessmentPeriod.publish",
  "criterion.create",
  "criterion.update",
  "criterion.delete",
  "criterionScore.selfScore",
  "criterionScore.explain",
  "criterionScore.appraiseRound1",
  "criterionScore.appraiseRound2",
  "criterionScore.requestExplanation",
  "criterionScore.import.self",
  "criterionScore.import.round1",
  "criterionScore.import.round2",
  "criterionScore.import.survey",
  "criterionScore.notApplicable",
  "criterionScore.applicable",
  "directive.create",
  "directive.update",
  "directive.link",
  "directive.unlink",
  "directive.file.add",
  "directive.file.remove",
  "evidence.add",
  "evidence.remove",
  "framework.create",
  "framework.update",
  "framework.newVersion",
  "framework.replaceTree",
  "framework.setMaxPoints",
  "framework.setGradeBands",
  "framework.setComponents",
  "publishedResult.create",
  "publishedResult.update",
  "publishedResult.import",
  "report.submit",
  "report.update",
  "target.create",
  "target.bulkCreate",
  "target.update",
  "target.delete",
  "task.create",
  "task.update",
  "task.delete",
  "task.progress",
  "task.file.add",
  "task.file.remove",
  "user.create",
  "user.locale",
  "user.import",
  "user.update",
  "user.disable",
  "user.enable",
  "user.delete",
  "user.unlock",
  "user.invite",
  "user.resetPassword",
  "user.setPassword",
  "user.changePassword",
  "agency.create",
  "agency.import",
  "agency.update",
  "agency.end",
  "agency.delete",
  "agency.merge",
  "agency.split",
  "peerGroup.create",
  "documentSettings.update",
  "job.retry",
  "job.run",
  "councilAssignment.add",
  "councilAssignment.remove",
] as const satisfies readonly AuditAction[];
// The kinds of rows: lib's own list (AUDIT_ENTITIES), checked below like the actions.
const ENTITIES = AUDIT_ENTITIES;
type Unlisted = Exclude<AuditAction, (typeof ACTIONS)[number]> | Exclude<AuditEntity, (typeof ENTITIES)[number]>;
const everyOneListed: [Unlisted] extends [never] ? true : Unlisted = true;

describe("an audit row as people read it", () => {
  it("lists the changed fields old → new and keeps the unchanged ones as context", () => {
    const changes = auditChanges(
      { selfScore: null, selfComment: null, criterion: "1.1.1", agency: "STP" },
      { selfScore: 1.5, selfComment: "Đã ban hành kế hoạch", criterion: "1.1.1", agency: "STP" },
    );
    expect(changes.changes).toEqual([
      { field: "selfScore", old: "(trống)", new: "1,5" },
      { field: "selfComment", old: "(trống)", new: "Đã ban hành kế hoạch" },
    ]);
    expect(changes.context).toEqual([
      { field: "criterion", value: "1.1.1" },
      { field: "agency", value: "STP" },
    ]);
    expect(changesText(changes)).toBe("selfScore: (trống) → 1,5; selfComment: (trống) → Đã ban hành kế hoạch");
  });

  it("handles a creation, a deletion, nested objects and plain values", () => {
    expect(auditChanges(null, { year: 2026 }).changes).toEqual([{ field: "year", old: "(trống)", new: "2026" }]);
    expect(auditChanges({ fileName: "a.pdf" }, null).changes).toEqual([{ field: "fileName", old: "a.pdf", new: "(trống)" }]);
    expect(auditChanges({ meta: { name: "Cũ", maxScore: 100 } }, { meta: { name: "Mới", maxScore: 100 } })).toEqual({
      changes: [{ field: "meta.name", old: "Cũ", new: "Mới" }],
      context: [{ field: "meta.maxScore", value: "100" }],
    });
    expect(auditChanges("cũ", "mới").changes).toEqual([{ field: "", old: "cũ", new: "mới" }]);
  });

  it("shows values the Vietnamese way and shortens long text", () => {
    expect(showValue(92.18)).toBe("92,18");
    expect(showValue(true)).toBe("có");
    expect(showValue([1, 2])).toBe("[1,2]");
    expect(showValue("x".repeat(400))).toHaveLength(301);
  });

  it("names actions and entities in Vietnamese, and keeps an unknown code", () => {
    expect(actionLabel("criterionScore.selfScore")).toBe("Tự chấm điểm");
    expect(actionLabel("something.new")).toBe("something.new");
    expect(entityLabel("PublishedResult")).toBe("Kết quả công bố");
  });
});

describe("the rules of an audit row's display", () => {
  it("an empty text, like a missing value, reads (trống); false reads không", () => {
    expect(showValue("")).toBe("(trống)");
    expect(showValue(undefined)).toBe("(trống)");
    expect(showValue(false)).toBe("không");
    expect(showValue(0)).toBe("0");
  });

  it("text is shortened past 300 characters, not at 300", () => {
    expect(showValue("x".repeat(300))).toBe("x".repeat(300));
    expect(showValue("x".repeat(301))).toBe(`${"x".repeat(300)}…`);
  });

  it("a creation or a deletion has no field that did not change", () => {
    expect(auditChanges(null, { year: 2026 })).toEqual({ changes: [{ field: "year", old: "(trống)", new: "2026" }], context: [] });
    expect(auditChanges({ year: 2026 }, undefined)).toEqual({ changes: [{ field: "year", old: "2026", new: "(trống)" }], context: [] });
  });

  it("an empty nested object is a field of its own", () => {
    expect(auditChanges({ bands: {} }, { bands: { A: 90 } }).changes).toEqual([
      { field: "bands", old: "{}", new: "(trống)" },
      { field: "bands.A", old: "(trống)", new: "90" },
    ]);
  });

  it("a change of a plain value is written as the value's", () => {
    expect(changesText(auditChanges("cũ", "mới"))).toBe("giá trị: cũ → mới");
  });
});

describe("names in the audit log", () => {
  // A person reads the log: every action and every kind of row has a Vietnamese name of its own.
  it("every action recorded has a name of its own, not its code", () => {
    expect(everyOneListed).toBe(true);
    const names = ACTIONS.map(actionLabel);
    // A capitalised phrase, never a code: "Tự chấm điểm", not "criterionScore.selfScore".
    for (const [i, name] of names.entries()) expect(name, ACTIONS[i]).toMatch(/^\p{Lu}[^.]*$/u);
    expect(new Set(names).size).toBe(ACTIONS.length);
  });

  it("every kind of row has a name of its own, not its model's", () => {
    const names = ENTITIES.map(entityLabel);
    for (const [i, name] of names.entries()) {
      expect(name, ENTITIES[i]).not.toBe(ENTITIES[i]);
      expect(name, ENTITIES[i]).toMatch(/^\p{Lu}[^.]*$/u);
    }
    expect(new Set(names).size).toBe(ENTITIES.length);
  });
});
