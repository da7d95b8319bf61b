// Debian's Chromium driven by playwright-core (never a downloaded browser).
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Request } from "playwright-core";
import type { Role } from "../../lib/db/generated/enums";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed";
import { CHROMIUM_CANDIDATES, chromiumPath } from "./chromium-path";

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../../.tmp/screenshots");

function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath() ?? CHROMIUM_CANDIDATES[0],
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      // One origin under test: a renderer process per site brings nothing but processes.
      "--disable-site-isolation-trials",
      // V8 stops at its baseline compiler (Sparkplug): a test page lives for seconds, too short for
      // what Maglev and TurboFan spend compiling to pay back. Same JavaScript, same results; 9–16%
      // less Chromium CPU for the same page loads, 22% with axe-core run on each (docs/benchmarks.md,
      // "A tenth look").
      "--js-flags=--max-opt=1",
    ],
  });
}

/**
 * The Chromium of this worker's process, launched on first use and shared by the end-to-end files it
 * runs one after the other (isolate: false in vitest.config.ts): each file closes the contexts it
 * opened (tests/support/portal.ts), and so starts on a browser with none, as on a new one. Launching
 * and closing one per file cost about half a CPU-second each time, before its first page.
 */
let workerBrowser: Promise<Browser> | null = null;

export async function sharedBrowser(): Promise<Browser> {
  // A browser that crashed or failed to start is launched again for the next file.
  const running = await workerBrowser?.catch(() => null);
  if (running?.isConnected()) return running;
  workerBrowser = launchBrowser();
  return workerBrowser;
}

/** Closes every context of a shared browser: what a file opened, whether or not it closed it. */
export async function closeContexts(browser: Browser): Promise<void> {
  await Promise.all(browser.contexts().map((context) => context.close()));
}

/** A file a test made (a screenshot, a printed PDF) kept in .tmp/screenshots/ for a person to look at. */
export function keepFile(name: string, data: Uint8Array): void {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  fs.writeFileSync(path.join(SCREENSHOT_DIR, name), data);
}

/**
 * A full-page screenshot into .tmp/screenshots/ for a person to look at, when SCREENSHOTS=1: nothing
 * in the suite reads them, and at about a second of Chromium's CPU each (122 in the suite) they are
 * left out of a plain `npm test`.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== "1") return;
  keepFile(`${name}.png`, await page.screenshot({ fullPage: true }));
}

export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click("button[type=submit]");
}

export type Viewport = { width: number; height: number };
export type SignedIn = { context: BrowserContext; page: Page };
/**
 * A new browser context signed in as the demo user of a role, its page on `at`: a signed-in page, its
 * path or its whole address (/trang-chu unless given).
 */
export type As = (role: Role, options?: { viewport?: Viewport; at?: string }) => Promise<SignedIn>;

/** The demo account of a role (prisma/seed.ts). */
export function demoEmail(role: Role): string {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user with the role ${role}`);
  return user.email;
}

/**
 * `as(role)` for a browser and a portal: a context of its own, signed in. The first call for a role
 * signs in through the sign-in form; later calls reuse that session's cookies, as a second tab
 * would (sign-in itself is tested in tests/e2e/portal.test.ts), and sign in again if it has ended.
 * A reused session opens `at` straight away: every signed-in page sends a visitor without a session
 * to /dang-nhap (app/(portal)/layout.tsx), which is how an ended one shows. Opening /trang-chu
 * first, only to leave it, cost a page load of Chromium per call.
 */
export function signInAs(browser: Browser, baseUrl: string, defaults: { viewport?: Viewport } = {}): As {
  const sessions = new Map<Role, Awaited<ReturnType<BrowserContext["storageState"]>>>();
  return async (role, options = {}) => {
    const viewport = options.viewport ?? defaults.viewport ?? { width: 1366, height: 900 };
    const at = new URL(options.at ?? "/trang-chu", baseUrl).href;
    const context = await browser.newContext({ viewport, locale: "vi-VN", storageState: sessions.get(role) });
    const page = await context.newPage();
    if (sessions.has(role)) {
      await page.goto(at);
      if (new URL(page.url()).pathname !== "/dang-nhap") return { context, page };
    }
    await signIn(page, baseUrl, demoEmail(role));
    await page.waitForURL(/\/trang-chu$/);
    sessions.set(role, await context.storageState());
    if (page.url() !== at) await page.goto(at);
    return { context, page };
  };
}

/**
 * The number (`data-seq`) of the last answer a form's message element shows, 0 before any. Counted,
 * not read with a short timeout: on a loaded machine such a read fails, and the previous answer (a
 * refusal, say) would then be taken for the next one.
 */
export async function lastAnswerSeq(message: Locator): Promise<number> {
  if ((await message.count()) === 0) return 0;
  return Number((await message.first().getAttribute("data-seq")) ?? 0);
}

/** The requests each tracked page has in flight, counted from when `trackRequests` took the page over. */
const inFlight = new WeakMap<Page, Set<Request>>();

export function trackRequests(page: Page): void {
  const pending = new Set<Request>();
  inFlight.set(page, pending);
  page.on("request", (request) => pending.add(request));
  page.on("requestfinished", (request) => pending.delete(request));
  page.on("requestfailed", (request) => pending.delete(request));
}

/**
 * Resolves once the page has had no request in flight for 500 ms (what Playwright's "networkidle"
 * means), counting only the requests made since `trackRequests(page)`. Playwright's own wait is not
 * limited to those: on a loaded machine it sometimes never fired on the first page after a sign-in,
 * with none of the tracked requests in flight (docs/benchmarks.md, "An eighth look").
 */
export async function networkQuiet(page: Page, timeoutMs = 30_000): Promise<void> {
  const pending = inFlight.get(page);
  if (!pending) throw new Error("networkQuiet(page) needs trackRequests(page) first");
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  while (pending.size > 0 || Date.now() - quietSince < 500) {
    if (pending.size > 0) quietSince = Date.now();
    if (Date.now() > deadline) throw new Error(`still loading after ${timeoutMs} ms: ${[...pending].map((request) => request.url()).join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
