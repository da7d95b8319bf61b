// The pure parts of the province map: which boundaries a year draws (lib/maps/geometry.ts), the
// colour classes (lib/maps/choropleth.ts), and that the boundary files copied into public/geo
// hold exactly the units of the seed's reference data, with both archipelagos.
import fs from "node:fs";
import path from "node:path";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { classColors, classOfScore, groupColors, PALETTE, scoreClasses } from "@/lib/maps/choropleth";
import { GEOMETRIES, geometryForYear, geometryOn, mapYears } from "@/lib/maps/geometry";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("which boundaries a map draws", () => {
  it("draws a year's results on the units they belong to: 63 up to 2024, 34 from 2025", () => {
    expect(geometryForYear(2012).key).toBe("63");
    expect(geometryForYear(2024).key).toBe("63");
    expect(geometryForYear(2025).key).toBe("34");
    expect(geometryForYear(2031).key).toBe("34");
  });
  it("draws the boundaries in force on a day (a profile's unit): the merger day is the 34's first", () => {
    expect(geometryOn(new Date("2025-06-30T00:00:00Z")).key).toBe("63");
    expect(geometryOn(new Date("2025-07-01T00:00:00Z")).key).toBe("34");
    expect(geometryOn(new Date("2001-01-01T00:00:00Z")).key).toBe("63");
  });
  it("offers the years with results and the latest one due, newest first, never the current year", () => {
    expect(mapYears([2023, 2024, 2019], 2026)).toEqual([2025, 2024, 2023, 2019]);
    expect(mapYears([2024, 2025], 2026)).toEqual([2025, 2024]);
    expect(mapYears([], 2026)).toEqual([2025]);
  });

  for (const geometry of GEOMETRIES) {
    it(`${geometry.path} holds exactly the ${geometry.unitCount} units of the reference data, and both archipelagos`, () => {
      const topology = JSON.parse(fs.readFileSync(path.join(ROOT, "public", geometry.path), "utf8")) as Topology;
      const provinces = feature(topology, topology.objects.provinces) as unknown as { features: { properties: { code: string } }[] };
      const csv = fs.readFileSync(path.join(ROOT, "prisma/seed-data", `provinces-${geometry.key}.csv`), "utf8");
      const codes = csv
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.split(",")[0]);
      expect(codes).toHaveLength(geometry.unitCount);
      expect(provinces.features.map((f) => f.properties.code).sort()).toEqual(codes.sort());
      const archipelagos = feature(topology, topology.objects.archipelagos) as unknown as { features: { properties: { code: string; name: string } }[] };
      expect(archipelagos.features.map((f) => [f.properties.code, f.properties.name])).toEqual([
        ["48", "Quần đảo Hoàng Sa"],
        ["56", "Quần đảo Trường Sa"],
      ]);
    });
  }
});

describe("colour classes", () => {
  it("spreads fewer classes over the palette, light to dark", () => {
    expect(classColors(5)).toEqual([...PALETTE]);
    expect(classColors(3)).toEqual([PALETTE[0], PALETTE[2], PALETTE[4]]);
    expect(classColors(1)).toEqual([PALETTE[4]]);
    expect(classColors(0)).toEqual([]);
  });
  it("cuts the known scores into classes of about equal size, lowest first", () => {
    const classes = scoreClasses([80, 81, 82, 83, 84, 85, 86, 87, 88, 89]);
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [80, 81],
      [82, 83],
      [84, 85],
      [86, 87],
      [88, 89],
    ]);
    expect(classes.map((c) => c.color)).toEqual([...PALETTE]);
  });
  it("never splits equal scores, and gives fewer classes for fewer distinct scores", () => {
    const classes = scoreClasses([90, 90, 90, 85, 85, 70]);
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [70, 70],
      [85, 85],
      [90, 90],
    ]);
    expect(scoreClasses([])).toEqual([]);
    expect(scoreClasses([88.5]).map((c) => [c.min, c.max, c.color])).toEqual([[88.5, 88.5, PALETTE[4]]]);
  });
  it("puts every known score in exactly one class, and no score in none", () => {
    const scores = [91.2, 88.37, 86.1, 86.1, 84.95, 83.3, 80.02, 79.5, 95];
    const classes = scoreClasses(scores);
    for (const score of scores) {
      const found = classOfScore(score, classes)!;
      expect(score).toBeGreaterThanOrEqual(found.min);
      expect(score).toBeLessThanOrEqual(found.max);
    }
    expect(classOfScore(null, classes)).toBeNull();
  });
  it("colours groups by their minimum, the best darkest, whatever order the framework lists them", () => {
    const groups = groupColors([
      { label: "C", minScore: 70 },
      { label: "A", minScore: 90 },
      { label: "D", minScore: 0 },
      { label: "B", minScore: 80 },
    ]);
    expect(groups).toEqual([
      { label: "A", color: PALETTE[4] },
      { label: "B", color: PALETTE[3] },
      { label: "C", color: PALETTE[1] },
      { label: "D", color: PALETTE[0] },
    ]);
  });
});
