import { describe, expect, it } from "vitest";
import { competitionRanks, rankChange, rankTable } from "@/lib/results/ranking";

const row = (key: string, score: number, officialRank: number | null = null) => ({ key, score, officialRank });

describe("competitionRanks", () => {
  it("gives equal scores the same rank and skips the next", () => {
    expect(competitionRanks([90, 85, 85, 80])).toEqual([1, 2, 2, 4]);
  });
});

describe("rankTable on a complete table", () => {
  it("ranks by score descending with shared ranks for ties", () => {
    const ranked = rankTable([row("b", 85), row("a", 90), row("c", 85), row("d", 80)], 4);
    expect(ranked.map((r) => [r.key, r.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4],
    ]);
  });
  it("keeps an official rank and marks it when it contradicts the scores", () => {
    const ranked = rankTable([row("a", 90, 1), row("b", 85, 3), row("c", 80, 3)], 3);
    expect(ranked.find((r) => r.key === "b")).toMatchObject({ rank: 3, rankMin: 2, officialRankDisagrees: true });
    expect(ranked.find((r) => r.key === "a")?.officialRankDisagrees).toBe(false);
  });
});

describe("rankTable on a partial table", () => {
  // PAR INDEX 2021 as published in part: ranks 1–5, 34, 39, 63 and one row without a rank.
  const rows = [
    row("31", 91.8, 1),
    row("22", 91.14, 2),
    row("48", 90.25, 3),
    row("46", 89.32, 4),
    row("26", 89.28, 5),
    row("77", 87.61),
    row("08", 86.57, 34),
    row("51", 86.45, 39),
    row("91", 79.97, 63),
  ];
  const ranked = rankTable(rows, 63);
  it("bounds an unranked row between its known neighbours", () => {
    expect(ranked.find((r) => r.key === "77")).toMatchObject({ rank: null, rankMin: 6, rankMax: 33 });
  });
  it("keeps official ranks that agree with the scores", () => {
    expect(ranked.filter((r) => r.officialRankDisagrees)).toEqual([]);
    expect(ranked.map((r) => r.key)).toEqual(["31", "22", "48", "46", "26", "77", "08", "51", "91"]);
  });
  it("knows only a lower bound when nothing below is ranked", () => {
    const top = rankTable([row("48", 87.14, 1), row("77", 86.14), row("79", 83.83)], 63);
    expect(top[1]).toMatchObject({ rank: null, rankMin: 2, rankMax: 62 });
    expect(top[2]).toMatchObject({ rank: null, rankMin: 3, rankMax: 63 });
  });
  it("gives a tied row the official rank of its twin", () => {
    const tied = rankTable([row("a", 90, 4), row("b", 90)], 63);
    expect(tied[1]).toMatchObject({ rank: 4, officialRankDisagrees: false });
  });
  it("flags an official rank that the known scores make impossible", () => {
    const wrong = rankTable([row("a", 95, 10), row("b", 90, 5)], 63);
    expect(wrong.find((r) => r.key === "b")?.officialRankDisagrees).toBe(true);
  });
});

describe("rankChange", () => {
  it("counts places gained", () => {
    expect(rankChange(15, 5)).toBe(10);
    expect(rankChange(3, 5)).toBe(-2);
    expect(rankChange(null, 5)).toBeNull();
  });
});
