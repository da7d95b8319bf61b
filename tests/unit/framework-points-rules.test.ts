// How points are read from what a person typed (lib/frameworks/points.ts), on hand-checked inputs.
import { describe, expect, it } from "vitest";
import { parseDecimal } from "@/lib/frameworks/points";

describe("reading points typed by a person", () => {
  it("takes a comma or a point as the decimal mark, and an empty field as no value", () => {
    expect(parseDecimal("2,5")).toBe(2.5);
    expect(parseDecimal("2.5")).toBe(2.5);
    expect(parseDecimal("-1,25")).toBe(-1.25);
    expect(parseDecimal("   ")).toBeNull();
  });
  it("ignores whitespace anywhere, so digits grouped by spaces read as one number", () => {
    // "1 000" with the space dropped is 1000; " 2 , 5 " is 2.5.
    expect(parseDecimal("1 000")).toBe(1000);
    expect(parseDecimal(" 2 , 5 ")).toBe(2.5);
    expect(parseDecimal("\t7\n")).toBe(7);
  });
  it("refuses anything before the digits that Number() would still read (a plus sign, hex)", () => {
    expect(parseDecimal("+12")).toBeNaN();
    expect(parseDecimal("0x10")).toBeNaN();
  });
  it("refuses anything after the digits that Number() would still read (an exponent, a trailing point)", () => {
    expect(parseDecimal("1e3")).toBeNaN();
    expect(parseDecimal("12.")).toBeNaN();
  });
});
