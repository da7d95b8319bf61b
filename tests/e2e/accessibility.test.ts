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

/** The portal's own page links of the page: no API, no downloads, no sign-out. */
async function pageLinks(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval("a[href]:not([download])", (links) => links.map((link) => link.getAttribute("href") ?? ""));
  return hrefs.filter((href) => href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/api/")).map((href) => href.split("#")[0]);
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
 * Visits, breadth-first from `start`, every page template reachable that no earlier visitor checked
 * (`checked`, shared: the same template shows the same primitives to every role), and runs axe on each;
 * `start` itself is always checked (each role's /trang-chu is its own). A page that does not answer is
 * a finding too. The report is written as it goes (.tmp/axe/<who>.json).
 */
async function walk(page: Page, who: string, start: string, checked: Set<string>): Promise<{ visited: string[]; findings: Finding[] }> {
  const queue = [start];
  const seen = new Set<string>(checked);
  const visited: string[] = [];
  const findings: Finding[] = [];
  while (queue.length > 0 && visited.length < MAX_PAGES) {
    const href = queue.shift()!;
    const response = await page.goto(`${baseUrl}${href}`);
    // A redirect (e.g. a signed-in visitor sent from /dang-nhap to /trang-chu) is the page it lands on.
    const landed = template(new URL(page.url()).pathname);
    if (visited.includes(landed) || (href !== start && checked.has(landed))) continue;
    visited.push(landed);
    checked.add(landed);
    seen.add(landed);
    const status = response?.status() ?? 0;
    if (status >= 400) findings.push({ page: href, id: `http-${status}`, impact: "critical", help: "the page does not answer", targets: [] });
    else findings.push(...(await audit(page, href)));
    writeReport(who, visited, findings);
    for (const link of await pageLinks(page)) {
      const linked = template(new URL(link, baseUrl).pathname);
      if (seen.has(linked) || /\/dang-xuat/.test(linked)) continue;
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
    { role: "AGENCY_HEAD", reaches: ["/co-quan", "/danh-gia/phieu/:n"] },
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
    await tabTo(page, "[data-testid=self-scoring-cta] a");
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
