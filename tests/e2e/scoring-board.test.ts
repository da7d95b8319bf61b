// Issue 17 in Chromium: the period control board (progress, a deadline extended for one agency, the
// agency's countdown) and a criterion marked not applicable for one agency, at desktop and phone widths;
// the survey results imported into the survey criterion; a period opened for a peer group.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/prisma";
import { screenshot } from "../support/browser";
import { e2e } from "../support/portal";

const { baseUrl, databaseUrl, as } = await e2e();
const PHONE = { width: 390, height: 844 };
let periodUrl = "";

async function submit(page: Page, testId: string, fill: Record<string, string> = {}): Promise<string> {
  const form = page.getByTestId(testId);
  for (const [name, value] of Object.entries(fill)) await form.locator(`[name=${name}]`).fill(value);
  await form.locator("button[type=submit]").click();
  const status = form.locator("[role=status]");
  await status.waitFor({ timeout: 10_000 }).catch(async (error) => {
    await screenshot(page, `failed-${testId}`);
    throw error;
  });
  return (await status.textContent()) ?? "";
}

describe("the period control board", () => {
  it("Home Affairs opens a year and sees every agency's progress on the board", async () => {
    const { context, page } = await as("HOME_AFFAIRS", { at: "/danh-gia/mo-ky" });
    const form = page.getByTestId("open-period");
    await form.locator("[name=year]").fill("2026");
    await form.locator("[data-field-for=deadline]").fill(new Date(Date.now() + 20 * 86_400_000).toLocaleDateString("en-GB", { timeZone: "UTC" }));
    for (const box of await form.locator("input[name=agencyIds]").all()) await box.uncheck();
    await form.locator("label", { hasText: "Sở Tư pháp" }).locator("input").check();
    await form.locator("label", { hasText: "Sở Nội vụ" }).locator("input").check();
    await form.getByTestId("open-review-button").click();
    await form.getByTestId("open-confirm").click();
    await page.waitForURL(/\/danh-gia\/\d+$/);
    periodUrl = page.url();
    await page.getByTestId("open-board").click();
    await page.waitForURL(/\/dieu-hanh$/);
    await expect(page.locator("[data-testid=board-table] tbody tr").count()).resolves.toBe(2);
    await expect(page.getByTestId("board-summary").textContent()).resolves.toContain("Đã nộp: 0/2");
    await screenshot(page, "dieu-hanh-1366");
    await context.close();
  });

  it("marks a criterion not applicable for Sở Nội vụ: its applicable maximum drops", async () => {
    const { context, page } = await as("HOME_AFFAIRS", { at: `${periodUrl}/dieu-hanh` });
    await page.locator("tr[data-agency=SNV] a", { hasText: "Tiêu chí không áp dụng" }).click();
    await page.waitForURL(/\/khong-ap-dung$/);
    const before = (await page.getByTestId("applicable-max").textContent()) ?? "";
    const code = await page.locator("[data-testid=not-applicable-table] tbody tr").first().getAttribute("data-code");
    // Once marked, the row shows the reason and "Áp dụng lại" instead of the form.
    const form = page.getByTestId(`mark-${code}`);
    await form.locator("[name=reason]").fill("Không có thủ tục hành chính");
    await form.locator("button[type=submit]").click();
    await page.getByTestId(`reapply-${code}`).waitFor();
    await page.reload();
    const after = (await page.getByTestId("applicable-max").textContent()) ?? "";
    expect(after).not.toBe(before);
    await expect(page.locator(`tr[data-code="${code}"]`).textContent()).resolves.toContain("Không có thủ tục hành chính");
    await screenshot(page, "khong-ap-dung-1366");
    await context.close();
  });

  it("extends Sở Tư pháp's deadline with a reason; its head sees the countdown to the new day", async () => {
    const { context, page } = await as("HOME_AFFAIRS", { at: `${periodUrl}/dieu-hanh` });
    await page.locator("tr[data-agency=STP] summary", { hasText: "Gia hạn" }).click();
    // The new day typed as people write it (dd/mm/yyyy), in the date field's text box.
    const day = new Date(Date.now() + 40 * 86_400_000).toLocaleDateString("en-GB", { timeZone: "UTC" });
    await page.getByTestId("extend-STP").locator("[data-field-for=deadline]").fill(day);
    expect(await submit(page, "extend-STP", { reason: "Thay đổi lãnh đạo sở" })).toContain("Đã gia hạn");
    await page.reload();
    await expect(page.locator("tr[data-agency=STP]").textContent()).resolves.toContain("Đã gia hạn: Thay đổi lãnh đạo sở");
    await context.close();

    const head = await as("AGENCY_HEAD", { viewport: PHONE, at: `${periodUrl}/dieu-hanh` });
    await expect(head.page.locator("[data-testid=board-table] tbody tr").count()).resolves.toBe(1);
    const countdown = (await head.page.getByTestId("countdown").textContent()) ?? "";
    expect(Number(countdown.match(/\d+/)?.[0])).toBeGreaterThanOrEqual(39);
    await screenshot(head.page, "dieu-hanh-agency-390");
    await head.context.close();
  });

  it("reads well on a phone for Home Affairs", async () => {
    const { context, page } = await as("HOME_AFFAIRS", { viewport: PHONE, at: `${periodUrl}/dieu-hanh` });
    await screenshot(page, "dieu-hanh-390");
    await page.goto(periodUrl);
    await screenshot(page, "ky-danh-gia-390");
    await page.locator("tr[data-agency=SNV] a").first().waitFor();
    const sheet = await page.locator("tr[data-agency=SNV] a").first().getAttribute("href");
    await page.goto(`${baseUrl}${sheet}/khong-ap-dung`);
    await screenshot(page, "khong-ap-dung-390");
    await context.close();
  });
});

