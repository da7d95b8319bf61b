// The public pages: the ranking with its chart, region filter and downloads, the province
// profiles with one line per unit, and "score needed for rank N". Read-only: seeded data only.
import fs from "node:fs";
import Papa from "papaparse";
import type { BrowserContext, Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { screenshot } from "../support/browser";
import { e2e } from "../support/portal";

const { baseUrl, browser } = await e2e();
let context: BrowserContext;
let page: Page;

beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN", acceptDownloads: true });
  // Chromium does not run resize observers while it lays a page out for printing; freezing them
  // lets the A4 screenshots show what the print CSS alone does with charts drawn at screen width.
  await context.addInitScript(() => {
    const Native = window.ResizeObserver;
    window.ResizeObserver = class extends Native {
      constructor(callback: ResizeObserverCallback) {
        super((entries, observer) => {
          if (!(window as { printFrozen?: boolean }).printFrozen) callback(entries, observer);
        });
      }
    };
  });
  page = await context.newPage();
});

/** Print media on an A4-wide page, with charts left as drawn on screen (see above). */
async function asPrinted() {
  await page.evaluate(() => ((window as { printFrozen?: boolean }).printFrozen = true));
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 718, height: 1000 }); // 210 mm − 2 × 14 mm margins at 96 dpi
}

const rows = () => page.locator("[data-testid=ranking-table] tbody tr");
const bars = () => page.locator("[data-testid=ranking-chart] .recharts-bar-rectangle");

