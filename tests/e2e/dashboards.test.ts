// The signed-in dashboards in Chromium for every role, with screenshots: the leader's dashboard
// (leader, Home Affairs, administrator) and the agency view (agency head, staff). The numbers
// shown are checked against the database through other routes that read it (the public results
// export, the period's score export, the period page). The tests pin the 2025 demo year where they
// compare numbers.
import Papa from "papaparse";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { keepFile, screenshot } from "../support/browser";
import { pdfParts } from "../support/documents";
import { parseScoresCsv } from "../support/scores-csv";
import { e2e } from "../support/portal";

const { baseUrl, as } = await e2e({ viewport: { width: 1280, height: 900 } });
const vn = (n: number) => new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
const byCode = (a: string, b: string) => a.localeCompare(b, "vi", { numeric: true });

async function csv(context: BrowserContext, url: string) {
  const response = await context.request.get(`${baseUrl}${url}`);
  expect(response.status()).toBe(200);
  return Papa.parse<Record<string, string>>((await response.text()).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
}

/** The 2025 demo period's id, and each criterion's points lost per agency from its score export. */
async function period2025(staff: { context: BrowserContext; page: Page }) {
  await staff.page.goto(`${baseUrl}/bang-dieu-khien?nam=2025`);
  // The period's link (the dashboard also links the consistency report and the nowcast under /danh-gia/).
  const periodLinks = await staff.page.locator("a[href^='/danh-gia/']").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  const periodId = periodLinks
    .find((href) => /^\/danh-gia\/\d+$/.test(href))!
    .split("/")
    .pop()!;
  const response = await staff.context.request.get(`${baseUrl}/api/v1/assessment-periods/${periodId}/scores?format=csv`);
  expect(response.status()).toBe(200);
  const rows = parseScoresCsv(await response.text()).data;
  return {
    periodId,
    rows: rows.map((r) => ({
      agency: r.agency_code,
      code: r.code,
      lost: Math.round((Number(r.max_points) - Number(r.appraised_score || 0)) * 100) / 100,
    })),
  };
}

describe("leader dashboard", () => {
  it("shows the leader where An Giang stands: no own result yet, each old unit's latest with rank and change, from the published table", async () => {
    const { context, page } = await as("LEADER", { at: "/bang-dieu-khien?nam=2025" });
    await expect(page.locator("h1").textContent()).resolves.toBe("Bảng điều khiển CCHC · An Giang");
    await expect(page.getByTestId("province-line").textContent()).resolves.toContain("hình thành từ An Giang (đến 30/06/2025) và Kiên Giang (đến 30/06/2025)");
    await expect(page.getByTestId("no-own-result-PAR_INDEX").textContent()).resolves.toContain("chưa có kết quả PAR INDEX được công bố");

    // The public export of the 2023 table holds the old An Giang (code 89) row the dashboard shows: its latest.
    const published = (await csv(context, "/api/v1/exports/results?index=PAR_INDEX&year=2023&format=csv")).find((r) => r.unit_code === "89")!;
    const line = page.locator("[data-testid=summary-PAR_INDEX] tbody tr", { hasText: "An Giang (đến 30/06/2025)" });
    const text = (await line.textContent())!;
    expect(text).toContain(`2023${vn(Number(published.score))}${published.rank}/63`);
    // No 2022 result was published for it, so no rank change is claimed.
    expect(text).toContain("chưa có kết quả 2022");
    expect(text).not.toMatch(/[▲▼]/);
    await expect(page.locator("[data-testid=summary-PAR_INDEX] tbody tr", { hasText: "Kiên Giang" }).textContent()).resolves.toContain("79,9763/63");
    await expect(page.getByTestId("components-empty-PAR_INDEX").textContent()).resolves.toContain("chưa có dữ liệu thành phần");
    await expect(page.getByTestId("targets-empty").textContent()).resolves.toBe("Chưa có chỉ tiêu năm 2025 trong các văn bản chỉ đạo của tỉnh.");
    // Charts drawn: two trends and the agencies.
    await page.locator(".recharts-surface").nth(2).waitFor();
    await screenshot(page, "bang-dieu-khien-lanhdao");
  });

  it("ranks the agencies as the period page does and lists the ten criteria that lost the most points", async () => {
    const staff = await as("HOME_AFFAIRS");
    const { periodId, rows } = await period2025(staff);
    await staff.page.goto(`${baseUrl}/danh-gia/${periodId}`);
    const periodRows = await staff.page
      .locator("[data-testid=period-table] tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-agency"), tr.querySelector("td")!.textContent, tr.querySelectorAll("td")[5].textContent]));

    await staff.page.goto(`${baseUrl}/bang-dieu-khien?nam=2025`);
    const standings = await staff.page
      .locator("[data-testid=standings-2025] tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-agency"), tr.querySelector("td")!.textContent, tr.querySelectorAll("td")[2].textContent]));
    expect(standings.map(([code, rank, total]) => [code, rank, total]).sort()).toEqual(periodRows.sort());

    const lost = new Map<string, number>();
    for (const r of rows) lost.set(r.code, Math.round(((lost.get(r.code) ?? 0) + r.lost) * 100) / 100);
    const expected = [...lost]
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1] || byCode(a[0], b[0]))
      .slice(0, 10)
      .map(([code]) => code);
    const shown = await staff.page.locator("[data-testid=lost-criteria-2025] tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-code")));
    expect(shown).toEqual(expected);
    await screenshot(staff.page, "bang-dieu-khien-noivu");

    // The same page without a year opens the latest published one.
    await staff.page.goto(`${baseUrl}/bang-dieu-khien`);
    await expect(staff.page.locator("h1").textContent()).resolves.toContain("An Giang");
  });

  it("lets the administrator pick the province", async () => {
    const { page } = await as("ADMIN", { at: "/bang-dieu-khien" });
    await expect(page.locator("h1").textContent()).resolves.toBe("Bảng điều khiển CCHC");
    const form = page.locator("form[aria-label='Chọn tỉnh và năm']");
    const value = await form.locator("select[name=tinh] option", { hasText: "An Giang (mã 91)" }).getAttribute("value");
    await form.locator("select[name=tinh]").selectOption(value!);
    await form.locator("button").click();
    await page.waitForURL(/tinh=\d+/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Bảng điều khiển CCHC · An Giang");
    await page.goto(`${page.url().replace(/nam=\d+/, "")}&nam=2025`);
    await page.locator(".recharts-surface").nth(2).waitFor();
    await screenshot(page, "bang-dieu-khien-quantri");
    // The administrator opens any agency from the ranking of the agencies.
    await page.locator("[data-testid=standings-2025] tr[data-agency=STP] a").click();
    await page.waitForURL(/\/co-quan\/\d+\?nam=2025$/);
    await expect(page.getByTestId("agency-title").textContent()).resolves.toContain("Sở Tư pháp · năm 2025");
  });

  it("refuses another province's dashboard to the leader with a clear message", async () => {
    const { page } = await as("LEADER", { at: "/bang-dieu-khien?tinh=1" });
    await expect(page.getByTestId("forbidden").textContent()).resolves.toContain("Bạn chỉ xem được bảng điều khiển của tỉnh mình (An Giang)");
  });
});

