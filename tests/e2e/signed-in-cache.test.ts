// The leader dashboard, the agency view and a period's control board served from the cache of their
// rendered HTML, the period's progress API from that of its JSON (issue 19, items 2 and 4;
// scripts/lib/signed-in-cache.mjs): the second load is answered from the cache with a nonce
// of its own, the browser runs the page's scripts under it, a write through the API shows on the
// next load, and an entry is only ever served to the session it was rendered for.
import { describe, expect, it } from "vitest";
import { signInOverHttp } from "../../scripts/lib/throwaway-portal";
import { e2e } from "../support/portal";
import { createPrismaClient } from "@/lib/db/prisma";

const { baseUrl, databaseUrl, as } = await e2e();
const PASSWORD = "Demo@2026";
const DASHBOARD = "/bang-dieu-khien?nam=2025";

const db = createPrismaClient(databaseUrl, 1);
// The agency head's own agency (Sở Tư pháp tỉnh An Giang).
const { agencyId } = await db.user.findUniqueOrThrow({ where: { email: "thutruong@demo.local" } });
// The province's 2025 period (the demo data's), for its control board and progress API.
const period = await db.assessmentPeriod.findFirstOrThrow({
  where: { province: { users: { some: { email: "noivu@demo.local" } } }, year: 2025 },
  include: { assessments: { include: { agency: true }, take: 1 } },
});
await db.$disconnect();
const justice = { id: agencyId! };
const AGENCY = `/co-quan/${justice.id}?nam=2025`;

/**
 * A session's cookies as a browser holds them after its first page read: Node's fetch sends
 * Sec-Fetch-Mode like a browser, so without the renewal hint every read would renew the session
 * (an answer with cookies, rendered by Next and never kept).
 */
async function signIn(email: string) {
  const session = await signInOverHttp(baseUrl, { email, password: PASSWORD });
  expect(session.outcome).toBe("ok");
  return `${session.cookie}; session-renew-after=${Math.floor(Date.now() / 1000) + 1800}`;
}

async function get(path: string, cookie: string) {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1] ?? null;
  return { status: response.status, cache: response.headers.get("x-portal-cache"), html, nonce };
}

