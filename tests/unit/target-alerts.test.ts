import { describe, expect, it } from "vitest";
import { targetAlerts } from "@/lib/targets/alerts";
import type { TargetStatus } from "@/lib/targets/evaluate";

const target = (id: number, status: TargetStatus) => ({
  id,
  year: 2025,
  unitLabel: "An Giang",
  directive: { id: 7, number: "1020/UBND-TH" },
  evaluation: { status, targetText: "PAR INDEX ≥ 80%" },
});

describe("which targets leaders are told about", () => {
  it("tells every leader of the province of each target at risk or missed, with the status as threshold", () => {
    const alerts = targetAlerts([target(1, "at_risk"), target(2, "missed"), target(3, "met"), target(4, "not_yet_known")], [10, 11]);
    expect(alerts.map((a) => [a.userId, a.subject, a.threshold])).toEqual([
      [10, "target:1", "at_risk"],
      [11, "target:1", "at_risk"],
      [10, "target:2", "missed"],
      [11, "target:2", "missed"],
    ]);
    expect(alerts[0]).toMatchObject({
      kind: "targetStatus",
      link: "/van-ban/7",
      params: { target: "PAR INDEX ≥ 80%", unit: "An Giang", directive: "1020/UBND-TH", year: 2025 },
    });
  });

  it("tells nobody when no target is at risk or missed, or the province has no leader", () => {
    expect(targetAlerts([target(1, "met"), target(2, "not_yet_known")], [10])).toEqual([]);
    expect(targetAlerts([target(1, "missed")], [])).toEqual([]);
  });
});
