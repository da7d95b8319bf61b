import { describe, expect, it } from "vitest";
import { actionLabel, auditChanges, changesText, entityLabel, showValue } from "@/lib/audit/view";

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
