// Headings and decimals of the files people read (lib/io/headings.ts): a column is found under its
// heading in either language or its name, and a CSV number takes the language's decimal mark.
import { describe, expect, it } from "vitest";
import { columnKeys, csvNumber, csvText, rowsByKey } from "@/lib/io/headings";

const VI = { agency_code: "Mã cơ quan", self_score: "Điểm tự chấm" };
const EN = { agency_code: "Agency code", self_score: "Self score" };

describe("columnKeys", () => {
  it("names each column by its heading in any language, its own name, or keeps it", () => {
    expect(columnKeys(["mã cơ quan", "Self score", "ghi chú"], [VI, EN])).toEqual(["agency_code", "self_score", "ghi chú"]);
    expect(columnKeys(["agency_code", "self_score"], [VI, EN])).toEqual(["agency_code", "self_score"]);
  });

  it("reads a heading typed in decomposed Unicode (as some Mac programs save) and with spaces", () => {
    expect(columnKeys([" ĐIỂM TỰ CHẤM ".normalize("NFD")], [VI])).toEqual(["self_score"]);
  });

  it("moves the cells under the names", () => {
    const headings = ["mã cơ quan", "điểm tự chấm"];
    expect(rowsByKey(headings, columnKeys(headings, [VI]), [{ row: 2, values: { "mã cơ quan": "STP", "điểm tự chấm": "1,5" } }])).toEqual([
      { row: 2, values: { agency_code: "STP", self_score: "1,5" } },
    ]);
  });
});

describe("csvNumber", () => {
  it("writes the decimal comma in Vietnamese, the point in English and in an exchange format, never a grouping", () => {
    expect(csvNumber(85.3, "vi")).toBe("85,3");
    expect(csvNumber(85.3, "en")).toBe("85.3");
    expect(csvNumber(85.3, null)).toBe("85.3");
    expect(csvNumber(1234.5, "vi")).toBe("1234,5");
    expect(csvNumber(-2, "vi")).toBe("-2");
    expect([csvText(null, "vi"), csvText("1.1.1", "vi")]).toEqual(["", "1.1.1"]);
  });
});
