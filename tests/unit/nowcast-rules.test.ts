// The PAR INDEX nowcast's rules (issue 17, item 7), on hand-checked cases.
import { describe, expect, it } from "vitest";
import { appraisalGap, expectedTotal, rankBand, totalRange } from "@/lib/dashboards/nowcast/rules";

const part = (code: string, maxPoints: number, value: number | null) => ({ code, maxPoints, value });

describe("expectedTotal", () => {
  it("adds the parts: 50.25 + 8.5 + 17.75 + 5.1 = 81.6", () => {
    const parts = [part("APPRAISAL", 61.5, 50.25), part("SIPAS", 10, 8.5), part("LEADER_SURVEY", 22, 17.75), part("SOCIO_ECONOMIC", 6.5, 5.1)];
    expect(expectedTotal(parts)).toEqual({ total: 81.6, missing: [] });
  });

  it("gives no total when a part is not published, and names the missing ones", () => {
    const parts = [part("APPRAISAL", 61.5, 50.25), part("SIPAS", 10, null), part("LEADER_SURVEY", 22, 17.75), part("SOCIO_ECONOMIC", 6.5, null)];
    expect(expectedTotal(parts)).toEqual({ total: null, missing: ["SIPAS", "SOCIO_ECONOMIC"] });
  });

  it("gives no total without parts", () => {
    expect(expectedTotal([])).toEqual({ total: null, missing: [] });
  });
});

describe("appraisalGap", () => {
  it("is appraised − self: 52.5 appraised of 55 self-assessed is −2.5", () => {
    expect(appraisalGap(55, 52.5)).toBe(-2.5);
    expect(appraisalGap(50, 51.25)).toBe(1.25);
  });

  it("is unknown when either side is", () => {
    expect(appraisalGap(null, 52.5)).toBeNull();
    expect(appraisalGap(55, null)).toBeNull();
  });
});

describe("totalRange", () => {
  it("spans from the total moved by last year's gap to the self-assessed total", () => {
    expect(totalRange(81.6, -2.5)).toEqual({ low: 79.1, high: 81.6 });
    expect(totalRange(81.6, 1)).toEqual({ low: 81.6, high: 82.6 });
  });

  it("is the total alone without a known gap", () => {
    expect(totalRange(81.6, null)).toEqual({ low: 81.6, high: 81.6 });
  });
});

describe("rankBand", () => {
  it("in a complete table: ties share the better rank", () => {
    // Others 90, 85, 85, 80, 75 and the province: 6 units. 85 ties the two 85s below 90 → 2nd;
    // 80 is below 90, 85, 85 and ties 80 → 4th.
    expect(rankBand({ low: 80, high: 85 }, [90, 85, 85, 80, 75], 6)).toEqual({ best: 2, worst: 4 });
    expect(rankBand({ low: 82, high: 82 }, [90, 85, 85, 80, 75], 6)).toEqual({ best: 4, worst: 4 });
    expect(rankBand({ low: 95, high: 95 }, [90, 85, 85, 80, 75], 6)).toEqual({ best: 1, worst: 1 });
  });

  it("in a partial table: the unpublished units could be above or below", () => {
    // 10 units, two others known: 90 above and 70 below 80 → at best 2nd, at worst 10 − 1 = 9th.
    expect(rankBand({ low: 80, high: 80 }, [90, 70], 10)).toEqual({ best: 2, worst: 9 });
    // Above every known score of 5 units with one other known: 1st to 4th.
    expect(rankBand({ low: 95, high: 95 }, [90], 5)).toEqual({ best: 1, worst: 4 });
  });

  it("widens with the range of the total", () => {
    // 79.1–81.6 among 90, 85, 81, 80, 78 (6 units): 81.6 is 3rd at best; 79.1 is 5th at worst.
    expect(rankBand({ low: 79.1, high: 81.6 }, [90, 85, 81, 80, 78], 6)).toEqual({ best: 3, worst: 5 });
  });
});
