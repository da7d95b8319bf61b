// The audit-log page in Chromium: Home Affairs staff change a directive and find the change (who,
// when in Vietnam time, old → new) with the filters, then download it; administrators see it too,
// leaders are refused. Writes only the note of 1586/QĐ-UBND, which no other file reads.
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser";
import { e2e } from "../support/portal";

const { baseUrl, as } = await e2e();
const NOTE = `Ghi chú kiểm tra nhật ký ${Date.now()}`;

describe("audit log", () => {
  it("shows Home Affairs staff their change with its old and new value, filtered, and exports it", async () => {
    const { context, page } = await as("HOME_AFFAIRS", { at: "/van-ban" });
    await page.click("tr[data-number='1586/QĐ-UBND'] a");
    await page.waitForURL(/\/van-ban\/\d+$/);
    const directiveId = /\/van-ban\/(\d+)$/.exec(page.url())![1];
    const form = page.getByTestId("directive-edit");
    await form.evaluate((node) => {
      for (let n: Element | null = node; n; n = n.parentElement) if (n instanceof HTMLDetailsElement) n.open = true;
    });
    await form.locator("[name=note]").fill(NOTE);
    await form.locator("button[type=submit]").click();
    await form.locator("[role=status][data-state=ok]").waitFor({ timeout: 15_000 });

    await page.click("nav[aria-label='Điều hướng chính'] >> text=Nhật ký thay đổi");
    await page.waitForURL(/\/nhat-ky$/);
    const filters = page.getByTestId("audit-filters");
    await filters.locator("[name=user]").selectOption("noivu@demo.local");
    await filters.locator("[name=entity]").selectOption("Directive");
    await filters.locator("[name=entityId]").fill(directiveId);
    await filters.locator("button[type=submit]").click();
    await page.waitForURL(/entity=Directive/);
    const row = page.locator("[data-testid=audit-table] tbody tr").first();
    await expect(row.getAttribute("data-action")).resolves.toBe("directive.update");
    await expect(row.textContent()).resolves.toContain("Sửa văn bản");
    await expect(row.getByTestId("audit-changes").textContent()).resolves.toContain(NOTE);
    // The time of the change in Vietnam, as the page shows it.
    const shown = await row.locator("time").textContent();
    const at = new Date((await row.locator("time").getAttribute("datetime"))!);
    expect(shown).toBe(
      new Intl.DateTimeFormat("vi-VN", {
        timeZone: "Asia/Ho_Chi_Minh",
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
      }).format(at),
    );
    await screenshot(page, "nhat-ky-noi-vu");

    const csv = await context.request.get(`${baseUrl}${await page.getByTestId("audit-export-csv").getAttribute("href")}`);
    expect(csv.status()).toBe(200);
    const rows = Papa.parse<string[]>((await csv.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows[0][0]).toBe("Thời điểm (giờ Việt Nam)");
    expect(rows.slice(1).some((r) => r.includes("directive.update") && r.join(" ").includes(NOTE))).toBe(true);
    const xlsx = await context.request.get(`${baseUrl}${await page.getByTestId("audit-export-xlsx").getAttribute("href")}`);
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
    await context.close();
  });

  it("lets administrators see every province, and refuses leaders", async () => {
    const admin = await as("ADMIN", { at: "/nhat-ky?entity=Directive" });
    await expect(admin.page.locator("[data-testid=audit-table] tbody tr[data-action='directive.update']").count()).resolves.toBeGreaterThan(0);
    await expect(admin.page.locator("h1 + p").textContent()).resolves.toContain("toàn quốc");
    await admin.context.close();

    const leader = await as("LEADER");
    await expect(leader.page.locator("nav[aria-label='Điều hướng chính'] >> text=Nhật ký thay đổi").count()).resolves.toBe(0);
    await leader.page.goto(`${baseUrl}/nhat-ky`);
    await expect(leader.page.getByTestId("audit-forbidden").textContent()).resolves.toContain("không có quyền");
    expect((await leader.context.request.get(`${baseUrl}/api/v1/audit/export?format=csv`)).status()).toBe(403);
    await leader.context.close();
  });
});
