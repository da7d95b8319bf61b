// The ranking rule (lib/results/ranking.ts) on hand-worked tables, beyond tests/unit/ranking.test.ts:
// how each bound of a partial table follows from the rows above and below it.
import { describe, expect, it } from "vitest";
import { competitionRanks, rankChange, rankPublished, rankTable } from "@/lib/results/ranking";

const row = (key: string, score: number, officialRank: number | null = null) => ({ key, score, officialRank });
const bounds = (rows: ReturnType<typeof rankTable>) => rows.map((r) => [r.key, r.rank, r.rankMin, r.rankMax]);

describe("competition ranking", () => {
  it("ranks scores given in any order, without reordering them", () => {
    const scores = [80, 92.5, 85, 92.5];
    expect(competitionRanks(scores)).toEqual([4, 1, 3, 1]);
    expect(scores).toEqual([80, 92.5, 85, 92.5]);
  });
});

describe("display order", () => {
  it("is by score descending, equal scores by unit code", () => {
    expect(rankTable([row("31", 85), row("22", 90), row("01", 85)], 3).map((r) => r.key)).toEqual(["22", "01", "31"]);
  });
});

describe("a complete table", () => {
  it("gives every row a definite rank, also a row whose official rank is missing", () => {
    expect(bounds(rankTable([row("a", 90, 1), row("b", 85), row("c", 80, 3)], 3))).toEqual([
      ["a", 1, 1, 1],
      ["b", 2, 2, 2],
      ["c", 3, 3, 3],
    ]);
  });
  it("is complete also when more rows are known than units were ranked", () => {
    expect(bounds(rankTable([row("a", 90), row("b", 85), row("c", 80)], 2))).toEqual([
      ["a", 1, 1, 1],
      ["b", 2, 2, 2],
      ["c", 3, 3, 3],
    ]);
  });
});

describe("bounds on a partial table (63 units ranked)", () => {
  it("an official rank below caps the rank of the rows above it", () => {
    // b is 5th: a, scoring more, is at worst 4th. (A row's own official rank is checked against
    // the bounds the other rows give it, not used to make them.)
    expect(bounds(rankTable([row("a", 90), row("b", 80, 5)], 63))).toEqual([
      ["a", null, 1, 4],
      ["b", 5, 2, 63],
    ]);
  });
  it("the cap passes up through unranked rows", () => {
    // c is 10th: b at worst 9th, so a at worst 8th.
    expect(bounds(rankTable([row("a", 90), row("b", 85), row("c", 80, 10)], 63))).toEqual([
      ["a", null, 1, 8],
      ["b", null, 2, 9],
      ["c", 10, 3, 63],
    ]);
  });
  it("an official rank above raises the lower bound of the rows below it", () => {
    // a is 10th: b, scoring less, is at best 11th.
    expect(bounds(rankTable([row("a", 95, 10), row("b", 90)], 63))).toEqual([
      ["a", 10, 1, 62],
      ["b", null, 11, 63],
    ]);
  });
  it("the raise passes down through unranked rows", () => {
    expect(bounds(rankTable([row("a", 95, 10), row("b", 90), row("c", 85)], 63))).toEqual([
      ["a", 10, 1, 61],
      ["b", null, 11, 62],
      ["c", null, 12, 63],
    ]);
  });
  it("equal scores share their bounds, and leave room for each other below", () => {
    expect(bounds(rankTable([row("a", 90), row("b", 90), row("c", 85)], 63))).toEqual([
      ["a", null, 1, 61],
      ["b", null, 1, 61],
      ["c", null, 3, 63],
    ]);
  });
  it("a tied row takes its twin's official rank only when the bounds allow it", () => {
    // b's twin c claims 1st, but a scores more: c's claim disagrees and b keeps its bounds.
    const ranked = rankTable([row("a", 95, 1), row("b", 90), row("c", 90, 1)], 63);
    expect(ranked.find((r) => r.key === "b")).toMatchObject({ rank: null, rankMin: 2 });
    expect(ranked.find((r) => r.key === "c")).toMatchObject({ rank: 1, officialRankDisagrees: true });
  });
  it("a tie's official rank, given on any of its rows, bounds the rows below", () => {
    // a and b tie; b was published 3rd (two unknown units above), so c is at best 4th.
    expect(bounds(rankTable([row("a", 90), row("b", 90, 3), row("c", 80)], 10))).toEqual([
      ["a", 3, 3, 3],
      ["b", 3, 1, 8],
      ["c", null, 4, 10],
    ]);
  });
  it("a tied row takes the official rank of whichever twin has one", () => {
    expect(bounds(rankTable([row("a", 90), row("b", 90), row("c", 90, 4), row("d", 70)], 10)).slice(0, 2)).toEqual([
      ["a", 4, 4, 4],
      ["b", 4, 4, 4],
    ]);
  });
  it("a twin's official rank on either bound is taken; one past the upper bound is not", () => {
    const twin = (rank: number) => rankTable([row("a", 90), row("b", 90, rank), row("c", 80)], 10)[0];
    // a lies between 1st and 8th (c and a's twin below or beside it).
    expect(twin(1)).toMatchObject({ rank: 1, rankMin: 1, rankMax: 1 });
    expect(twin(8)).toMatchObject({ rank: 8, rankMin: 8, rankMax: 8 });
    expect(twin(9)).toMatchObject({ rank: null, rankMin: 1, rankMax: 8 });
  });
  it("an official rank on either bound agrees with the scores; one past them does not", () => {
    const disagrees = (rank: number) => rankTable([row("a", 95, 3), row("b", 90, rank), row("c", 85, 8)], 63).find((r) => r.key === "b")!.officialRankDisagrees;
    // b lies between 4th (after a) and 7th (before c).
    expect([3, 4, 7, 8].map(disagrees)).toEqual([true, false, false, true]);
  });
});

