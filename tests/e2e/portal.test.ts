import type { BrowserContext, Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { readCsv } from "../../prisma/seed";
import { networkQuiet, screenshot, signIn, trackRequests } from "../support/browser";
import { e2e } from "../support/portal";

const { baseUrl, browser } = await e2e();
let context: BrowserContext;
let page: Page;

beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
  page = await context.newPage();
});

describe("public ranking page", () => {
  it("shows Quảng Ninh first with 92,18 for PAR INDEX 2023, says the table is partial, and cites sources", async () => {
    await page.goto(`${baseUrl}/xep-hang?index=PAR_INDEX&year=2023`);
    await expect(page.locator("h1").textContent()).resolves.toContain("Xếp hạng PAR INDEX năm 2023");
    const first = page.locator("[data-testid=ranking-table] tbody tr").first();
    await expect(first.textContent()).resolves.toMatch(/^1Quảng Ninh92,18A/);
    // As many provinces as the published data knows for that year, of the 63 ranked then.
    const known = readCsv("published-results.csv").filter((r) => r.year === "2023" && r.index === "PAR_INDEX").length;
    expect(known).toBeLessThan(63);
    await expect(page.getByTestId("partial-note").textContent()).resolves.toContain(`${known}/63`);
    await expect(first.getByTestId("source-link").getAttribute("href")).resolves.toMatch(/^https:\/\/en\.baochinhphu\.vn\//);
    await screenshot(page, "xep-hang-par-index-2023");
  });

  it("switches to SIPAS and to another year from the form", async () => {
    await page.goto(`${baseUrl}/xep-hang`);
    await page.selectOption("select[name=index]", "SIPAS");
    await page.click("form[aria-label='Chọn chỉ số và năm'] button");
    await page.waitForURL(/index=SIPAS/);
    await page.selectOption("select[name=year]", "2020");
    await page.click("form[aria-label='Chọn chỉ số và năm'] button");
    await page.waitForURL(/year=2020/);
    await expect(page.locator("h1").textContent()).resolves.toContain("SIPAS năm 2020");
    await expect(page.locator("[data-testid=ranking-table] tbody tr").first().textContent()).resolves.toContain("95,76");
    await screenshot(page, "xep-hang-sipas-2020");
  });

  it("explains a bad year instead of failing", async () => {
    const response = await page.goto(`${baseUrl}/xep-hang?year=abc`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("main [role=alert]").textContent()).resolves.toContain("Tham số year");
  });
});

describe("sign-in", () => {
  it.each([
    ["quantri@demo.local", "Quản trị hệ thống", "Toàn quốc"],
    ["noivu@demo.local", "Cán bộ Sở Nội vụ", "An Giang"],
    ["thutruong@demo.local", "Thủ trưởng cơ quan, đơn vị", "Sở Tư pháp · An Giang"],
    ["lanhdao@demo.local", "Lãnh đạo UBND tỉnh", "An Giang"],
  ])("signs %s in and names their role and unit", async (email, role, unit) => {
    await signIn(page, baseUrl, email);
    await page.waitForURL(/\/trang-chu$/);
    await expect(page.getByTestId("role").textContent()).resolves.toBe(role);
    await expect(page.getByTestId("unit").textContent()).resolves.toContain(unit);
    await screenshot(page, `trang-chu-${email.split("@")[0]}`);
    await page.click("text=Đăng xuất");
    await page.waitForURL(/\/dang-nhap$/);
    await page.goto(`${baseUrl}/trang-chu`);
    await page.waitForURL(/\/dang-nhap$/);
  });

  it("tells a user whose password is wrong, in Vietnamese, and keeps them on the form", async () => {
    await signIn(page, baseUrl, "noivu@demo.local", "mat-khau-sai");
    // Not getByRole("alert"): Next's route announcer is an alert too.
    const alert = page.locator("form [role=alert]");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toBe("Email hoặc mật khẩu không đúng. Vui lòng kiểm tra lại.");
    expect(page.url()).toMatch(/\/dang-nhap$/);
    await expect(page.inputValue("#email")).resolves.toBe("noivu@demo.local");
    await screenshot(page, "dang-nhap-sai-mat-khau");
  });

  it("names the field to fix when the e-mail is malformed", async () => {
    await signIn(page, baseUrl, "khong-phai-email", "x");
    await page.locator("#email-error").waitFor();
    await expect(page.locator("#email-error").textContent()).resolves.toContain("Email không đúng định dạng");
  });

  it("keeps signed-out visitors out of the portal", async () => {
    await page.goto(`${baseUrl}/trang-chu`);
    await page.waitForURL(/\/dang-nhap$/);
    await screenshot(page, "dang-nhap");
  });
});

describe("links between pages", () => {
  // components/ui/link.tsx: a page is prefetched when the user shows intent, not whenever its link is
  // on screen (one signed-in page view made the server render ~45 linked pages).
  it("prefetch no page on sight, the hovered one on intent, and still navigate without reloading the document", async () => {
    const prefetched: string[] = [];
    trackRequests(page);
    page.on("request", (request) => {
      if (request.headers()["next-router-prefetch"]) prefetched.push(new URL(request.url()).pathname);
    });
    await signIn(page, baseUrl, "noivu@demo.local");
    await page.waitForURL(/\/trang-chu$/);
    await networkQuiet(page);
    expect(prefetched, "pages prefetched on sight").toEqual([]);

    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    const link = nav.locator('a[href="/viec-cua-toi"]');
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    const prefetch = page.waitForRequest(
      (request) => Boolean(request.headers()["next-router-prefetch"]) && new URL(request.url()).pathname === "/viec-cua-toi",
    );
    await link.hover();
    await prefetch;
    expect(new Set(prefetched)).toEqual(new Set(["/viec-cua-toi"]));

    await link.click();
    await page.waitForURL(/\/viec-cua-toi$/);
    await page.locator("h1").waitFor();
    // A client-side navigation keeps the document (and this marker); a full load would not.
    await expect(page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).resolves.toBe(true);
  });
});
