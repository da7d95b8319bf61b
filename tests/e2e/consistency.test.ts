// Issue 17, item 6 in Chromium: Home Affairs reaches the consistency page from the assessment area
// and reads the seeded 2025 period's gaps, in Vietnamese number format, at desktop and phone widths;
// a leader of the province reaches it from the dashboard ("a leader can see who over-reports"), a
// leader of another province reads only their own province's (empty) report.
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/prisma";
import { screenshot, signIn } from "../support/browser";
import { e2e } from "../support/portal";

const { baseUrl, databaseUrl, browser, as } = await e2e();
const PHONE = { width: 390, height: 844 };

describe("the consistency page", () => {
  it("is linked from the assessment periods and shows the gaps, the rule and the verdicts", async () => {
    const { context, page } = await as("HOME_AFFAIRS", { at: "/danh-gia" });
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
    const { context, page } = await as("HOME_AFFAIRS", { viewport: PHONE, at: "/danh-gia/nhat-quan?nam=2025" });
    await expect(page.getByTestId("consistency-criteria").isVisible()).resolves.toBe(true);
    await screenshot(page, "nhat-quan-390");
    await context.close();
  });

  it("is reached by the province's leader from the dashboard, with the same agencies", async () => {
    const { context, page } = await as("LEADER", { at: "/bang-dieu-khien" });
    await page.getByTestId("leader-analytics").getByTestId("consistency-link").click();
    await page.waitForURL(/\/danh-gia\/nhat-quan/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Độ khớp giữa tự chấm và thẩm định");
    const agencies = page.getByTestId("consistency-agencies").locator("tbody tr");
    expect(await agencies.count()).toBeGreaterThan(3);
    await expect(agencies.first().textContent()).resolves.toMatch(/Sở/);
    await screenshot(page, "nhat-quan-lanh-dao-1366");
    await context.close();
  });

  it("shows a leader of another province nothing of this one", async () => {
    const db = createPrismaClient(databaseUrl, 1);
    const template = await db.user.findUniqueOrThrow({ where: { email: "lanhdao@demo.local" } });
    const hanoi = await db.province.findFirstOrThrow({ where: { code: "01", validTo: null } });
    await db.user.create({
      data: {
        email: "lanhdao-hanoi@demo.local",
        name: "Lãnh đạo Hà Nội",
        role: "LEADER",
        provinceId: hanoi.id,
        passwordHash: template.passwordHash,
        isDemo: true,
      },
    });
    await db.$disconnect();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "vi-VN" });
    const page = await context.newPage();
    await signIn(page, baseUrl, "lanhdao-hanoi@demo.local");
    await page.waitForURL(/\/trang-chu$/);
    const response = await page.goto(`${baseUrl}/danh-gia/nhat-quan?nam=2025`);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("consistency-agencies").count()).resolves.toBe(0);
    await expect(page.locator("main").textContent()).resolves.not.toMatch(/Sở Tư pháp/);
    await context.close();
  });

  it("is refused to an agency head", async () => {
    const { context, page } = await as("AGENCY_HEAD");
    const response = await page.goto(`${baseUrl}/danh-gia/nhat-quan`);
    expect(response?.status()).toBe(403);
    await context.close();
  });
});
