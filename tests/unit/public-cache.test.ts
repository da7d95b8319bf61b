// The rules of the public pages' cache (scripts/lib/public-cache.mjs, issue 19 item 1): which
// addresses are public pages, which requests it may answer, what it keeps, and that every answer
// carries a nonce of its own in both the page and its policy. The server around it:
// tests/e2e/public-cache.test.ts.
import { describe, expect, it } from "vitest";
import {
  cacheKey,
  coalescedVersion,
  createPageCache,
  keepable,
  MAX_CACHED_BYTES,
  newNonce,
  nonceOf,
  publicPageMatcher,
  withNonce,
} from "@/scripts/lib/public-cache.mjs";
import { pageContentSecurityPolicy } from "@/lib/security/headers";

const ROUTES = [
  "/page",
  "/(embed)/nhung/ban-do/page",
  "/(embed)/nhung/khac/page",
  "/(public)/xep-hang/page",
  "/(public)/tinh/[code]/page",
  "/(public)/so-sanh/[...codes]/page",
  "/(portal)/bang-dieu-khien/page",
  "/(portal)/tinh/moi/page",
  "/(auth)/dang-nhap/page",
  "/api/v1/rankings/route",
  "/_not-found/page",
];

describe("public pages", () => {
  const isPublic = publicPageMatcher(ROUTES);

  it("are the pages of the (public) route group, the landing page and the embeddable map", () => {
    expect(isPublic("/")).toBe(true);
    expect(isPublic("/nhung/ban-do")).toBe(true);
    expect(isPublic("/nhung/khac")).toBe(false);
    expect(isPublic("/xep-hang")).toBe(true);
    expect(isPublic("/tinh/91")).toBe(true);
    expect(isPublic("/so-sanh/01/79")).toBe(true);
  });

  it("are no signed-in, sign-in or API address, nor one a portal page could also answer", () => {
    for (const path of ["/bang-dieu-khien", "/dang-nhap", "/api/v1/rankings", "/tinh/moi", "/tinh/91/x", "/xep-hang/", "/_not-found", "/so-sanh"]) {
      expect(isPublic(path), path).toBe(false);
    }
  });
});

