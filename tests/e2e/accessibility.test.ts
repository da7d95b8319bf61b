// Accessibility (issue 16, WCAG 2.1 AA): axe-core runs on every page each visitor reaches — the
// anonymous visitor and every demo role — and finds no serious or critical violation. "Every page"
// is found, not listed: each visitor follows the links its pages show (breadth-first), and every
// page template (a path with its numbers as ":n", e.g. /danh-gia/phieu/:n) is checked once, by the
// first visitor that reaches it, at 1366 px; each role's own /trang-chu always; the home page with its
// map also at 390 px. Once per template, not per role: the same template is built from the same
// primitives for everyone, and axe takes seconds per page on this machine.
import fs from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/db/generated/enums";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { demoEmail, SCREENSHOT_DIR, screenshot } from "../support/browser";
import { e2e } from "../support/portal";

// The open scoring period of the current year too, so that scoring sheets in progress are reached.
const { baseUrl, browser, as } = await e2e({ demoInProgress: true });

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING = new Set(["serious", "critical"]);
/** Enough for every template a role reaches (about 25 for an administrator); a bound, not a sample. */
const MAX_PAGES = 45;
const REPORT_DIR = path.join(SCREENSHOT_DIR, "..", "axe");

type Finding = { page: string; id: string; impact: string; help: string; targets: string[] };

/** The page a path stands for: numbers (ids, province codes, years) as ":n". */
function template(pathname: string): string {
  return pathname.replace(/\/\d+(?=\/|$)/g, "/:n").replace(/\/$/, "") || "/";
}

/** The portal's own page links: no API, no downloads, no sign-out, no build assets. */
function ownPages(hrefs: string[]): string[] {
  return hrefs.filter((href) => href.startsWith("/") && !href.startsWith("//") && !/^\/(api|_next)\/|\/dang-xuat/.test(href)).map((href) => href.split("#")[0]);
}

async function pageLinks(page: Page): Promise<string[]> {
  return ownPages(await page.$$eval("a[href]:not([download])", (links) => links.map((link) => link.getAttribute("href") ?? "")));
}

/** The links of a page already checked, read from its server-rendered HTML: cheaper than drawing it. */
async function htmlLinks(page: Page, href: string): Promise<string[]> {
  const html = await (await page.request.get(`${baseUrl}${href}`)).text();
  return ownPages(
    [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].filter((match) => !match[0].includes(" download")).map((match) => match[1].replaceAll("&amp;", "&")),
  );
}

/** Waits for what is drawn after the page (the map, the charts), then runs axe with the WCAG 2.1 AA rules. */
async function audit(page: Page, label: string): Promise<Finding[]> {
  await page.waitForLoadState("networkidle");
  const result = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return result.violations.map((violation) => ({
    page: label,
    id: violation.id,
    impact: violation.impact ?? "unknown",
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
}

/**
 * Visits, breadth-first from `start`, every page template this visitor reaches, and runs axe on each
 * one no earlier visitor checked (`checked`, shared: a template is built from the same primitives for
 * every role); `start` itself always (each role's /trang-chu is its own). Pages already checked are
 * only read for their links. A page that does not answer is a finding too. The report is written as
 * it goes (.tmp/axe/<who>.json).
 */
async function walk(page: Page, who: string, start: string, checked: Set<string>): Promise<{ visited: string[]; findings: Finding[] }> {
  const queue = [start];
  const seen = new Set<string>([template(start)]);
  const visited: string[] = [];
  const findings: Finding[] = [];
  let steps = 0;
  while (queue.length > 0 && visited.length < MAX_PAGES && steps++ < 3 * MAX_PAGES) {
    const href = queue.shift()!;
    let links: string[];
    if (href !== start && checked.has(template(new URL(href, baseUrl).pathname))) {
      links = await htmlLinks(page, href);
    } else {
      const response = await page.goto(`${baseUrl}${href}`);
      // A redirect (e.g. /co-quan to the agency head's own agency) is the page it lands on.
      const landed = template(new URL(page.url()).pathname);
      if (!visited.includes(landed) && (href === start || !checked.has(landed))) {
        visited.push(landed);
        checked.add(landed);
        const status = response?.status() ?? 0;
        if (status >= 400) findings.push({ page: href, id: `http-${status}`, impact: "critical", help: "the page does not answer", targets: [] });
        else findings.push(...(await audit(page, href)));
        writeReport(who, visited, findings);
      }
      links = await pageLinks(page);
    }
    for (const link of links) {
      const linked = template(new URL(link, baseUrl).pathname);
      if (seen.has(linked)) continue;
      seen.add(linked);
      queue.push(link);
    }
  }
  return { visited, findings };
}

function writeReport(who: string, visited: string[], findings: Finding[]): void {
  fs.mkdirSync(REPORT_DIR, { recursive: true });
  fs.writeFileSync(path.join(REPORT_DIR, `${who}.json`), JSON.stringify({ visited, findings }, null, 2));
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
/** The page templates checked so far, by any visitor. */
const checked = new Set<string>();

describe("axe-core, WCAG 2.1 A and AA: no serious or critical violation", () => {
  it("on every public page an anonymous visitor reaches", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "vi-VN" });
    const page = await context.newPage();
    const visited: string[] = [];
    const findings: Finding[] = [];
    for (const start of PUBLIC_STARTS) {
      if (checked.has(template(start))) continue;
      const walked = await walk(page, "anonymous", start, checked);
      visited.push(...walked.visited);
      findings.push(...walked.findings);
    }
    await context.close();
    // The home page with its map at a phone's width.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    const phonePage = await phone.newPage();
    await phonePage.goto(`${baseUrl}/`);
    await phonePage.getByTestId("province-map").waitFor();
    findings.push(...(await audit(phonePage, "/ (390 px)")));
    writeReport("anonymous", visited, findings);
    await phone.close();

    for (const expected of ["/", "/xep-hang", "/tinh", "/tinh/:n", "/so-sanh", "/du-lieu", "/dang-nhap"]) expect(visited).toContain(expected);
    expect(blocking("anonymous", findings)).toEqual([]);
  }, 600_000);

  const roles: { role: Role; reaches: string[] }[] = [
    { role: "ADMIN", reaches: ["/quan-tri/tai-khoan", "/quan-tri/co-quan", "/nhat-ky", "/bo-chi-so/:n"] },
    { role: "HOME_AFFAIRS", reaches: ["/danh-gia/phieu/:n", "/van-ban/:n", "/ket-qua"] },
    { role: "AGENCY_HEAD", reaches: ["/co-quan/:n", "/danh-gia/phieu/:n"] },
    { role: "LEADER", reaches: ["/bang-dieu-khien", "/van-ban/:n"] },
  ];
  for (const { role, reaches } of roles) {
    it(`on every page ${role} reaches`, async () => {
      expect(checked.size, "the anonymous visitor's pages were checked first").toBeGreaterThan(0);
      const { context, page } = await as(role);
      const { visited, findings } = await walk(page, role, "/trang-chu", checked);
      await context.close();
      expect(visited[0], "its own home page").toBe("/trang-chu");
      for (const expected of reaches) expect([...checked]).toContain(expected);
      expect(blocking(role, findings)).toEqual([]);
    }, 600_000);
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