describe("agency view", () => {
  it("lands the agency head on their agency and shows Sở Tư pháp's weakest criterion of 2025 first", async () => {
    const staff = await as("HOME_AFFAIRS");
    const { rows } = await period2025(staff);
    const stp = rows.filter((r) => r.agency === "STP").sort((a, b) => b.lost - a.lost || byCode(a.code, b.code));

    const { page } = await as("AGENCY_HEAD", { at: "/bang-dieu-khien" });
    await screenshot(page, "bang-dieu-khien-thutruong");
    await page.getByTestId("own-agency-link").click();
    await page.waitForURL(/\/co-quan\/\d+$/);
    const agencyUrl = page.url();
    await page.goto(`${agencyUrl}?nam=2025`);
    await expect(page.getByTestId("agency-title").textContent()).resolves.toContain("Sở Tư pháp · năm 2025");
    const first = page.locator("[data-testid=criteria-table] tbody tr").first();
    await expect(first.getAttribute("data-code")).resolves.toBe(stp[0].code);
    await expect(first.getByTestId("lost").textContent()).resolves.toBe(new Intl.NumberFormat("vi-VN").format(stp[0].lost));
    // Flags by icon and text, not colour alone.
    await expect(first.locator("[data-flag=not_scored]").textContent()).resolves.toBe("Không có điểm");
    await expect(first.locator("[data-flag=not_scored] svg").count()).resolves.toBe(1);
    await expect(page.locator("[data-testid=criteria-table] tbody tr").count()).resolves.toBe(stp.length);
    // What to fix: the next classification threshold, the criteria and the rank it would give.
    await expect(page.getByTestId("fix-picks").locator("li").count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId("fix-outcome").textContent()).resolves.toMatch(/hạng \d+\/14 trong các cơ quan cùng kỳ \(hiện hạng \d+\/14/);
    await screenshot(page, "co-quan-thutruong");

    await page.click("text=Theo mã tiêu chí");
    await page.waitForURL(/sap-xep=ma/);
    await expect(page.locator("[data-testid=criteria-table] tbody tr").first().getAttribute("data-code")).resolves.toBe("1.1.1");

    // A target the agency types in: above the maximum is impossible, and the page says so.
    await page.fill("input[name=muc-tieu]", "101");
    await page.click("form[aria-label='Tổng điểm mục tiêu'] button");
    await page.waitForURL(/muc-tieu=101/);
    await expect(page.getByTestId("fix-impossible").textContent()).resolves.toContain("vượt điểm tối đa 100");
    await page.goto(`${agencyUrl}?nam=2025&muc-tieu=abc`);
    await expect(page.getByTestId("bad-param").textContent()).resolves.toContain("Tổng điểm mục tiêu phải là số");
  });

  it("refuses the agency head another agency's view with a clear message; staff open it", async () => {
    const staff = await as("HOME_AFFAIRS", { at: "/bang-dieu-khien?nam=2025" });
    const snvHref = (await staff.page.locator("[data-testid=standings-2025] tr[data-agency=SNV] a").getAttribute("href"))!;
    await staff.page.goto(`${baseUrl}${snvHref}`);
    await expect(staff.page.getByTestId("agency-title").textContent()).resolves.toContain("Sở Nội vụ · năm 2025");
    await screenshot(staff.page, "co-quan-snv-noivu");

    const { page } = await as("AGENCY_HEAD");
    const response = await page.goto(`${baseUrl}${snvHref}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("forbidden").textContent()).resolves.toContain("Thủ trưởng cơ quan chỉ xem được kết quả của cơ quan mình.");
    await expect(page.locator("[data-testid=criteria-table]").count()).resolves.toBe(0);
    await screenshot(page, "co-quan-tu-choi-thutruong");
  });

  it("prints on A4: controls hidden, tables within the page", async () => {
    const { page } = await as("LEADER", { viewport: { width: 688, height: 1000 }, at: "/co-quan?nam=2025" });
    await page.locator("a[href^='/co-quan/']", { hasText: "Sở Tư pháp" }).click();
    await page.waitForURL(/\/co-quan\/\d+\?nam=2025$/);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("form[aria-label='Chọn năm']").isVisible()).resolves.toBe(false);
    await screenshot(page, "co-quan-in-a4");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    keepFile("co-quan-in-a4.pdf", pdf);
    // The first page carries the cards and the start of the criteria table, not the cards alone
    // (a scrolling box, which Chromium does not split, pushed the whole table to page 2).
    const firstCodes = await page
      .locator("[data-testid=criteria-table] tbody tr")
      .evaluateAll((rows) => rows.slice(0, 3).map((row) => row.getAttribute("data-code")));
    const { pages } = await pdfParts(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0].text).toContain("Tổng điểm");
    expect(pages[0].text).toContain((await page.getByTestId("agency-total").textContent())!.split(" ")[0]);
    expect(pages[0].text).toContain("Các tiêu chí năm 2025");
    for (const code of firstCodes) expect(pages[0].text).toContain(`${code}`);

    await page.goto(`${baseUrl}/bang-dieu-khien?nam=2025`);
    await page.locator(".recharts-surface").nth(2).waitFor();
    await page.emulateMedia({ media: "print" });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, "bang-dieu-khien-in-a4");
  });
});
