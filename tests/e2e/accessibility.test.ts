// Accessibility (issue 16, WCAG 2.1 AA): axe-core runs on every page each visitor reaches — the
// anonymous visitor, every demo role, and the leader again in English (switched as a user does, with
// the header's language button) — and finds no serious or critical violation.
//
// What is audited. "Every page" is found, not listed: each visitor follows the links its pages show
// (breadth-first) and audits every page template it reaches (a path with its numbers as ":n", e.g.
// /danh-gia/phieu/:n), once per visitor, at 1366 px; the home page with its map also at 390 px. Per
// visitor, not once for all: a role sees its own header, buttons, forms, charts and tables on a
// template (the leader's dashboard draws charts the administrator's does not).
//
// Why it is sound, and why it is not slower than auditing each template once:
// - axe-core runs in the page, injected once (`axe.run`, what @axe-core/playwright's legacy mode calls):
//   the portal's pages hold no frames, so its per-frame `runPartial` plus `finishRun` in an extra blank
//   page only adds a page and a copy of every result, and its `analyze()` evaluates axe's 560 kB source
//   twice per page (0.7–1.8 s per audit against 0.3–1.4 s injected once, measured on this machine).
//   Injected once per document, not per page: the walk's client-side navigations keep the document,
//   and evaluating the source again cost Chromium about 0.27 CPU-seconds a page (the file alone: 158 →
//   112 CPU-seconds of Chromium).
//   `resultTypes: ["violations"]` skips gathering the passes, which are never read. Same rules, same checks.
// - No page is prefetched: the portal's links prefetch on intent (components/ui/link.tsx), and the walk
//   neither hovers nor focuses a link before it loads the page.
// - After its first page, a visitor goes to the next one as a click on a link does: through Next's
//   client router (`window.next.router.push`, what <Link> calls), which asks the server for the page's
//   render and swaps it into the document, instead of a new document that loads and hydrates the
//   whole app again. axe audits the page's DOM either way, the one a user who follows links sees; a
//   full load cost Chromium about 0.6 CPU-seconds, about as much as axe on the page. A page that
//   answers 400 or more (the render's own answer, after redirects) is a finding, as before.
// - The visitors walk side by side (`it.concurrent`, each in its own browser context): much of a page's
//   time is waiting for the server and for the network to go quiet.
// - axe's result is a function of the page's DOM, its styles and the viewport: each audit is keyed by a
//   hash of the rendered DOM (script bodies and per-request nonces left out, the width added), and a page
//   identical to one already audited in this run reuses its result. It hit on the embeddable map (no
//   signed-in header) while every page was a full load; in the runs since the walk follows links
//   through the client router, no two visitors' pages were identical, and each was audited.
// Each audited page's times (its load until the network was quiet, axe) are in the report, .tmp/axe/<who>.json.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type axe from "axe-core";
import type { Page, Response } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/db/generated/enums";
import { createPrismaClient } from "@/lib/db/prisma";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { demoEmail, networkQuiet, SCREENSHOT_DIR, screenshot, trackRequests } from "../support/browser";
import { e2e } from "../support/portal";

// The open scoring period of the current year too, so that scoring sheets in progress are reached.
const { baseUrl, databaseUrl, browser, as } = await e2e({ demoInProgress: true });

// The demo's An Giang directives ask for no periodic report (their source articles name none), so its
// staff and leader would never see a compiled report: one of them asks for quarterly reports here.
beforeAll(async () => {
  const db = createPrismaClient(databaseUrl, 1);
  await db.directive.updateMany({ where: { number: "1020/UBND-TH" }, data: { reporting: ["QUARTERLY"] } }).finally(() => db.$disconnect());
});

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_OPTIONS: axe.RunOptions = { runOnly: { type: "tag", values: WCAG_AA }, resultTypes: ["violations"] };
const BLOCKING = new Set(["serious", "critical"]);
/** Enough for every template a role reaches (about 30 for an administrator); a bound, not a sample. */
const MAX_PAGES = 50;
const REPORT_DIR = path.join(SCREENSHOT_DIR, "..", "axe");

type Finding = { page: string; id: string; impact: string; help: string; targets: string[] };
type Violation = Omit<Finding, "page">;
type Timing = { page: string; load: number; axe: number; reused: boolean };
type Walk = { visited: string[]; findings: Finding[]; timings: Timing[] };

/** The page a path stands for: numbers (ids, province codes, years) as ":n". */
function template(pathname: string): string {
  return pathname.replace(/\/\d+(?=\/|$)/g, "/:n").replace(/\/$/, "") || "/";
}

/** The portal's own page links: no API, no downloads, no sign-out, no build assets. */
async function pageLinks(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval("a[href]:not([download])", (links) => links.map((link) => link.getAttribute("href") ?? ""));
  return hrefs.filter((href) => href.startsWith("/") && !href.startsWith("//") && !/^\/(api|_next)\/|\/dang-xuat/.test(href)).map((href) => href.split("#")[0]);
}

