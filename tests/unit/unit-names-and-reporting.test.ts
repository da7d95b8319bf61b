// How a unit is named across the 2025 merger (lib/units/lineage.ts: unitLabel) and which agencies a
// directive expects periodic reports from (lib/directives/rules.ts: reportingAgencies).
import { describe, expect, it } from "vitest";
import { reportingAgencies } from "@/lib/directives/rules";
import { unitLabel } from "@/lib/units/lineage";

describe("a unit's name", () => {
  it("says until when an old unit existed and since when a new one exists", () => {
    expect(unitLabel({ nameVi: "An Giang", validFrom: new Date("2004-01-01T00:00:00Z"), validTo: new Date("2025-06-30T00:00:00Z") })).toBe(
      "An Giang (đến 30/06/2025)",
    );
    expect(unitLabel({ nameVi: "An Giang", validFrom: new Date("2025-07-01T00:00:00Z"), validTo: null })).toBe("An Giang (từ 01/07/2025)");
  });
});

describe("the agencies a directive expects reports from", () => {
  const agency = (id: number, name: string) => ({ id, name });
  const task = (status: string, lead: { id: number; name: string } | null, co: { id: number; name: string }[] = []) => ({
    status,
    leadAgency: lead,
    coAgencies: co.map((a) => ({ agency: a })),
  });

  it("are those leading or coordinating a live task and those a target is set for, once each, in Vietnamese order", () => {
    const directive = {
      tasks: [task("IN_PROGRESS", agency(3, "Sở Tư pháp"), [agency(1, "Sở Nội vụ"), agency(2, "Sở Y tế")]), task("DONE", agency(1, "Sở Nội vụ"))],
      targets: [{ agency: agency(4, "Ban Quản lý khu kinh tế") }, { agency: null }, { agency: agency(2, "Sở Y tế") }],
    };
    expect(reportingAgencies(directive)).toEqual([agency(4, "Ban Quản lý khu kinh tế"), agency(1, "Sở Nội vụ"), agency(3, "Sở Tư pháp"), agency(2, "Sở Y tế")]);
  });

  it("leave out the agencies of a cancelled task, lead and coordinating alike", () => {
    const directive = {
      tasks: [task("CANCELLED", agency(3, "Sở Tư pháp"), [agency(1, "Sở Nội vụ")]), task("NOT_STARTED", null, [agency(2, "Sở Y tế")])],
      targets: [],
    };
    expect(reportingAgencies(directive)).toEqual([agency(2, "Sở Y tế")]);
  });

  it("are none for a directive without tasks or agency targets", () => {
    expect(reportingAgencies({ tasks: [], targets: [{ agency: null }] })).toEqual([]);
  });
});
