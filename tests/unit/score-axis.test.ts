// The agency bars' axis (components/charts/chart-styles.ts): just wide enough that close scores
// stay apart, on round ticks.
import { describe, expect, it } from "vitest";
import { axisTicks, bandColor, BAND_COLORS, scoreAxis, UNCLASSIFIED_COLOR } from "@/components/charts/chart-styles";

describe("the agency bars' axis", () => {
  it("starts 5 points below the lowest score, on a multiple of 5, and ends at the maximum", () => {
    expect(scoreAxis([87.5, 97.2], 100)).toEqual([80, 100]);
    expect(scoreAxis([77.5, 100], 100)).toEqual([70, 100]);
    expect(scoreAxis([3, 40], 100)).toEqual([0, 100]);
    expect(scoreAxis([], 100)).toEqual([0, 100]);
  });

  it("ticks every 5 points on a short axis, every 10 or 20 on a longer one, always ending at the maximum", () => {
    expect(axisTicks(80, 100)).toEqual([80, 85, 90, 95, 100]);
    expect(axisTicks(50, 100)).toEqual([50, 60, 70, 80, 90, 100]);
    expect(axisTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(axisTicks(70, 92.5)).toEqual([70, 75, 80, 85, 90, 92.5]);
  });

  it("colours a bar by its band, grey when not classified", () => {
    expect(bandColor(0)).toBe(BAND_COLORS[0]);
    expect(bandColor(9)).toBe(BAND_COLORS[BAND_COLORS.length - 1]);
    expect(bandColor(-1)).toBe(UNCLASSIFIED_COLOR);
  });
});