describe("ranking page", () => {
  it("shows PAR INDEX 2023 as a bar chart and a table with the previous year's rank", async () => {
    await page.goto(`${baseUrl}/xep-hang?index=PAR_INDEX&year=2023`);
    await bars().first().waitFor();
    const tableCount = await rows().count();
    expect(tableCount).toBeGreaterThanOrEqual(8);
    // A result published as a rank only has a row and no bar ("điểm chưa công bố").
    const scored = (await page.locator("[data-testid=ranking-table] [data-testid=score]").allTextContents()).filter((s) => /^\d/.test(s));
    await expect(bars().count()).resolves.toBe(scored.length);
    await expect(rows().filter({ hasText: "điểm chưa công bố" }).count()).resolves.toBe(tableCount - scored.length);
    await expect(page.getByTestId("chart-partial").textContent()).resolves.toBe("Bảng chưa đầy đủ");
    // The bar labels are the table's scores, highest first, in vi-VN numbers.
    const labels = await page.locator("[data-testid=ranking-chart] .recharts-label-list text").allTextContents();
    expect(labels).toEqual(scored);
    expect(labels[0]).toBe("92,18");
    await expect(page.locator("[data-testid=ranking-chart]").textContent()).resolves.toContain("TB cả nước 86,98");
    // Quảng Ninh: 1st in 2022 too, so previous rank 1 and no change.
    await expect(rows().first().textContent()).resolves.toMatch(/^1Quảng Ninh92,18A1= 0/);
    await expect(page.locator("[data-testid=ranking-table] thead").textContent()).resolves.toContain("Hạng năm trước");
    await screenshot(page, "xep-hang-bieu-do-par-index-2023");
  });

  it("filters by region, keeps national ranks, and downloads the displayed table as CSV", async () => {
    await page.goto(`${baseUrl}/xep-hang?index=PAR_INDEX&year=2023`);
    await page.selectOption("select[name=region]", "DBSH");
    await page.click("form[aria-label='Chọn chỉ số và năm'] button");
    await page.waitForURL(/region=DBSH/);
    await expect(page.getByTestId("region-heading").textContent()).resolves.toContain("Vùng Đồng bằng sông Hồng");
    await expect(rows().allTextContents()).resolves.toEqual([
      expect.stringMatching(/^1Quảng Ninh92,18/),
      expect.stringMatching(/^2Hải Phòng(one source prints 91.81)?91,87/),
      expect.stringMatching(/^3Hà Nội91,43/),
      expect.stringMatching(/^11Ninh Bình88,72/),
      expect.stringMatching(/^29Nam Định87,32/),
    ]);
    await bars().first().waitFor();
    await expect(bars().count()).resolves.toBe(5);
    await expect(page.locator("[data-testid=ranking-chart]").textContent()).resolves.toContain("TB vùng 88,33");
    await screenshot(page, "xep-hang-vung-dbsh");

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Tải CSV")]);
    expect(download.suggestedFilename()).toBe("xep-hang-PAR_INDEX-2023-DBSH.csv");
    const csv = fs
      .readFileSync((await download.path())!, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(csv[0]).toBe('Hạng,Mã tỉnh,"Tỉnh, thành phố",Vùng,Điểm,Nhóm,Hạng năm trước,Thay đổi (bậc),Nguồn,Ghi chú');
    // A file for people in Vietnamese: the decimal comma, the cell quoted.
    expect(Papa.parse<string[]>(csv.slice(1).join("\r\n")).data.map((cells) => cells.slice(0, 5).join("|"))).toEqual([
      "1|22|Quảng Ninh|Đồng bằng sông Hồng|92,18",
      "2|31|Hải Phòng|Đồng bằng sông Hồng|91,87",
      "3|01|Hà Nội|Đồng bằng sông Hồng|91,43",
      "11|37|Ninh Bình|Đồng bằng sông Hồng|88,72",
      "29|36|Nam Định|Đồng bằng sông Hồng|87,32",
    ]);
    const xlsx = await context.request.get(`${baseUrl}/api/v1/rankings/export?index=PAR_INDEX&year=2023&region=DBSH&format=xlsx`);
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  });

  it("prints the table without the controls", async () => {
    await page.goto(`${baseUrl}/xep-hang?index=PAR_INDEX&year=2023`);
    await bars().first().waitFor();
    await asPrinted();
    await expect(page.locator("form[aria-label='Chọn chỉ số và năm']").isVisible()).resolves.toBe(false);
    await expect(page.locator("text=Tải CSV").isVisible()).resolves.toBe(false);
    await expect(page.locator("header").first().isVisible()).resolves.toBe(false);
    await expect(page.getByTestId("ranking-table").isVisible()).resolves.toBe(true);
    const chart = await page.locator("[data-testid=ranking-chart] svg.recharts-surface").boundingBox();
    const figure = await page.getByTestId("ranking-chart").boundingBox();
    expect(chart!.x + chart!.width).toBeLessThanOrEqual(figure!.x + figure!.width);
    await screenshot(page, "xep-hang-in-a4");
  });

  it("says plainly when no component is published for the year, and ranks by the total", async () => {
    await page.goto(`${baseUrl}/xep-hang?index=PAR_INDEX&year=2023`);
    await expect(page.getByTestId("no-components-note").textContent()).resolves.toContain("Chưa công bố điểm thành phần của PAR INDEX năm 2023");
    await page.goto(`${baseUrl}/xep-hang?index=PAR_INDEX&year=2023&component=sipas`);
    await expect(page.getByTestId("no-components-note").textContent()).resolves.toContain('Thành phần "sipas" chưa được công bố cho PAR INDEX năm 2023');
    await expect(page.getByTestId("component-select").count()).resolves.toBe(0);
    await expect(page.getByTestId("component-ranking-table").count()).resolves.toBe(0);
    await expect(rows().count()).resolves.toBeGreaterThanOrEqual(8);
  });
});

describe("province profile", () => {
  it("opens Quảng Ninh from the ranking and shows its 2023 PAR INDEX 92,18, 1st", async () => {
    await page.goto(`${baseUrl}/xep-hang?index=PAR_INDEX&year=2023`);
    await rows().first().getByRole("link", { name: "Quảng Ninh" }).click();
    await page.waitForURL(/\/tinh\/22\?ngay=2025-06-30$/);
    await expect(page.getByTestId("profile-name").textContent()).resolves.toBe("Quảng Ninh");
    await expect(page.getByTestId("went-into").textContent()).resolves.toContain("Quảng Ninh (từ 01/07/2025)");
    const row2023 = page.locator("[data-testid=profile-table-PAR_INDEX] tbody tr[data-year='2023']");
    await expect(row2023.getByTestId("score").textContent()).resolves.toBe("92,18");
    await expect(row2023.getByTestId("rank").textContent()).resolves.toMatch(/^1\/63hạng công bố/);
    const sipas2023 = page.locator("[data-testid=profile-table-SIPAS] tbody tr[data-year='2023']");
    await expect(sipas2023.getByTestId("score").textContent()).resolves.toBe("90,61");
    // One line for the unit plus the national average, on the score chart of each index.
    await page.locator("[data-testid=index-PAR_INDEX] [data-testid=trend-score] .recharts-line").first().waitFor();
    await expect(page.locator("[data-testid=index-PAR_INDEX] [data-testid=trend-score] [data-testid=legend] li").allTextContents()).resolves.toEqual([
      "Quảng Ninh (đến 30/06/2025)",
      "Trung bình cả nước",
    ]);
    await screenshot(page, "tinh-quang-ninh");
  });

  it("shows the new An Giang through its two old units, each its own labelled line, no combined figure", async () => {
    await page.goto(`${baseUrl}/tinh/91`);
    await expect(page.getByTestId("profile-name").textContent()).resolves.toBe("An Giang");
    await expect(page.getByTestId("formed-from").textContent()).resolves.toMatch(
      /An Giang \(đến 30\/06\/2025\), Kiên Giang \(đến 30\/06\/2025\)|Kiên Giang \(đến 30\/06\/2025\), An Giang \(đến 30\/06\/2025\)/,
    );
    const legend = page.locator("[data-testid=index-PAR_INDEX] [data-testid=trend-score] [data-testid=legend] li");
    await page.locator("[data-testid=index-PAR_INDEX] [data-testid=trend-score] .recharts-line").first().waitFor();
    // Two unit lines and the national average, nothing else: no combined line.
    await expect(page.locator("[data-testid=index-PAR_INDEX] [data-testid=trend-score] .recharts-line").count()).resolves.toBe(3);
    await expect(legend.allTextContents()).resolves.toEqual(["An Giang (đến 30/06/2025)", "Kiên Giang (đến 30/06/2025)", "Trung bình cả nước"]);
    const table = page.locator("[data-testid=profile-table-PAR_INDEX] tbody tr");
    await expect(table.first().textContent()).resolves.toMatch(/^2023An Giang \(đến 30\/06\/2025\)mã 89.*81,3263\/63hạng công bố/);
    await expect(table.filter({ hasText: "Kiên Giang" }).first().textContent()).resolves.toMatch(
      /^2021Kiên Giang \(đến 30\/06\/2025\)mã 91(only province under 80)?79,9763\/63hạng công bố/,
    );
    // Every row names one old unit: the new province has no invented score.
    const units = await page.locator("[data-testid=profile-table-PAR_INDEX] tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-unit-code")));
    expect(new Set(units)).toEqual(new Set(["89", "91"]));
    await expect(page.locator("[data-testid=profile-table-PAR_INDEX]").textContent()).resolves.not.toContain("(từ 01/07/2025)");
    await screenshot(page, "tinh-an-giang-moi");
  });

  it("says what score reaches rank N, plainly when the published table is partial", async () => {
    // Đồng Nai was 8th in 2024: the default target is 10 places up, i.e. 1st (Hải Phòng's 96,17).
    await page.goto(`${baseUrl}/tinh/75?ngay=2025-06-30`);
    const sentence = page.getByTestId("score-for-rank");
    await expect(sentence.textContent()).resolves.toBe(
      "Bảng PAR INDEX năm 2024 chưa đầy đủ: mới biết kết quả của 3/63 tỉnh, thành phố. Hạng 1 vẫn xác định được nhờ thứ hạng đã công bố: " +
        "cần 96,17 điểm (Hải Phòng đạt hạng 1 với điểm này; điểm bằng nhau thì cùng hạng). Năm 2024, Đồng Nai đạt 90,69 điểm (hạng 8): cần thêm 5,48 điểm.",
    );
    await page.selectOption("form[aria-label='Tính điểm cần để đạt hạng'] select[name=index]", "SIPAS");
    await page.fill("form[aria-label='Tính điểm cần để đạt hạng'] input[name=hang]", "41");
    await page.click("form[aria-label='Tính điểm cần để đạt hạng'] button");
    await page.waitForURL(/index=SIPAS&hang=41/);
    await expect(page.locator("#diem-can").textContent()).resolves.toBe("Điểm cần để đạt hạng 41");
    await expect(sentence.textContent()).resolves.toContain(
      "Không tính được chính xác: đạt 82,71 điểm chắc chắn có hạng 41 trở lên (Long An đạt hạng 41 với điểm này); điểm thấp hơn có thể vẫn đạt",
    );
    await screenshot(page, "tinh-dong-nai-diem-can");

    await page.goto(`${baseUrl}/tinh/75?ngay=2025-06-30&hang=99`);
    await expect(page.getByTestId("score-for-rank-error").textContent()).resolves.toContain("Hạng cần đạt phải từ 1 đến 63");
  });

  it("prints a profile on A4 with its charts and tables, without the form", async () => {
    await page.goto(`${baseUrl}/tinh/91`);
    await page.locator("[data-testid=trend-score] .recharts-line").first().waitFor();
    await asPrinted();
    await expect(page.locator("form[aria-label='Tính điểm cần để đạt hạng']").isVisible()).resolves.toBe(false);
    await expect(page.getByTestId("profile-table-PAR_INDEX").isVisible()).resolves.toBe(true);
    await screenshot(page, "tinh-an-giang-in-a4");
  });

  it("explains an unknown code or date instead of failing", async () => {
    await page.goto(`${baseUrl}/tinh/99`);
    await expect(page.locator("main [role=alert]").textContent()).resolves.toContain("Không có tỉnh, thành phố mã 99");
    await page.goto(`${baseUrl}/tinh/91?ngay=2025-02-31`);
    await expect(page.locator("main [role=alert]").textContent()).resolves.toContain("Tham số ngay");
  });
});

describe("the API description", () => {
  it("is linked from /du-lieu, lists every operation from the OpenAPI document, readable on a phone", async () => {
    const answer = await page.request.get(`${baseUrl}/api/v1/openapi.json`);
    expect(answer.headers()["cache-control"]).toBe("public, max-age=3600");
    const openApi = (await answer.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(openApi.openapi).toBe("3.1.0");
    const count = Object.values(openApi.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
    await page.goto(`${baseUrl}/du-lieu`);
    await page.getByTestId("open-data-api-link").click();
    await page.getByTestId("api-title").waitFor();
    await expect(page.getByTestId("api-operation").count()).resolves.toBe(count);
    await page.locator("#listAccounts summary").click();
    await expect(page.locator("#listAccounts").textContent()).resolves.toContain("Cần đăng nhập");
    await screenshot(page, "du-lieu-api");
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await screenshot(page, "du-lieu-api-dien-thoai");
  });
});