describe("places gained", () => {
  it("are unknown without last year's rank", () => {
    expect(rankChange(7, null)).toBeNull();
    expect(rankChange(7, 7)).toBe(0);
  });
});

describe("ranks published without a score", () => {
  const rankOnly = (key: string, officialRank: number) => ({ key, officialRank });

  it("narrow the bounds of the scored rows they are known to be above or below", () => {
    // c is ranked 5th. Alone, the known scores put it 3rd to 63rd; x ranked 3rd is above it and
    // z ranked 10th below it, so the scores allow 4th to 9th. a and b (1–3, 2–4) may share 3rd
    // place with x, so x tells nothing about them.
    expect(bounds(rankTable([row("a", 95), row("b", 90), row("c", 85, 5)], 63))).toEqual([
      ["a", null, 1, 3],
      ["b", null, 2, 4],
      ["c", 5, 3, 63],
    ]);
    expect(bounds(rankTable([row("a", 95), row("b", 90), row("c", 85, 5)], 63, [rankOnly("x", 3), rankOnly("z", 10)]))).toEqual([
      ["a", null, 1, 3],
      ["b", null, 2, 4],
      ["c", 5, 4, 9],
    ]);
  });

  it("count as a unit above, and so reveal an official rank the scores contradict", () => {
    // x shares 1st place with a, so two units score more than b: it is 3rd, not 2nd as printed.
    const ranked = rankTable([row("a", 95, 1), row("b", 90, 2), row("c", 80, 4)], 63, [rankOnly("x", 1)]);
    expect(bounds(ranked)).toEqual([
      ["a", 1, 1, 1],
      ["b", 2, 3, 3],
      ["c", 4, 4, 63],
    ]);
    expect(ranked.find((r) => r.key === "b")!.officialRankDisagrees).toBe(true);
    expect(rankTable([row("a", 95, 1), row("b", 90, 2), row("c", 80, 4)], 63)[1].officialRankDisagrees).toBe(false);
  });

  it("keep a tie with a rank-only unit possible, and are never returned with a score", () => {
    // x 1st, y 2nd, b 4th: a may share 2nd place with y, or be 3rd.
    const ranked = rankTable([row("a", 90), row("b", 80, 4)], 63, [rankOnly("x", 1), rankOnly("y", 2)]);
    expect(ranked.map((r) => r.key)).toEqual(["a", "b"]);
    expect(ranked[0].rankMin).toBeLessThanOrEqual(2);
    expect(ranked[0].rankMax).toBeGreaterThanOrEqual(3);
  });
});

