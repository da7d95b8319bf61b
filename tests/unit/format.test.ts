import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDateTime, formatScore, sourceHref } from "@/lib/format";

describe("vi-VN formats", () => {
  it("writes scores with a decimal comma and two decimals", () => {
    expect(formatScore(92.18)).toBe("92,18");
    expect(formatScore(85.3)).toBe("85,30");
    expect(formatScore(null)).toBe("—");
  });
  it("writes dates day first and in Vietnam's time zone", () => {
    expect(formatCalendarDate(new Date("2021-09-20T00:00:00Z"))).toBe("20/09/2021");
    // 17:30 UTC is already the next day in Hà Nội.
    expect(formatDateTime(new Date("2025-12-15T17:30:00Z"))).toContain("16/12/2025");
  });
});

describe("sourceHref", () => {
  it("links host-and-path citations", () => {
    expect(sourceHref("news.gov.vn/Utilities/PrintView.aspx?ID=40168")).toBe("https://news.gov.vn/Utilities/PrintView.aspx?ID=40168");
    expect(sourceHref("sonoivu.angiang.gov.vn (An Giang: Xếp hạng 8/63 năm 2018)")).toBe("https://sonoivu.angiang.gov.vn");
  });
  it("leaves other text unlinked", () => {
    expect(sourceHref("Báo cáo của Bộ Nội vụ")).toBeNull();
    expect(sourceHref("javascript:alert(1)")).toBeNull();
  });
});
