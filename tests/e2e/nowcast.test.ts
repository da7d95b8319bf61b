// Issue 17, item 7 in Chromium: Home Affairs opens the province's own PAR INDEX self-assessment from
// the assessment area and lands on its sheet; a leader reaches the nowcast from the dashboard and
// reads it marked as an estimate, with the components the data does not publish said plainly
// (desktop and phone); an agency head is refused.
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser";
import { e2e } from "../support/portal";

const { baseUrl, as } = await e2e();

describe("the province's self-assessment and the nowcast", () => {
  it("is opened by Home Affairs: the national framework's sheet, the province itself assessed", async () => {
    const { context, page } = await as("HOME_AFFAIRS", { at: "/danh-gia" });
    await page.getByRole("link", { name: "Tự đánh giá Chỉ số CCHC của tỉnh" }).click();
    await page.waitForURL(/\/danh-gia\/tu-danh-gia$/);
    const form = page.getByTestId("open-self-assessment");
    await form.locator("input[name=year]").fill("2025");
    await form.locator("#self-deadline").fill("15/12/2099");
    await form.getByRole("button", { name: "Mở phiếu tự đánh giá" }).click();
    await page.waitForURL(/\/danh-gia\/phieu\/\d+$/);
    await expect(page.locator("main").textContent()).resolves.toContain("Chỉ số CCHC cấp tỉnh");
    await screenshot(page, "tu-danh-gia-phieu-1366");
    await page.goto(`${baseUrl}/danh-gia/tu-danh-gia`);
    await expect(page.getByTestId("self-assessments").locator("tbody tr").count()).resolves.toBe(1);
    await screenshot(page, "tu-danh-gia-1366");
    await context.close();
  });

  it("is reached by a leader from the dashboard, marked as an estimate, saying what is not published", async () => {
    const { context, page } = await as("LEADER", { at: "/bang-dieu-khien" });
    await page.getByTestId("leader-analytics").getByTestId("nowcast-link").click();
    await page.waitForURL(/\/bang-dieu-khien\/du-bao$/);
    await expect(page.getByTestId("nowcast-title").textContent()).resolves.toMatch(/^Dự báo Chỉ số CCHC năm 2025 .* ước tính$/);
    await expect(page.getByTestId("estimate-badge").first().getAttribute("title")).resolves.toContain("không phải kết quả do Bộ Nội vụ công bố");
    const rows = page.getByTestId("nowcast-components").locator("tbody tr");
    await expect(rows.count()).resolves.toBe(4);
    // The self-assessed part is the sheet's (nothing scored yet: 0 points); today's data publishes no component.
    await expect(page.locator("tr[data-code=APPRAISAL] [data-cell=value]").textContent()).resolves.toBe("0");
    await expect(page.locator("[data-cell=value]", { hasText: "Chưa công bố" }).count()).resolves.toBe(3);
    await expect(page.getByTestId("nowcast-expected").textContent()).resolves.toContain("Chưa tính được tổng điểm dự kiến");
    await expect(page.getByTestId("nowcast-band").textContent()).resolves.toContain("Chưa tính được khoảng hạng");
    await screenshot(page, "du-bao-1366");
    await context.close();
    const phone = await as("LEADER", { viewport: { width: 390, height: 844 }, at: "/bang-dieu-khien/du-bao" });
    await expect(phone.page.getByTestId("nowcast-not-official").isVisible()).resolves.toBe(true);
    await screenshot(phone.page, "du-bao-390");
    await phone.context.close();
  });

  it("is refused to an agency head", async () => {
    const { context, page } = await as("AGENCY_HEAD");
    const response = await page.goto(`${baseUrl}/bang-dieu-khien/du-bao`);
    expect(response?.status()).toBe(403);
    await context.close();
  });
});
