// From a directive's targets to the leader's dashboard, in Chromium: staff enter this year's plan
// (4300/KH-UBND: PAR INDEX ≥ 80% of the maximum, up 10–15 places); its targets are "not yet known"
// until the year's result exists; once staff enter An Giang's result, the leader sees the first
// target met and the second still not decidable (An Giang was formed in 2025: no earlier rank of
// the same unit to compare with).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, lastAnswerSeq } from "../support/browser";
import { e2e } from "../support/portal";

const { as } = await e2e();
const YEAR = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date()).slice(0, 4));

// The plan's two province targets (the same plan also carries each agency's commitments).
const NUMBER = "4300/KH-UBND";
const targetRows = (page: Page) => page.locator("[data-testid=targets-table] tbody tr", { hasText: NUMBER });

/** Submits a form and waits for the message that answers it. */
async function submit(page: Page, testId: string): Promise<string> {
  const form = page.getByTestId(testId);
  await form.evaluate((node) => node.closest("details")?.setAttribute("open", ""));
  const seq = await lastAnswerSeq(form.locator("[role=status]"));
  // The answer: the message element with the next number, or a new one.
  await form.locator("[role=status]").evaluateAll((nodes) => {
    for (const n of nodes) n.setAttribute("data-old", "");
  });
  await form.locator("button[type=submit]").click();
  const status = form.locator(`[role=status][data-seq="${seq + 1}"], [role=status]:not([data-old])`).first();
  await status.waitFor({ state: "attached" });
  return (await status.textContent()) ?? "";
}

describe("targets of a directive on the leader dashboard", () => {
  it("are entered with the plan by Home Affairs staff", async () => {
    const { context, page } = await as("HOME_AFFAIRS", { at: "/van-ban/moi" });
    const form = page.getByTestId("directive-create");
    await form.locator("[name=number]").fill(NUMBER);
    await form.locator("[name=kind]").selectOption("KE_HOACH");
    await form.locator("[data-field-for=issuedOn]").fill(`01/02/${YEAR}`);
    await form.locator("[name=years]").fill(String(YEAR));
    await form.locator("[name=title]").fill(`Nâng cao Chỉ số CCHC tỉnh An Giang năm ${YEAR}`);
    await form.locator("button[type=submit]").click();
    await page.waitForURL(/\/van-ban\/\d+$/);
    const target = page.getByTestId("target-add");
    for (const [kind, value, valueMax] of [
      ["MIN_PERCENT_OF_MAX", "80", ""],
      ["RANK_IMPROVEMENT", "10", "15"],
    ]) {
      await target.evaluate((node) => node.closest("details")?.setAttribute("open", ""));
      await target.locator("[name=kind]").selectOption(kind);
      await target.locator("[name=indexCode]").selectOption("PAR_INDEX");
      await target.locator("[name=value]").fill(value);
      if (valueMax) await target.locator("[name=valueMax]").fill(valueMax);
      expect(await submit(page, "target-add")).toBe("Đã thêm chỉ tiêu.");
    }
    await context.close();
  });

  it("are not yet known before the year's result is published", async () => {
    const { context, page } = await as("LEADER", { at: `/bang-dieu-khien?nam=${YEAR}` });
    await expect(targetRows(page).count()).resolves.toBe(2);
    for (const row of await targetRows(page).all()) await expect(row.textContent()).resolves.toContain("Chưa xác định");
    await screenshot(page, "bang-dieu-khien-chi-tieu-chua-co-ket-qua");
    await context.close();
  });

  it("are evaluated once Home Affairs staff enter the result", async () => {
    const staff = await as("HOME_AFFAIRS", { at: `/ket-qua/nhap?index=PAR_INDEX&year=${YEAR}` });
    const form = staff.page.getByTestId("result-form");
    await expect(form.locator("[name=provinceId] option:checked").textContent()).resolves.toContain("An Giang");
    await form.locator("[name=score]").fill("88,5");
    await form.locator("[name=officialRank]").fill("12");
    await form.locator("[name=source]").fill("Kiểm thử đầu cuối (không phải số liệu công bố)");
    await form.locator("button[type=submit]").click();
    await expect(staff.page.getByTestId("form-status").textContent()).resolves.toMatch(/Đã lưu|Đã ghi/);
    await staff.context.close();

    const { context, page } = await as("LEADER", { at: `/bang-dieu-khien?nam=${YEAR}` });
    const rows = targetRows(page);
    await expect(rows.count()).resolves.toBe(2);
    const texts = await rows.allTextContents();
    const percent = texts.find((t) => t.includes("80"))!;
    expect(percent).toContain("Đạt");
    expect(percent).toContain("88,5");
    const places = texts.find((t) => /10–15 bậc/.test(t))!;
    expect(places).toContain("Chưa xác định");
    await screenshot(page, "bang-dieu-khien-chi-tieu-da-danh-gia");
    await context.close();
  });
});