describe("the survey results and peer groups", () => {
  const csv = (text: string) => ({ name: "dieu-tra.csv", mimeType: "text/csv", buffer: Buffer.from(text) });

  it("Home Affairs imports the survey results: a bad file names row and column, a good one fills the survey criterion", async () => {
    const { context, page } = await as("HOME_AFFAIRS", { at: periodUrl });
    await page.getByTestId("open-survey").click();
    await page.waitForURL(/\/dieu-tra$/);
    const form = page.getByTestId("import-form");
    await form.locator("input[type=file]").setInputFiles(csv("agency_code,8.1.1\nSTP,120%\nXYZ,5\n"));
    await form.locator("button[type=submit]").click();
    const errors = page.getByTestId("import-errors");
    await errors.waitFor();
    await expect(errors.locator("tbody tr").allTextContents()).resolves.toEqual([
      expect.stringMatching(/^2\s*8\.1\.1/),
      expect.stringMatching(/^3\s*agency_code.*XYZ/),
    ]);
    await screenshot(page, "dieu-tra-loi-1366");

    await form.locator("input[type=file]").setInputFiles(csv("agency_code,8.1.1\nSTP,85%\nSNV,7.5\n"));
    await form.locator("button[type=submit]").click();
    await page.locator("[data-testid=import-preview][data-dry-run='1']").waitFor();
    await page.getByTestId("import-preview").getByRole("button").click();
    await page.locator("[data-testid=import-preview][data-dry-run='0']").waitFor();
    await page.reload();
    await expect(page.locator("[data-testid=survey-criteria] tr[data-code='8.1.1']").textContent()).resolves.toContain("2/2");
    await screenshot(page, "dieu-tra-1366");
    await context.close();
    const phone = await as("HOME_AFFAIRS", { viewport: PHONE, at: `${periodUrl}/dieu-tra` });
    await screenshot(phone.page, "dieu-tra-390");
    await phone.context.close();
  });

  it("opens a period for one peer group with its agencies only, and shows the year's ranking", async () => {
    const db = createPrismaClient(databaseUrl, 1);
    try {
      const snv = await db.agency.findFirstOrThrow({ where: { code: "SNV", province: { code: "91", validTo: null } } });
      const group = await db.peerGroup.create({ data: { provinceId: snv.provinceId, name: "Sở không có TTHC (e2e)" } });
      await db.agency.update({ where: { id: snv.id }, data: { peerGroupId: group.id } });
    } finally {
      await db.$disconnect();
    }
    const { context, page } = await as("HOME_AFFAIRS", { at: "/danh-gia/mo-ky" });
    const form = page.getByTestId("open-period");
    await form.getByTestId("open-peer-group").selectOption({ label: "Sở không có TTHC (e2e)" });
    await expect(form.locator("input[name=agencyIds]").count()).resolves.toBe(1);
    await expect(form.locator("label", { hasText: "Sở Nội vụ" }).locator("input").isChecked()).resolves.toBe(true);
    await screenshot(page, "mo-ky-nhom-1366");
    await page.goto(`${baseUrl}/danh-gia`);
    await page.getByTestId("year-ranking-link").click();
    await page.waitForURL(/\/xep-hang$/);
    await screenshot(page, "xep-hang-nam-1366");
    await context.close();
  });
});