/** The page as axe sees it: its DOM without script bodies and nonces (they differ per request), and its width. */
async function domKey(page: Page): Promise<string> {
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  const normalized = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "<script></script>").replace(/ nonce="[^"]*"/g, "");
  return `${page.viewportSize()?.width}:${createHash("sha256").update(normalized).digest("hex")}`;
}

/** axe's violations by DOM key, for the whole run (the visitors share it). */
const audited = new Map<string, Promise<Violation[]>>();

async function violations(page: Page): Promise<Violation[]> {
  // Once per document: the walk's client-side navigations keep it, and axe with it.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate((options) => (window as unknown as { axe: typeof axe }).axe.run(document, options), AXE_OPTIONS);
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? "unknown",
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
}

/**
 * Runs axe with the WCAG 2.1 AA rules on the page as it is: the caller waited for what is drawn after
 * it (the map, the charts); `load` is how long that took.
 */
async function audit(page: Page, label: string, timings: Timing[], load: number): Promise<Finding[]> {
  const started = performance.now();
  const key = await domKey(page);
  const reused = audited.has(key);
  if (!reused) audited.set(key, violations(page));
  const found = await audited.get(key)!;
  timings.push({ page: label, load: Math.round(load), axe: Math.round(performance.now() - started), reused });
  return found.map((violation) => ({ page: label, ...violation }));
}

type NextWindow = { next?: { router?: { push: (href: string) => void } } };

/**
 * Opens a page of the walk: the first with a full load, the next ones as a click on a link does,
 * through Next's client router (the document stays; a hard navigation when Next decides on one, as
 * for a click). Resolves when the page is there and the network has been quiet for 500 ms (the map,
 * the charts, a redirect's second request), with the HTTP status of the page's render: the last
 * answer, after redirects, to the document request or to the router's request for the page (RSC).
 */
async function open(page: Page, href: string): Promise<number> {
  const from = page.url();
  const sameDocument = from.startsWith(baseUrl) && (await page.evaluate(() => Boolean((window as NextWindow).next?.router)));
  if (!sameDocument || new URL(href, baseUrl).href === from) {
    const response = await page.goto(`${baseUrl}${href}`);
    await networkQuiet(page);
    return response?.status() ?? 0;
  }
  const statuses: number[] = [];
  const onResponse = (response: Response) => {
    const request = response.request();
    if (request.isNavigationRequest() || request.headers().rsc === "1") statuses.push(response.status());
  };
  page.on("response", onResponse);
  try {
    await page.evaluate((target) => (window as NextWindow).next!.router!.push(target), href);
    await page.waitForURL((url) => url.href !== from);
    await networkQuiet(page);
  } finally {
    page.off("response", onResponse);
  }
  return statuses.at(-1) ?? 0;
}

/**
 * Visits, breadth-first from `starts`, every page template this visitor reaches and audits each one
 * once. A redirect (e.g. /co-quan to the agency head's own agency) is the page it lands on. A page
 * that does not answer is a finding too. The report is written as it goes (.tmp/axe/<who>.json).
 */
async function walk(page: Page, who: string, starts: string[]): Promise<Walk> {
  trackRequests(page);
  const queue = [...starts];
  const seen = new Set<string>(starts.map(template));
  const result: Walk = { visited: [], findings: [], timings: [] };
  let steps = 0;
  while (queue.length > 0 && result.visited.length < MAX_PAGES && steps++ < 3 * MAX_PAGES) {
    const href = queue.shift()!;
    const started = performance.now();
    const status = await open(page, href);
    const load = performance.now() - started;
    const landed = template(new URL(page.url()).pathname);
    if (!result.visited.includes(landed)) {
      result.visited.push(landed);
      if (status >= 400) result.findings.push({ page: href, id: `http-${status}`, impact: "critical", help: "the page does not answer", targets: [] });
      else result.findings.push(...(await audit(page, href, result.timings, load)));
      writeReport(who, result);
    }
    for (const link of await pageLinks(page)) {
      const linked = template(new URL(link, baseUrl).pathname);
      if (seen.has(linked)) continue;
      seen.add(linked);
      queue.push(link);
    }
  }
  return result;
}

function writeReport(who: string, walked: Walk): void {
  fs.mkdirSync(REPORT_DIR, { recursive: true });
  fs.writeFileSync(path.join(REPORT_DIR, `${who}.json`), JSON.stringify(walked, null, 2));
}

/** The serious and critical findings, each printed with its page and elements. */
function blocking(who: string, findings: Finding[]): Finding[] {
  const found = findings.filter((finding) => BLOCKING.has(finding.impact));
  for (const finding of found) {
    console.log(`[${who}] ${finding.page}: ${finding.impact} ${finding.id} (${finding.help}) at ${finding.targets.slice(0, 5).join(" | ")}`);
  }
  return found;
}

