// The public face (issue 16): the province map on the home page, the rankings and a profile; the
// directory at /tinh; the comparison of provinces; the 404 in the visitor's language. Only what a
// browser proves: the map is drawn after the page from the boundary files, its provinces are links
// reached by mouse and keyboard, and both archipelagos are labelled.
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { screenshot } from "../support/browser";
import { e2e } from "../support/portal";

const { baseUrl, browser } = await e2e();
let context: BrowserContext;
let page: Page;

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "vi-VN" });
  page = await context.newPage();
});
afterEach(() => context.close());

const map = () => page.getByTestId("province-map");

/**
 * A point of the screen where the province's own shape is on top. Not the middle of its box, which
 * for a coastal province with islands (Hải Phòng, Quảng Ninh) may be sea or a neighbour.
 */
async function pointOn(code: string): Promise<{ x: number; y: number }> {
  const shape = map().locator(`a[data-code="${code}"] path`);
  await shape.scrollIntoViewIfNeeded();
  return shape.evaluate((path) => {
    const box = path.getBoundingClientRect();
    for (let i = 1; i < 24; i++) {
      for (let j = 1; j < 24; j++) {
        const x = box.left + (box.width * i) / 24;
        const y = box.top + (box.height * j) / 24;
        if (document.elementFromPoint(x, y) === path) return { x, y };
      }
    }
    throw new Error(`no point of the screen shows province ${path.parentElement?.getAttribute("data-code")}`);
  });
}

describe("the province map", () => {
  it("draws the latest year's 63 provinces on the home page, with both archipelagos labelled, and opens a profile on click", async () => {
    await page.goto(`${baseUrl}/`);
    await expect(page.getByTestId("completeness").textContent()).resolves.toMatch(/Đã có dữ liệu của \d+\/63 tỉnh, thành phố; nguồn: /);
    await map().waitFor();
    expect(await map().getAttribute("data-geometry")).toBe("63");
    expect(await map().locator("a[data-code]").count()).toBe(63);
    const labels = await map().getByTestId("archipelago").allTextContents();
    expect(labels).toEqual(["Quần đảo Hoàng Sa", "Quần đảo Trường Sa"]);
    await expect(page.getByTestId("map-attribution").textContent()).resolves.toContain("geoBoundaries");
    await expect(page.getByTestId("map-legend").textContent()).resolves.toContain("chưa có dữ liệu");
    await screenshot(page, "trang-chu-ban-do-1366");

    // Hover names the province with its score and rank; a click opens its profile.
    const known = page.getByTestId("top-units").locator("a").first();
    const name = (await known.textContent())!;
    const code = (await known.getAttribute("href"))!.match(/\/tinh\/(\d{2})/)![1];
    const { x, y } = await pointOn(code);
    await page.mouse.move(x, y);
    await expect(page.getByTestId("map-info").textContent()).resolves.toMatch(new RegExp(`^${name}: [\\d,]+ điểm, hạng`));
    await page.mouse.click(x, y);
    await page.waitForURL(new RegExp(`/tinh/${code}`));
    await expect(page.getByTestId("profile-name").textContent()).resolves.toBe(name);
    // The profile's map highlights the province.
    await map().waitFor();
    await page.getByTestId("map-highlight").waitFor({ state: "attached" });
  });

  it("is reached with the keyboard: focus shows the province, Enter opens its profile", async () => {
    await page.goto(`${baseUrl}/xep-hang?index=PAR_INDEX&year=2023`);
    await map().waitFor();
    const first = map().locator("a[data-code]").first();
    await first.focus();
    const label = (await first.getAttribute("aria-label"))!;
    await expect(page.getByTestId("map-info").textContent()).resolves.toBe(label);
    await page.keyboard.press("Tab");
    const second = map().locator("a[data-code]").nth(1);
    await expect(second.evaluate((node) => node === document.activeElement)).resolves.toBe(true);
    const href = (await second.getAttribute("href"))!;
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => `${url.pathname}${url.search}` === href);
  });

  it("draws 63 units for a year up to 2024 and the 34 new ones from 2025, labelling the archipelagos at phone width", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/xep-hang?index=PAR_INDEX&year=2024`);
    await map().waitFor();
    expect(await map().getAttribute("data-geometry")).toBe("63");
    expect(await map().locator("a[data-code]").count()).toBe(63);
    await screenshot(page, "ban-do-2024-63-390");
    await page.goto(`${baseUrl}/xep-hang?index=PAR_INDEX&year=2025`);
    await map().waitFor();
    expect(await map().getAttribute("data-geometry")).toBe("34");
    expect(await map().locator("a[data-code]").count()).toBe(34);
    await expect(map().getByTestId("archipelago").allTextContents()).resolves.toEqual(["Quần đảo Hoàng Sa", "Quần đảo Trường Sa"]);
    // Both labels lie inside the drawing at this width.
    const box = (await map().boundingBox())!;
    for (const text of await map().locator("[data-testid=archipelago] text").all()) {
      const label = (await text.boundingBox())!;
      expect(label.x).toBeGreaterThanOrEqual(box.x);
      expect(label.x + label.width).toBeLessThanOrEqual(box.x + box.width + 1);
    }
    await screenshot(page, "ban-do-2025-34-390");
  });
});

describe("finding and comparing provinces", () => {
  it("lists the 34 current and 63 former provinces at /tinh and finds one without diacritics", async () => {
    await page.goto(`${baseUrl}/tinh`);
    expect(await page.getByTestId("current-provinces").locator("li").count()).toBe(34);
    expect(await page.getByTestId("former-provinces").locator("li").count()).toBe(63);
    await page.fill("[data-testid=find-province] input[name=q]", "kien giang");
    await page.click("[data-testid=find-province] button");
    await page.waitForURL(/q=kien/);
    await expect(page.getByTestId("former-provinces").textContent()).resolves.toContain("Kiên Giang");
    await expect(page.getByTestId("former-provinces").textContent()).resolves.toContain("nay thuộc: An Giang");
    await page.click("[data-testid=former-provinces] a >> text=Kiên Giang");
    await page.waitForURL(/\/tinh\/91\?ngay=2025-06-30/);
  });

  it("compares three provinces at a shareable address, old units on their own lines, and refuses one province", async () => {
    await page.goto(`${baseUrl}/so-sanh?tinh=91,01,22`);
    const heads = await page.getByTestId("compare-PAR_INDEX").locator("thead th").allTextContents();
    expect(heads.slice(1)).toEqual(["An Giang", "Hà Nội", "Quảng Ninh"]);
    await expect(page.getByTestId("compare-PAR_INDEX").textContent()).resolves.toContain("Kiên Giang (đến 30/06/2025)");
    await expect(page.getByTestId("compare-PAR_INDEX").textContent()).resolves.toContain("92,18");
    await screenshot(page, "so-sanh-3-tinh-1366");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "so-sanh-3-tinh-390");
    await page.goto(`${baseUrl}/so-sanh?tinh=91`);
    await expect(page.getByTestId("compare-error").textContent()).resolves.toContain("từ 2 đến 4");
  });

  it("answers an unknown address with a Vietnamese 404 and ways back", async () => {
    const response = await page.goto(`${baseUrl}/trang-khong-co`);
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("not-found").textContent()).resolves.toContain("Không tìm thấy trang");
    await expect(page.getByTestId("not-found").locator("a[href='/xep-hang']").count()).resolves.toBe(1);
  });
});
