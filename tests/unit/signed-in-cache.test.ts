// The rules of the signed-in pages' cache (scripts/lib/signed-in-cache.mjs, issue 19 item 2): which
// requests it may answer and under which key (only the holder of the same session cookie, for the
// same address, language, day and data), how long and how much it keeps, and that the database
// counts a write to every table those pages can show. The server around it:
// tests/e2e/signed-in-cache.test.ts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createPageCache, keepable } from "@/scripts/lib/public-cache.mjs";
import { MAX_AGE_MS, signedInCacheKey } from "@/scripts/lib/signed-in-cache.mjs";
import { pageContentSecurityPolicy } from "@/lib/security/headers";

const now = new Date("2026-12-05T18:00:00Z"); // 01:00 on 06/12 in Vietnam
const inAnHour = Math.floor(now.getTime() / 1000) + 3600;
const SESSION = "authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0.leader";
const get = (url: string, headers: Record<string, string> = {}, method = "GET", at = now) =>
  signedInCacheKey({ method, url, headers: { host: "portal", cookie: SESSION, ...headers } }, at);

describe("the signed-in requests the cache may answer", () => {
  it("are GETs of a whole leader dashboard, agency view, control board or progress API answer, with a session cookie", () => {
    expect(get("/bang-dieu-khien")).toMatch(/^[0-9a-f]{64}$/);
    expect(get("/bang-dieu-khien?tinh=12&nam=2025")).not.toBeNull();
    expect(get("/co-quan/17?nam=2025&sap-xep=ma")).not.toBeNull();
    expect(get("/danh-gia/342/dieu-hanh")).not.toBeNull();
    expect(get("/api/v1/assessment-periods/342/progress")).not.toBeNull();
    for (const url of [
      "/co-quan",
      "/co-quan/17/x",
      "/viec-cua-toi",
      "/bang-dieu-khien/du-bao",
      "/xep-hang",
      "/api/v1/rankings",
      "/danh-gia/342",
      "/danh-gia/342/dieu-hanh/x",
      "/api/v1/assessment-periods/342",
      "/api/v1/assessment-periods/342/progress/x",
    ]) {
      expect(get(url), url).toBeNull();
    }
    expect(get("/api/v1/assessment-periods/342/progress", {}, "POST")).toBeNull();
    expect(get("/bang-dieu-khien", {}, "HEAD")).toBeNull();
    expect(get("/bang-dieu-khien", {}, "POST")).toBeNull();
    expect(get("/bang-dieu-khien", { cookie: "NEXT_LOCALE=en; authjs.csrf-token=x" })).toBeNull();
  });

  it("are not the data of a client-side navigation, a prefetch or a server action", () => {
    expect(get("/bang-dieu-khien", { rsc: "1" })).toBeNull();
    expect(get("/bang-dieu-khien?_rsc=abc")).toBeNull();
    expect(get("/bang-dieu-khien", { "next-router-prefetch": "1" })).toBeNull();
    expect(get("/co-quan/17", { "next-router-state-tree": "%5B%22%22%5D" })).toBeNull();
    expect(get("/co-quan/17", { "next-action": "abc" })).toBeNull();
  });

  it("are rendered by Next when proxy.ts would renew the session: a browser's read with the renewal hint absent, unreadable or past", () => {
    const browser = { "sec-fetch-mode": "navigate" };
    expect(get("/bang-dieu-khien", { ...browser, cookie: `${SESSION}; session-renew-after=${inAnHour}` })).not.toBeNull();
    expect(get("/bang-dieu-khien", { ...browser, cookie: SESSION })).toBeNull();
    expect(get("/bang-dieu-khien", { ...browser, cookie: `${SESSION}; session-renew-after=soon` })).toBeNull();
    expect(get("/bang-dieu-khien", { ...browser, cookie: `${SESSION}; session-renew-after=${inAnHour - 7200}` })).toBeNull();
    expect(get("/bang-dieu-khien", { ...browser, cookie: `${SESSION}; session-renew-after=${Math.floor(now.getTime() / 1000)}` })).toBeNull();
    // A script's read (no Sec-Fetch-Mode) is never renewed by the proxy, so the hint does not matter;
    // nor a browser's read of an API route (the proxy renews on page reads only).
    expect(get("/bang-dieu-khien", { cookie: SESSION })).not.toBeNull();
    expect(get("/api/v1/assessment-periods/342/progress", { "sec-fetch-mode": "cors", cookie: SESSION })).not.toBeNull();
    expect(get("/danh-gia/342/dieu-hanh", { ...browser, cookie: SESSION })).toBeNull();
    // The hint is not part of the key: a renewal does not empty the user's entries.
    expect(get("/bang-dieu-khien", { ...browser, cookie: `${SESSION}; session-renew-after=${inAnHour}` })).toBe(get("/bang-dieu-khien"));
  });

  it("are kept apart by session cookie, address, query, language, host, scheme and the day in Vietnam", () => {
    const keys = [
      get("/bang-dieu-khien"),
      get("/bang-dieu-khien", { cookie: `${SESSION}x` }),
      get("/bang-dieu-khien", { cookie: "authjs.session-token=other" }),
      get("/bang-dieu-khien", { cookie: `__Secure-${SESSION}` }),
      get("/bang-dieu-khien", { cookie: `authjs.session-token.0=a; authjs.session-token.1=b` }),
      get("/bang-dieu-khien", { cookie: `authjs.session-token.0=a; authjs.session-token.1=c` }),
      get("/bang-dieu-khien?nam=2025"),
      get("/bang-dieu-khien?nam=2024"),
      get("/co-quan/17"),
      get("/co-quan/18"),
      get("/danh-gia/342/dieu-hanh"),
      get("/danh-gia/343/dieu-hanh"),
      get("/api/v1/assessment-periods/342/progress"),
      get("/bang-dieu-khien", { cookie: `${SESSION}; NEXT_LOCALE=en` }),
      get("/bang-dieu-khien", { host: "other" }),
      get("/bang-dieu-khien", { "x-forwarded-proto": "https" }),
      get("/bang-dieu-khien", {}, "GET", new Date("2026-12-05T16:00:00Z")),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    // Other cookies and headers the pages do not read change nothing.
    expect(get("/bang-dieu-khien", { cookie: `a=1; ${SESSION}; authjs.csrf-token=x` })).toBe(get("/bang-dieu-khien"));
    expect(get("/bang-dieu-khien", { "accept-language": "en" })).toBe(get("/bang-dieu-khien"));
    expect(get("/bang-dieu-khien", {}, "GET", new Date("2026-12-06T16:59:59Z"))).toBe(get("/bang-dieu-khien"));
  });

  it("never holds the session cookie itself", () => {
    expect(get("/bang-dieu-khien")).not.toContain("leader");
  });
});

describe("the signed-in cache", () => {
  const page = (bytes = 10) => ({ status: 200, headers: {}, body: Buffer.alloc(bytes), nonce: "n".repeat(24) });

  it("serves an entry only under the data version it was rendered at, and for MAX_AGE_MS at most", async () => {
    let version = "1.1";
    let clock = 0;
    const cache = createPageCache(async () => version, { maxAgeMs: MAX_AGE_MS, clock: () => clock });
    const rendered = await cache.current();
    cache.set("a", rendered, page());
    cache.set("b", rendered, page());
    clock = MAX_AGE_MS - 1;
    expect(cache.get("a")).not.toBeNull();
    clock = MAX_AGE_MS;
    expect(cache.get("a")).toBeNull();
    expect(cache.size()).toBe(1);
    version = "1.2";
    await cache.current();
    expect(cache.get("b")).toBeNull();
  });

  it("holds at most maxEntries, letting the least recently used go", async () => {
    const cache = createPageCache(async () => "1.1", { maxEntries: 3 });
    const v = await cache.current();
    for (const key of ["a", "b", "c"]) cache.set(key, v, page());
    expect(cache.get("a")).not.toBeNull();
    cache.set("d", v, page());
    expect(cache.size()).toBe(3);
    expect(cache.get("b")).toBeNull();
    expect(cache.get("a")).not.toBeNull();
  });

  it("never keeps an answer that sets a cookie (a renewed or ended session)", () => {
    const nonce = "bm9uY2Utbm9uY2Utbm9uY2Utbm9uY2U=";
    const headers = {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": pageContentSecurityPolicy(nonce, { development: false, https: false }),
    };
    const body = Buffer.from(`<script nonce="${nonce}"></script>`);
    expect(keepable(200, headers, body)).not.toBeNull();
    expect(keepable(200, { ...headers, "set-cookie": ["authjs.session-token=new; Path=/; HttpOnly"] }, body)).toBeNull();
    expect(keepable(200, { ...headers, "set-cookie": "session-renew-after=1" }, body)).toBeNull();
  });
});

describe("the internal data version", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const tables = [...fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8").matchAll(/@@map\("([a-z_]+)"\)/g)].map((m) => m[1]);
  const folder = fs.readdirSync(path.join(root, "prisma/migrations")).find((name) => name.endsWith("_internal_data_version"))!;
  const migration = fs.readFileSync(path.join(root, "prisma/migrations", folder, "migration.sql"), "utf8");
  const counted = /FOREACH internal_table IN ARRAY ARRAY\[([^\]]+)\]/
    .exec(migration)![1]
    .match(/'([a-z_]+)'/g)!
    .map((name) => name.slice(1, -1));
  // Each with the reason written in the migration: written by a sign-in, a reset request or the mail worker; the versions themselves.
  const notCounted = ["login_attempt", "password_token", "mail_message", "published_data_version", "internal_data_version", "internal_data_change"];

  it("is bumped by a write to every table of the schema but those a sign-in, a reset request or the mail worker writes", () => {
    expect(tables.length).toBeGreaterThan(30);
    expect(tables.filter((table) => !counted.includes(table) && !notCounted.includes(table))).toEqual([]);
    expect(counted.filter((table) => notCounted.includes(table) || !tables.includes(table))).toEqual([]);
  });
});
