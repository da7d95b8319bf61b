import { describe, expect, it } from "vitest";
import { pageCount, pageShown } from "@/lib/paging";

describe("the pages of a long list", () => {
  it("counts the pages, an empty list having its one page", () => {
    expect([0, 1, 49, 50, 51, 100, 101].map((total) => pageCount(total, 50))).toEqual([1, 1, 1, 1, 2, 2, 3]);
  });

  it("shows the page asked for, page 1 when none is, and the last page when the address asks past it", () => {
    expect(pageShown(undefined, 120, 50)).toBe(1);
    expect(pageShown(2, 120, 50)).toBe(2);
    expect(pageShown(3, 120, 50)).toBe(3);
    expect(pageShown(4, 120, 50)).toBe(3);
    expect(pageShown(99, 120, 50)).toBe(3);
    expect(pageShown(2, 0, 50)).toBe(1);
  });
});
