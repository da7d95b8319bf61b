// The public pages served from the cache of their rendered HTML (issue 19, item 1;
// scripts/lib/public-cache.mjs): the second visit is answered from the cache, every answer has a
// nonce of its own on every script and in its policy (no inline script runs without it, and the
// browser runs the page's scripts under it), a write to published data shows at once, and a
// signed-in visitor's page is rendered for them.
import { describe, expect, it } from "vitest";
import { signInOverHttp } from "../../scripts/lib/throwaway-portal";
import { e2e } from "../support/portal";

const { baseUrl, browser } = await e2e();
const RANKING = "/xep-hang?index=PAR_INDEX&year=2023";

async function get(path: string, cookie?: string) {
  const response = await fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {} });
  const html = await response.text();
  const policy = response.headers.get("content-security-policy") ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? null;
  return { status: response.status, cache: response.headers.get("x-portal-cache"), html, policy, nonce };
}

/** Every <script> of the page carries the answer's nonce, and the policy allows no script without it. */
function expectOwnNonce(answer: Awaited<ReturnType<typeof get>>) {
  expect(answer.nonce).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
  expect(answer.policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';/);
  expect(answer.policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const scripts = [...answer.html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(3);
  for (const script of scripts) expect(script).toContain(` nonce="${answer.nonce}"`);
}

describe("public pages from the cache", () => {
  it("answers the second visit from the cache, with a nonce of its own and otherwise the same page", async () => {
    for (const path of ["/", RANKING, "/tinh/91"]) {
      const first = await get(path);
      const second = await get(path);
      expect([first.status, second.status], path).toEqual([200, 200]);
      expect(second.cache, path).toBe("hit");
      expectOwnNonce(first);
      expectOwnNonce(second);
      expect(second.nonce).not.toBe(first.nonce);
      expect(second.html).toBe(first.html.replaceAll(first.nonce!, second.nonce!));
      expect(second.html).not.toContain(first.nonce);
    }
    // Another language is another page.
    const english = await get(RANKING, "NEXT_LOCALE=en");
    expect(english.html).toContain('lang="en"');
  });

  it("runs the cached page's scripts in the browser under the fresh nonce, and refuses none", async () => {
    await get(RANKING);
    expect((await get(RANKING)).cache).toBe("hit");
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    const response = await page.goto(`${baseUrl}${RANKING}`);
    expect(response?.headers()["x-portal-cache"]).toBe("hit");
    // The chart is drawn by client components after the page loads: the scripts ran.
    await page.locator("[data-testid=ranking-chart] .recharts-bar-rectangle").first().waitFor();
    expect(refused).toEqual([]);
    await context.close();
  });

  it("shows a write to published data at once", async () => {
    expect((await get(RANKING)).html).toContain("92,18");
    expect((await get(RANKING)).cache).toBe("hit");
    const admin = await signInOverHttp(baseUrl, { email: "quantri@demo.local", password: "Demo@2026" });
    expect(admin.outcome).toBe("ok");
    // The national table as exported, with Quảng Ninh's score changed, imported by the administrator.
    const table = await (await fetch(`${baseUrl}/api/v1/exports/results?index=PAR_INDEX&year=2023&format=csv`)).text();
    expect(table).toContain("92.18");
    const form = new FormData();
    form.set("file", new Blob([table.replace("92.18", "92.19")]), "par-index-2023.csv");
    const imported = await fetch(`${baseUrl}/api/v1/imports/results`, { method: "POST", headers: { cookie: admin.cookie, origin: baseUrl }, body: form });
    expect(imported.status, await imported.clone().text()).toBe(200);
    const after = await get(RANKING);
    expect(after.cache).toBe("miss");
    expect(after.html).toContain("92,19");
    expect(after.html).not.toContain("92,18");
    const again = await get(RANKING);
    expect(again.cache).toBe("hit");
    expect(again.html).toContain("92,19");
  });

  it("renders a public page for a signed-in visitor, whose header shows their name", async () => {
    const leader = await signInOverHttp(baseUrl, { email: "lanhdao@demo.local", password: "Demo@2026" });
    const first = await get(RANKING, leader.cookie);
    const second = await get(RANKING, leader.cookie);
    expect([first.cache, second.cache]).toEqual([null, null]);
    expect(second.html).toContain("Chủ tịch UBND tỉnh An Giang");
    expectOwnNonce(second);
    expect((await get(RANKING)).cache).toBe("hit");
  });
});
