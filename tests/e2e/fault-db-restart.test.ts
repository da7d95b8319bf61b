// The embedded PostgreSQL stopped and restarted under a running `next start`: during the outage the
// API answers 503 with a Vietnamese message, pages show "Cơ sở dữ liệu tạm thời không truy cập
// được…" (never a stack trace), the sign-in form says the same; once PostgreSQL is back on the same
// port and data folder, the same requests succeed again without restarting Next (the pg pool of
// @prisma/adapter-pg drops its dead connections and opens new ones). Own server and database.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { databaseUnavailableMessage } from "../../lib/db/unavailable";

// Outside a request lib words its messages in Vietnamese, the language these requests get.
const DATABASE_UNAVAILABLE_MESSAGE = databaseUnavailableMessage();
import { signInOverHttp, startPortalServer, startThrowawayDatabase, type PortalServer, type ThrowawayDatabase } from "../../scripts/lib/throwaway-portal";
import { closeContexts, screenshot, sharedBrowser, signIn } from "../support/browser";

let database: ThrowawayDatabase;
let server: PortalServer;
let browser: Browser;
let page: Page;
let cookie = "";
let api: string[] = [];
const PAGES = ["/xep-hang?index=PAR_INDEX&year=2023", "/trang-chu"];

const get = async (path: string) => {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.text() };
};

beforeAll(async () => {
  database = await startThrowawayDatabase({ demo: true });
  const period = await database.db.assessmentPeriod.findFirstOrThrow({
    where: { year: 2025, framework: { key: "an-giang-so-ban-nganh" } },
  });
  api = ["/api/health", "/api/v1/rankings?index=PAR_INDEX&year=2023", `/api/v1/assessment-periods/${period.id}/scores?format=csv`];
  server = await startPortalServer({ databaseUrl: database.url });
  ({ cookie } = await signInOverHttp(server.baseUrl, { email: "noivu@demo.local", password: DEMO_PASSWORD }, { ip: "10.3.0.1" }));
  browser = await sharedBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "vi-VN" })).newPage();
  await signIn(page, server.baseUrl, "noivu@demo.local");
  await page.waitForURL(/\/trang-chu$/);
});

afterAll(async () => {
  if (browser) await closeContexts(browser);
  await server?.kill();
  await database?.remove();
});

describe("PostgreSQL stopped and restarted under the running portal", () => {
  it("serves the API and the pages before the outage", async () => {
    for (const path of [...api, ...PAGES]) expect((await get(path)).status, path).toBe(200);
  });

  it("answers requests in flight when PostgreSQL stops with 200 or 503, never a 500", async () => {
    const inFlight = Array.from({ length: 40 }, (_, i) => get(api[i % api.length]));
    const stopped = performance.now();
    await database.stop();
    const statuses = (await Promise.all(inFlight)).map((r) => r.status);
    console.log(
      `PostgreSQL dừng sau ${Math.round(performance.now() - stopped)} ms; 40 yêu cầu đang chạy: ` +
        `${statuses.filter((s) => s === 200).length} × 200, ${statuses.filter((s) => s === 503).length} × 503`,
    );
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
  });

  it("says in Vietnamese that the database is unavailable: 503 for the API, an error page for pages, on the sign-in form", async () => {
    for (const path of api) {
      const response = await get(path);
      expect(response.status, path).toBe(503);
      expect(response.retryAfter).toBe("10");
      expect(JSON.parse(response.body).error).toBe(DATABASE_UNAVAILABLE_MESSAGE);
    }
    for (const path of PAGES) {
      const response = await get(path);
      expect(response.status).toBe(500);
      // Nothing of the server's error reaches the browser.
      expect(response.body).not.toMatch(/Can't reach database|PrismaClient|ECONNREFUSED|127\.0\.0\.1:\d+|\n\s+at /);
    }
    for (const [path, name] of [
      ["/xep-hang?index=PAR_INDEX&year=2023", "loi-csdl-xep-hang"],
      ["/trang-chu", "loi-csdl-trang-chu"],
    ]) {
      await page.goto(`${server.baseUrl}${path}`);
      const box = page.locator("[data-testid=page-error][data-cause=database]");
      await box.waitFor({ timeout: 10_000 });
      await expect(box.textContent()).resolves.toContain(DATABASE_UNAVAILABLE_MESSAGE);
      await screenshot(page, name);
    }
    const form = await (await browser.newContext({ locale: "vi-VN" })).newPage();
    await signIn(form, server.baseUrl, "lanhdao@demo.local", DEMO_PASSWORD);
    const alert = form.locator("form [role=alert]");
    await alert.waitFor({ timeout: 10_000 });
    await expect(alert.textContent()).resolves.toBe(DATABASE_UNAVAILABLE_MESSAGE);
    await screenshot(form, "loi-csdl-dang-nhap");
    await form.context().close();
  });

  it("recovers once PostgreSQL is back on the same port and data, without restarting Next", async () => {
    const starting = performance.now();
    await database.start();
    const started = performance.now();
    while ((await get("/api/health")).status !== 200) {
      if (performance.now() - started > 10_000) throw new Error("the portal did not reconnect within 10 s");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    console.log(
      `PostgreSQL khởi động lại trong ${Math.round(started - starting)} ms; /api/health trả 200 sau thêm ${Math.round(performance.now() - started)} ms`,
    );
    for (const path of [...api, ...PAGES]) expect((await get(path)).status, path).toBe(200);
    // The page left on the error screen comes back with "Thử lại".
    await page.getByTestId("page-error").locator("button", { hasText: "Thử lại" }).click();
    await page.getByTestId("page-error").waitFor({ state: "detached", timeout: 10_000 });
    await expect(page.locator("main h1").first().textContent()).resolves.toBeTruthy();
    await screenshot(page, "loi-csdl-phuc-hoi");
    // The same Next process throughout.
    expect(() => process.kill(server.pid, 0)).not.toThrow();
  });
});