describe("rank-only units and the count of units", () => {
  const rankOnly = (key: string, officialRank: number) => ({ key, officialRank });

  it("a unit ranked alone above a row puts it at best one place below that unit", () => {
    // x is 5th and b 10th: x is above b, so b is at best 6th (not just 3rd, after a and x).
    expect(bounds(rankTable([row("a", 90), row("b", 80, 10)], 63, [rankOnly("x", 5)]))).toEqual([
      ["a", null, 1, 9],
      ["b", 10, 6, 63],
    ]);
  });
  it("two units published tied last leave the row above them two places short of last", () => {
    // y and z are both 63rd of 63 and below a: a is at worst 61st (63 units, y and z not above a).
    expect(bounds(rankTable([row("a", 90, 1)], 63, [rankOnly("y", 63), rankOnly("z", 63)]))).toEqual([["a", 1, 1, 61]]);
  });
  it("counts every unit known when they outnumber the units said to be ranked", () => {
    // 4 units known, 3 said ranked: the table has 4 places. y (4th) is below a, which leaves a at
    // worst 2nd, so x (3rd) is below a too, and a is 1st. b is 2nd to 4th (the last of 4 places).
    expect(bounds(rankTable([row("a", 90), row("b", 80)], 3, [rankOnly("x", 3), rankOnly("y", 4)]))).toEqual([
      ["a", 1, 1, 1],
      ["b", null, 2, 4],
    ]);
  });
  it("a table scoring as many units as were ranked is complete, whatever rank-only units come with it", () => {
    // 2 units ranked, both scored: 1st and 2nd; x, printed 2nd, can only share a place.
    expect(bounds(rankTable([row("a", 90), row("b", 80)], 2, [rankOnly("x", 2)]))).toEqual([
      ["a", 1, 1, 1],
      ["b", 2, 2, 2],
    ]);
  });
});

describe("a published table as pages show it", () => {
  const published = (key: string, score: number | null, officialRank: number | null) => ({ key, score, officialRank });
  const shownRankOnly = (key: string, officialRank: number) => ({
    key,
    score: null,
    officialRank,
    rank: officialRank,
    rankMin: officialRank,
    rankMax: officialRank,
    officialRankDisagrees: false,
  });

  it("puts each rank-only row at its rank, before the first scored row that cannot rank above it", () => {
    // a (no rank) may be 1st, so z (1st) comes after it; b is 5th, so z and m (3rd) come before b.
    // m and z are given out of order, and their keys sort the other way round from their ranks.
    const shown = rankPublished([published("m", null, 3), published("a", 90, null), published("z", null, 1), published("b", 80, 5)], 63);
    expect(shown.map((r) => r.key)).toEqual(["a", "z", "m", "b"]);
    expect(shown[1]).toEqual(shownRankOnly("z", 1));
    expect(shown[2]).toEqual(shownRankOnly("m", 3));
    // z and m are above b, so b is at best 4th; a may share 1st with z, or be anything up to 4th.
    expect(shown.filter((r) => r.score !== null).map((r) => [r.key, r.rank, r.rankMin, r.rankMax])).toEqual([
      ["a", null, 1, 4],
      ["b", 5, 4, 63],
    ]);
  });
  it("places a rank-only row by a scored row's lower bound when that row has no rank", () => {
    // u (1st) is above b, whose best is 3rd (after a and u): u shows between a and b.
    const shown = rankPublished([published("a", 95, null), published("b", 90, null), published("u", null, 1)], 63);
    expect(shown.map((r) => [r.key, r.rank, r.rankMin, r.rankMax])).toEqual([
      ["a", null, 1, 62],
      ["u", 1, 1, 1],
      ["b", null, 3, 63],
    ]);
  });
  it("shows rank-only rows ranked below every scored row last, tied ones by unit code", () => {
    const shown = rankPublished([published("a", 90, 1), published("q", null, 7), published("p", null, 7)], 63);
    expect(shown).toEqual([
      { key: "a", score: 90, officialRank: 1, rank: 1, rankMin: 1, rankMax: 6, officialRankDisagrees: false },
      shownRankOnly("p", 7),
      shownRankOnly("q", 7),
    ]);
  });
  it("leaves out a row with neither score nor rank", () => {
    expect(rankPublished([published("a", 90, 1), published("n", null, null)], 63).map((r) => r.key)).toEqual(["a"]);
  });
});
