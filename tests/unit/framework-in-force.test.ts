// Which version of a national framework is in force for a year (lib/frameworks/versioning.ts: inForceFor).
import { describe, expect, it } from "vitest";
import { inForceFor } from "@/lib/frameworks/versioning";

const v = (version: number, validFromYear: number, validToYear: number | null) => ({
  id: version * 10,
  version,
  validFromYear,
  validToYear,
});

describe("the framework in force for a year", () => {
  const frameworks = [v(1, 2017, 2021), v(2, 2022, null), v(3, 2024, 2024)];

  it("is one whose years include the year, first and last years included", () => {
    expect(inForceFor(frameworks, 2017)?.version).toBe(1);
    expect(inForceFor(frameworks, 2021)?.version).toBe(1);
    expect(inForceFor(frameworks, 2022)?.version).toBe(2);
    expect(inForceFor(frameworks, 2030)?.version).toBe(2);
  });

  it("is the newest version when two include the year", () => {
    expect(inForceFor(frameworks, 2024)?.version).toBe(3);
    expect(inForceFor([...frameworks].reverse(), 2024)?.version).toBe(3);
    expect(inForceFor(frameworks, 2025)?.version).toBe(2);
  });

  it("is none before the first one", () => {
    expect(inForceFor(frameworks, 2016)).toBeNull();
    expect(inForceFor([], 2024)).toBeNull();
  });
});