describe("signed-in pages from the cache", () => {
  it("answers the second load from the cache, with a nonce of its own and otherwise the same page", async () => {
    const pages = [
      { path: DASHBOARD, cookie: await signIn("lanhdao@demo.local"), shows: "Lãnh đạo" },
      { path: AGENCY, cookie: await signIn("thutruong@demo.local"), shows: 'data-testid="criteria-table"' },
    ];
    for (const { path, cookie, shows } of pages) {
      const first = await get(path, cookie);
      const second = await get(path, cookie);
      expect([first.status, second.status], path).toEqual([200, 200]);
      expect([first.cache, second.cache], path).toEqual(["miss", "hit"]);
      expect(first.html).toContain(shows);
      expect(second.nonce).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
      expect(second.nonce).not.toBe(first.nonce);
      expect(second.html).toBe(first.html.replaceAll(first.nonce!, second.nonce!));
      const scripts = [...second.html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(3);
      for (const script of scripts) expect(script).toContain(` nonce="${second.nonce}"`);
      // Another address or query is another entry.
      expect((await get(path.replace("nam=2025", "nam=2024"), cookie)).cache).toBe("miss");
    }
  });

  it("serves an entry to the session it was rendered for only: never another user's nor another sign-in's", async () => {
    const leader = await signIn("lanhdao@demo.local");
    const rendered = await get(DASHBOARD, leader);
    expect(rendered.cache).toBe("miss");
    expect((await get(DASHBOARD, leader)).cache).toBe("hit");
    const staff = await get(DASHBOARD, await signIn("noivu@demo.local"));
    expect(staff.cache).toBe("miss");
    expect(staff.html).toContain("Sở Nội vụ");
    const leaderAgain = await get(DASHBOARD, await signIn("lanhdao@demo.local"));
    expect(leaderAgain.cache).toBe("miss");
    // Two renderings for two sessions of one user show the same page: it holds nothing else of its
    // request (no form token, no time finer than the day the key holds). Only their scripts may
    // differ beside the nonce: React streams the page's data in the order its parts are ready.
    const markup = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "<script>");
    expect(markup(leaderAgain.html)).toBe(markup(rendered.html.replaceAll(rendered.nonce!, leaderAgain.nonce!)));
    // Not signed in: Next answers (the sign-in page), never an entry.
    const anonymous = await get(DASHBOARD, `authjs.session-token=forged; session-renew-after=${Math.floor(Date.now() / 1000) + 1800}`);
    expect(anonymous.cache).toBe("miss");
    expect(anonymous.status).not.toBe(200);
  });

  it("shows a write made through the API on the next load", async () => {
    const head = await signIn("thutruong@demo.local");
    await get(AGENCY, head);
    expect((await get(AGENCY, head)).cache).toBe("hit");
    const staff = await signIn("noivu@demo.local");
    const renamed = "Sở Tư pháp (tên mới để thử bộ nhớ đệm)";
    const db = createPrismaClient(databaseUrl, 1);
    const { version } = await db.agency.findUniqueOrThrow({ where: { id: justice.id } });
    await db.$disconnect();
    const write = await fetch(`${baseUrl}/api/v1/agencies/${justice.id}`, {
      method: "PATCH",
      headers: { cookie: staff, origin: baseUrl, "content-type": "application/json" },
      body: JSON.stringify({ version, name: renamed }),
    });
    expect(write.status, await write.clone().text()).toBe(200);
    const after = await get(AGENCY, head);
    expect(after.cache).toBe("miss");
    expect(after.html).toContain(renamed);
    const again = await get(AGENCY, head);
    expect(again.cache).toBe("hit");
    expect(again.html).toContain(renamed);
  });

  it("keeps a period's control board and its progress API answer likewise, and shows a write on the next read", async () => {
    const staff = await signIn("noivu@demo.local");
    const board = `/danh-gia/${period.id}/dieu-hanh`;
    const first = await get(board, staff);
    const second = await get(board, staff);
    expect([first.status, second.status, first.cache, second.cache]).toEqual([200, 200, "miss", "hit"]);
    expect(first.html).toContain('data-testid="board-table"');
    expect(second.html).toBe(first.html.replaceAll(first.nonce!, second.nonce!));
    // The API answer, read as the board's script would (Node's fetch sends Sec-Fetch-Mode: cors; the
    // proxy never renews a session on an API route, so the renewal hint plays no part there).
    const progress = async (cookie: string) => {
      const response = await fetch(`${baseUrl}/api/v1/assessment-periods/${period.id}/progress`, { headers: { cookie } });
      return {
        status: response.status,
        cache: response.headers.get("x-portal-cache"),
        type: response.headers.get("content-type"),
        text: await response.text(),
      };
    };
    const sessionOnly = staff.replace(/; session-renew-after=\d+$/, "");
    const [a, b] = [await progress(sessionOnly), await progress(sessionOnly)];
    expect([a.status, b.status, a.cache, b.cache]).toEqual([200, 200, "miss", "hit"]);
    expect(b.type).toMatch(/^application\/json/);
    expect(b.text).toBe(a.text);
    expect(JSON.parse(b.text).agencies.length).toBeGreaterThan(1);
    // Another session of another user: its own entry, and only its own row (an agency head).
    const head = await progress(await signIn("thutruong@demo.local"));
    expect(head.cache).toBe("miss");
    expect(JSON.parse(head.text).agencies).toHaveLength(1);

    // A write through the API (an agency of the period renamed): both answers rendered again, showing it.
    const agency = period.assessments[0]!.agency;
    const db = createPrismaClient(databaseUrl, 1);
    const { version } = await db.agency.findUniqueOrThrow({ where: { id: agency.id } });
    await db.$disconnect();
    const renamed = `${agency.name} (tên mới để thử bảng điều hành)`;
    const write = await fetch(`${baseUrl}/api/v1/agencies/${agency.id}`, {
      method: "PATCH",
      headers: { cookie: staff, origin: baseUrl, "content-type": "application/json" },
      body: JSON.stringify({ version, name: renamed }),
    });
    expect(write.status, await write.clone().text()).toBe(200);
    const after = await progress(sessionOnly);
    expect(after.cache).toBe("miss");
    expect(after.text).toContain(renamed);
    const boardAfter = await get(board, staff);
    expect(boardAfter.cache).toBe("miss");
    expect(boardAfter.html).toContain(renamed);
  });

  it("runs the cached pages' scripts in the browser under the fresh nonce, and refuses none", async () => {
    for (const [role, path, drawn] of [
      ["LEADER", DASHBOARD, ".recharts-surface"],
      ["AGENCY_HEAD", AGENCY, "[data-testid=criteria-table]"],
      ["HOME_AFFAIRS", `/danh-gia/${period.id}/dieu-hanh`, "[data-testid=board-table]"],
    ] as const) {
      const { context, page } = await as(role);
      const refused: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
      });
      // The first read may renew the session (an answer with cookies, never kept); then one is kept, then served.
      const seen: (string | undefined)[] = [];
      for (let load = 0; load < 4 && seen.at(-1) !== "hit"; load++) seen.push((await page.goto(`${baseUrl}${path}`))?.headers()["x-portal-cache"]);
      expect(seen.at(-1), seen.join(",")).toBe("hit");
      // Next's inline scripts ran (they carry the nonce), and the client components after them.
      expect(await page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown }).__next_f))).toBe(true);
      await page.locator(drawn).first().waitFor();
      expect(refused).toEqual([]);
      await context.close();
    }
  });
});
