// The documents' pure rules: the decree's date line, the annex's sections and ranks, a sheet's
// criteria in tree order with their sums, and the one layout both writers read.
import { describe, expect, it } from "vitest";
import type { SheetCriterion } from "@/lib/assessments/types";
import { criterionLines } from "@/lib/documents/criteria";
import { defaultSettings, fileName, numberLine, placeAndDate } from "@/lib/documents/letterhead";
import { annexSections, percentOfMaximum, rankingAnnexDocument } from "@/lib/documents/ranking-annex";
import { rowLines, rowsThatFit } from "@/lib/documents/leader-summary";
import { trendChartSvg, yearAxis } from "@/lib/documents/trend-chart";
import { balancedLines } from "@/lib/io/document/model";

describe("the place and date line (Nghị định 30/2020)", () => {
  it("puts a 0 before days under 10 and months under 3 only", () => {
    expect(placeAndDate("An Giang", "2021-09-20")).toBe("An Giang, ngày 20 tháng 9 năm 2021");
    expect(placeAndDate("An Giang", "2026-02-05")).toBe("An Giang, ngày 05 tháng 02 năm 2026");
    expect(placeAndDate("Hà Nội", "2025-03-01")).toBe("Hà Nội, ngày 01 tháng 3 năm 2025");
    expect(placeAndDate("Hà Nội", "2025-12-31")).toBe("Hà Nội, ngày 31 tháng 12 năm 2025");
  });

  it("leaves the number for the clerk, and names the bodies after the province", () => {
    expect(numberLine("BC-SNV")).toMatch(/^Số:\s+\/BC-SNV$/);
    expect(defaultSettings({ nameVi: "An Giang", kind: "PROVINCE" }).peoplesCommittee).toBe("Ủy ban nhân dân tỉnh An Giang");
    expect(defaultSettings({ nameVi: "Hà Nội", kind: "CITY" }).peoplesCommittee).toBe("Ủy ban nhân dân thành phố Hà Nội");
    expect(fileName("Báo cáo 1020/UBND-TH: quý III", "pdf")).toBe("Báo cáo 1020-UBND-TH- quý III.pdf");
  });
});

const agency = (name: string, peerGroup: string | null, finalTotal: number | null) => ({
  name,
  peerGroup,
  fieldPoints: {},
  finalTotal,
  maximum: 100,
  classification: null,
});

describe("a header name too long for its column", () => {
  it("goes on two lines broken where they come out most even, and stays whole when it fits", () => {
    expect(balancedLines("ỦY BAN NHÂN DÂN TỈNH AN GIANG", 23)).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG"]);
    expect(balancedLines("SỞ NỘI VỤ", 23)).toEqual(["SỞ NỘI VỤ"]);
    expect(balancedLines("ỦY BAN NHÂN DÂN TỈNH AN GIANG", 40)).toEqual(["ỦY BAN NHÂN DÂN TỈNH AN GIANG"]);
  });
});

describe("the ranking annex", () => {
  it("ranks each peer group on its own, ties sharing a rank, groupless agencies last", () => {
    const sections = annexSections([agency("B", "Sở", 80), agency("A", "Sở", 90), agency("C", "Sở", 80), agency("X", null, 95), agency("D", "Huyện", null)]);
    expect(sections.map((s) => s.group)).toEqual(["Huyện", "Sở", null]);
    expect(sections[1].rows.map((r) => [r.name, r.rank])).toEqual([
      ["A", 1],
      ["B", 2],
      ["C", 2],
    ]);
    expect(sections[0].rows[0].rank).toBeNull();
  });

  it("takes the percentage of each agency's own maximum", () => {
    expect(percentOfMaximum({ finalTotal: 45, maximum: 90 })).toBe(50);
    expect(percentOfMaximum({ finalTotal: null, maximum: 90 })).toBeNull();
  });

  it("is a landscape annex without motto or signature, every agency on a row with vi-VN numbers", () => {
    const document = rankingAnnexDocument(
      {
        year: 2025,
        provinceName: "An Giang",
        published: true,
        fields: [{ id: 1, code: "1", name: "Chỉ đạo" }],
        agencies: [{ ...agency("Sở Tư pháp", null, 85.3), fieldPoints: { 1: 85.3 }, classification: "Tốt" }],
      },
      defaultSettings({ nameVi: "An Giang", kind: "PROVINCE" }),
      "2026-01-15",
    );
    expect(document).toMatchObject({ landscape: true, motto: null, signature: null, kind: "PHỤ LỤC" });
    const table = document.blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.rows[0].cells).toEqual(["1", "Sở Tư pháp", "85,30", "85,30", "85,30", "1", "Tốt"]);
  });
});

