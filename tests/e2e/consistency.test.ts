// Issue 17, item 6 in Chromium: Home Affairs reaches the consistency page from the assessment area
// and reads the seeded 2025 period's gaps, in Vietnamese number format, at desktop and phone widths.
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser";
import { e2e } from "../support/portal";

const { baseUrl, as } = await e2e();
const PHONE = { width: 390, height: 844 };

describe("the consistency page", () => {
  it("is linked from the assessment periods and shows the gaps, the rule and the verdicts", async () => {
    const { context, page } = await as("HOME_AFFAIRS");
    await page.goto(`${baseUrl}/danh-gia`);
    await page.getByRole("link", { name: "Độ khớp tự chấm – thẩm định" }).click();
    await page.waitForURL(/\/danh-gia\/nhat-quan/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Độ khớp giữa tự chấm và thẩm định");
    const rows = page.getByTestId("consistency-agencies").locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(3);
    // Vietnamese decimals (a comma) in the self total; a signed gap.
    expect(await rows.first().locator("td").nth(1).textContent()).toMatch(/^\d+,\d\d$/);
    expect(await rows.first().locator("[data-cell=gap-final]").textContent()).toMatch(/^[+−]?\d+(,\d+)?$/);
    await expect(page.getByTestId("consistency-rule").textContent()).resolves.toContain("3 năm gần nhất");
    await screenshot(page, "nhat-quan-1366");
    await context.close();
  });

  it("reads on a phone", async () => {
    const { context, page } = await as("HOME_AFFAIRS", { viewport: PHONE });
    await page.goto(`${baseUrl}/danh-gia/nhat-quan?nam=2025`);
    await expect(page.getByTestId("consistency-criteria").isVisible()).resolves.toBe(true);
    await screenshot(page, "nhat-quan-390");
    await context.close();
  });

  it("is refused to an agency head", async () => {
    const { context, page } = await as("AGENCY_HEAD");
    const response = await page.goto(`${baseUrl}/danh-gia/nhat-quan`);
    expect(response?.status()).toBe(403);
    await context.close();
  });
});