/** Presses Tab until the focus is on `selector` (a bounded number of times); the focus shows its 2 px ring. */
async function tabTo(page: Page, selector: string, limit = 150): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const ring = await page.evaluate((wanted) => {
      const focused = document.activeElement;
      if (!focused?.matches(wanted)) return null;
      const style = getComputedStyle(focused);
      return `${style.outlineWidth} ${style.outlineStyle}`;
    }, selector);
    if (ring !== null) {
      expect(ring, `the focus on ${selector} is visible`).toBe("2px solid");
      return;
    }
  }
  throw new Error(`Tab never reached ${selector} in ${limit} presses`);
}

const PUBLIC_STARTS = ["/", "/xep-hang", "/tinh", "/so-sanh", "/du-lieu"];

describe("axe-core, WCAG 2.1 A and AA: no serious or critical violation", () => {
  it.concurrent("on every public page an anonymous visitor reaches", async ({ expect }) => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "vi-VN" });
    const walked = await walk(await context.newPage(), "anonymous", PUBLIC_STARTS);
    await context.close();
    // The home page with its map at a phone's width.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    const phonePage = await phone.newPage();
    trackRequests(phonePage);
    const started = performance.now();
    await phonePage.goto(`${baseUrl}/`);
    await phonePage.getByTestId("province-map").waitFor();
    await networkQuiet(phonePage);
    walked.findings.push(...(await audit(phonePage, "/ (390 px)", walked.timings, performance.now() - started)));
    writeReport("anonymous", walked);
    await phone.close();

    for (const expected of ["/", "/xep-hang", "/tinh", "/tinh/:n", "/so-sanh", "/du-lieu", "/dang-nhap"]) expect(walked.visited).toContain(expected);
    expect(blocking("anonymous", walked.findings)).toEqual([]);
  }, 900_000);

  const roles: { role: Role; reaches: string[] }[] = [
    { role: "ADMIN", reaches: ["/quan-tri/tai-khoan", "/quan-tri/co-quan", "/nhat-ky", "/bo-chi-so/:n", "/van-ban/:n/bao-cao"] },
    { role: "HOME_AFFAIRS", reaches: ["/danh-gia/phieu/:n", "/van-ban/:n", "/van-ban/:n/bao-cao", "/ket-qua"] },
    { role: "AGENCY_HEAD", reaches: ["/co-quan/:n", "/danh-gia/phieu/:n", "/danh-gia/:n/dieu-hanh"] },
    { role: "LEADER", reaches: ["/bang-dieu-khien", "/van-ban/:n", "/van-ban/:n/bao-cao"] },
  ];
  for (const { role, reaches } of roles) {
    it.concurrent(`on every page ${role} reaches${role === "LEADER" ? ", in Vietnamese and in English" : ""}`, async ({ expect }) => {
      const { context, page } = await as(role);
      const walked = await walk(page, role, ["/trang-chu"]);
      expect(walked.visited[0], "its own home page").toBe("/trang-chu");
      for (const expected of reaches) expect(walked.visited).toContain(expected);
      expect(blocking(role, walked.findings)).toEqual([]);
      if (role === "LEADER") {
        // The same walk in English, switched with the header's button on the home page (the choice is
        // saved for the user: this walk comes after the Vietnamese one, never beside it).
        await page.goto(`${baseUrl}/trang-chu`);
        await page.getByRole("button", { name: "English", exact: true }).first().click();
        await page.waitForFunction(() => document.documentElement.lang === "en");
        const english = await walk(page, `${role}-en`, ["/trang-chu"]);
        expect([...english.visited].sort()).toEqual([...walked.visited].sort());
        expect(blocking(`${role}-en`, english.findings)).toEqual([]);
      }
      await context.close();
    }, 900_000);
  }
});

describe("the main journey with the keyboard alone, the focus always visible", () => {
  it("an agency head signs in, opens the year's self-scoring from the home page, scores a criterion and saves", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "vi-VN" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/dang-nhap`);
    await tabTo(page, "#email");
    await page.keyboard.type(demoEmail("AGENCY_HEAD"));
    await tabTo(page, "#password");
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/trang-chu$/);
    await tabTo(page, "[data-kind=selfScoring] a");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/danh-gia\/phieu\/\d+$/);
    await tabTo(page, "input[name^='score:']");
    const before = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(before === "0" ? "0,5" : "0");
    await tabTo(page, "[data-testid=save-sheet]");
    await screenshot(page, "ban-phim-luu-phieu");
    await page.keyboard.press("Enter");
    await expect(page.locator("[data-testid=sheet-feedback][data-state=ok]").textContent()).resolves.toBe("Đã lưu 1 tiêu chí.");
    await context.close();
  });
});