describe("a sheet's criteria", () => {
  const node = (id: number, parentId: number | null, level: SheetCriterion["level"], self: number | null, round1: number | null = null): SheetCriterion => ({
    id,
    parentId,
    level,
    code: String(id),
    name: `C${id}`,
    maxPoints: 5,
    method: "APPRAISAL",
    guidance: null,
    requiredEvidence: null,
    score:
      level === "SUB_CRITERION"
        ? {
            id,
            version: 0,
            selfScore: self,
            selfComment: null,
            round1Score: round1,
            round1Comment: null,
            explanationRequest: null,
            explanationResponse: null,
            round2Score: null,
            round2Comment: null,
            finalScore: null,
            notApplicable: false,
            notApplicableReason: null,
            appraisable: false,
            evidence: [],
          }
        : null,
  });

  it("come in tree order with the sums of their sub-criteria", () => {
    const lines = criterionLines([
      node(1, null, "FIELD", null),
      node(3, 2, "SUB_CRITERION", 2.25, 2),
      node(2, 1, "CRITERION", null),
      node(4, 2, "SUB_CRITERION", null, 1.5),
    ]);
    expect(lines.map((l) => [l.criterion.id, l.depth, l.self, l.appraised])).toEqual([
      [1, 0, 2.25, 3.5],
      [2, 1, 2.25, 3.5],
      [3, 2, 2.25, 2],
      [4, 2, null, 1.5],
    ]);
  });
});

describe("the trend chart", () => {
  const axes = { year: "Năm", score: "Điểm" };
  const svg = trendChartSvg(
    [
      {
        label: "An Giang <cũ>",
        points: [
          { year: 2019, value: 80.5 },
          { year: 2020, value: 83.25 },
          { year: 2023, value: 81 },
        ],
      },
    ],
    axes,
    { width: 150, height: 40 },
  );

  it("draws a line per unit with its legend, text escaped, and its axes titled", () => {
    expect(svg).toContain("<polyline");
    expect(svg).toContain("An Giang &lt;cũ&gt;");
    expect(svg).toContain(">Năm<");
    expect(svg).toContain(">Điểm<");
  });

  it("is sized in printed points, so its labels print at 10 pt", () => {
    expect(svg).toMatch(/viewBox="0 0 425\.2\d* 113\.3\d*"/);
    const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
  });

  it("spaces the years by time: a year without a result keeps its place on the axis", () => {
    const tick = (year: number) => Number(svg.match(new RegExp(`x="([\\d.]+)"[^>]*>${year}<`))![1]);
    for (const year of [2019, 2020, 2021, 2022, 2023]) expect(svg).toContain(`>${year}<`);
    expect(tick(2023) - tick(2020)).toBeCloseTo(3 * (tick(2020) - tick(2019)), 1);
    expect(yearAxis([2012, 2024]).labelled).toEqual([2012, 2014, 2016, 2018, 2020, 2022, 2024]);
  });
});

describe("the leader summary's room on its page", () => {
  const columns = [
    { title: "Chỉ tiêu", width: 50 },
    { title: "Kết quả", width: 50 },
  ];
  const row = (length: number) => ({ cells: ["x".repeat(length), "y"] });

  it("counts a row's lines by its longest cell at its column's width", () => {
    expect(rowLines(row(10), columns)).toBe(1);
    expect(rowLines(row(200), columns)).toBeGreaterThan(3);
  });

  it("keeps the first rows that fit with their header row and counts the others", () => {
    const fit = rowsThatFit([row(10), row(10), row(200), row(10)], columns, 4);
    expect(fit.rows).toHaveLength(2);
    expect(fit).toMatchObject({ used: 3, left: 2 });
  });
});