describe("the requests the cache may answer", () => {
  const isPublic = publicPageMatcher(ROUTES);
  const now = new Date("2026-12-05T18:00:00Z"); // 01:00 on 06/12 in Vietnam
  const get = (url: string, headers: Record<string, string> = {}, method = "GET") =>
    cacheKey({ method, url, headers: { host: "portal", ...headers } }, isPublic, now);

  it("are GETs of a whole public page by someone not signed in", () => {
    expect(get("/tinh/91")).not.toBeNull();
    expect(get("/tinh/91", { cookie: "NEXT_LOCALE=en; authjs.csrf-token=x" })).not.toBeNull();
    expect(get("/bang-dieu-khien")).toBeNull();
    expect(get("/tinh/91", {}, "HEAD")).toBeNull();
    expect(get("/tinh/91", {}, "POST")).toBeNull();
    expect(get("/tinh/91", { cookie: "authjs.session-token=abc" })).toBeNull();
    expect(get("/tinh/91", { cookie: "NEXT_LOCALE=vi; __Secure-authjs.session-token.0=abc" })).toBeNull();
    // The data of a client-side navigation, not the page.
    expect(get("/tinh/91", { rsc: "1" })).toBeNull();
    expect(get("/tinh/91?_rsc=abc")).toBeNull();
    expect(get("/tinh/91", { "next-router-prefetch": "1" })).toBeNull();
  });

  it("are kept apart by address, query, language, host, scheme and the day in Vietnam", () => {
    const keys = [
      get("/tinh/91"),
      get("/tinh/79"),
      get("/tinh/91?ngay=2025-06-30"),
      get("/tinh/91", { cookie: "NEXT_LOCALE=en" }),
      get("/tinh/91", { host: "other" }),
      get("/tinh/91", { "x-forwarded-proto": "https" }),
      cacheKey({ method: "GET", url: "/tinh/91", headers: { host: "portal" } }, isPublic, new Date("2026-12-05T16:00:00Z")),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(get("/tinh/91", { cookie: "a=1; NEXT_LOCALE=en" })).toBe(get("/tinh/91", { cookie: "NEXT_LOCALE=en" }));
  });
});

describe("a rendered page", () => {
  const nonce = newNonce();
  const csp = pageContentSecurityPolicy(nonce, { development: false, https: false });
  const html = `<html><head><script nonce="${nonce}" src="/_next/static/a.js" async></script></head><body><p>Điểm 85,30</p><script nonce="${nonce}">self.__next_f.push([1,"x"])</script></body></html>`;
  const headers = {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": csp,
    "x-frame-options": "DENY",
    date: "x",
    "content-length": "10",
    etag: '"1"',
  };

  it("is kept only when whole, successful, uncompressed, cookie-free and under a nonce policy", () => {
    const body = Buffer.from(html);
    expect(keepable(200, headers, body)).toMatchObject({ status: 200, nonce, headers: { "x-frame-options": "DENY", "content-security-policy": csp } });
    expect(Object.keys(keepable(200, headers, body)!.headers)).not.toEqual(expect.arrayContaining(["date"]));
    expect(keepable(200, headers, body)!.headers).not.toHaveProperty("content-length");
    expect(keepable(200, headers, body)!.headers).not.toHaveProperty("etag");
    expect(keepable(404, headers, body)).toBeNull();
    expect(keepable(307, headers, body)).toBeNull();
    expect(keepable(200, { ...headers, "set-cookie": ["a=1"] }, body)).toBeNull();
    expect(keepable(200, { ...headers, "content-encoding": "gzip" }, body)).toBeNull();
    expect(keepable(200, { ...headers, "content-type": "application/json" }, body)).toBeNull();
    // An API route's JSON only when asked for (the signed-in cache's progress API), under the same rules but the nonce.
    const json = { "content-type": "application/json", "content-security-policy": "default-src 'none'", date: "x" };
    expect(keepable(200, json, Buffer.from("{}"), { json: true })).toEqual({
      status: 200,
      headers: { "content-type": "application/json", "content-security-policy": "default-src 'none'" },
      body: Buffer.from("{}"),
      nonce: null,
    });
    expect(keepable(200, { ...json, "content-type": "text/csv" }, Buffer.from("{}"), { json: true })).toBeNull();
    expect(keepable(403, json, Buffer.from("{}"), { json: true })).toBeNull();
    expect(keepable(200, { ...json, "set-cookie": ["a=1"] }, Buffer.from("{}"), { json: true })).toBeNull();
    expect(keepable(200, { ...json, "content-encoding": "gzip" }, Buffer.from("{}"), { json: true })).toBeNull();
    expect(keepable(200, { ...headers, "content-security-policy": "default-src 'none'" }, body)).toBeNull();
    expect(keepable(200, headers, Buffer.from(`${html}<section data-testid="page-error"></section>`))).toBeNull();
  });

  it("is answered as it was when it is JSON, which has no nonce", () => {
    const kept = keepable(200, { "content-type": "application/json" }, Buffer.from('{"a":"nonce"}'), { json: true })!;
    const answer = withNonce(kept, newNonce());
    expect(answer.body.toString()).toBe('{"a":"nonce"}');
    expect(answer.headers).toEqual({ "content-type": "application/json" });
    expect(answer.headers).not.toBe(kept.headers);
  });

  it("is answered with a nonce of its own, the same in every script and in the policy, and nothing else changed", () => {
    const page = keepable(200, headers, Buffer.from(html))!;
    const fresh = newNonce();
    expect(fresh).not.toBe(nonce);
    const answer = withNonce(page, fresh);
    const text = answer.body.toString();
    expect(text).not.toContain(nonce);
    expect(text).toBe(html.replaceAll(nonce, fresh));
    expect(nonceOf(answer.headers["content-security-policy"])).toBe(fresh);
    expect(answer.headers["content-security-policy"]).toBe(pageContentSecurityPolicy(fresh, { development: false, https: false }));
    // Every script of the answer carries the answer's nonce; the policy allows no other inline script.
    const scripts = [...text.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBe(2);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${fresh}"`);
    expect(String(answer.headers["content-security-policy"])).not.toContain("unsafe-inline' 'nonce");
    expect(String(answer.headers["content-security-policy"])).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    // The kept page is not changed by an answer.
    expect(page.body.toString()).toBe(html);
  });
});

describe("the cache", () => {
  const page = (bytes: number) => ({ status: 200, headers: {}, body: Buffer.alloc(bytes), nonce: "n".repeat(24) });

  it("serves a page only under the published-data version it was rendered at", async () => {
    let version = "1";
    const cache = createPageCache(async () => version);
    const rendered = await cache.current();
    cache.set("a", rendered, page(10));
    expect(cache.get("a")).not.toBeNull();
    version = "2";
    await cache.current();
    expect(cache.get("a")).toBeNull();
    // A page rendered before a write and finished after it is not kept.
    cache.set("b", rendered, page(10));
    expect(cache.get("b")).toBeNull();
  });

  it("holds at most MAX_CACHED_BYTES, letting the oldest pages go", async () => {
    const cache = createPageCache(async () => "1");
    const v = await cache.current();
    const size = 4 * 1024 * 1024;
    for (let i = 0; i < MAX_CACHED_BYTES / size + 3; i++) cache.set(`p${i}`, v, page(size));
    expect(cache.size()).toBe(MAX_CACHED_BYTES / size);
    expect(cache.get("p0")).toBeNull();
    expect(cache.get(`p${MAX_CACHED_BYTES / size + 2}`)).not.toBeNull();
  });

  it("reads the version once for requests that arrive during a read, and again after it for those that arrive later", async () => {
    let reads = 0;
    const pending: (() => void)[] = [];
    const version = coalescedVersion(
      () =>
        new Promise<string>((resolve) => {
          reads++;
          const n = reads;
          pending.push(() => resolve(String(n)));
        }),
    );
    const first = version();
    const during = [version(), version(), version()];
    expect(reads).toBe(1);
    pending.shift()!();
    expect(await first).toBe("1");
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reads).toBe(2);
    pending.shift()!();
    expect(await Promise.all(during)).toEqual(["2", "2", "2"]);
  });
});
