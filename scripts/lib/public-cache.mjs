// @ts-check
// The public pages served from a cache of their rendered HTML, with a fresh CSP nonce in every
// response (issue 19, item 1). Every page is rendered per request because the policy's nonce must
// reach Next's inline scripts; a public page shows only published data, which changes a few times
// a year. So scripts/web-server.mjs keeps each anonymous public page as rendered, under the
// published-data version (the one-row table the database's triggers bump on every write to the
// published tables, lib/db/published-cache.ts), and answers the next request for it without Next:
// the same HTML and headers with the nonce Next rendered replaced by a new one, in the body and
// in the Content-Security-Policy alike. Why that is safe: README, "Performance".
// Plain JavaScript: the server runs it without a build step.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// ───────────────────────── Which pages are public ─────────────────────────

/** Pages in this route group are public: a new page gets the cache by being put there. */
export const PUBLIC_ROUTE_GROUP = "(public)";
/** Public pages that live outside the group (the landing page draws its own header; the embeddable map has none). */
const PUBLIC_PAGES_OUTSIDE_THE_GROUP = ["/page", "/(embed)/nhung/ban-do/page"];

/**
 * A route of the build's app-paths manifest ("/(public)/tinh/[code]/page", or a route handler's
 * ".../route") as a pattern of the addresses it answers: route groups dropped, a [segment] one
 * segment, [...rest] one or more.
 * @param {string} route
 */
export function routePattern(route) {
  const segments = route
    .replace(/\/(?:page|route)$/, "")
    .split("/")
    .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment));
  const source = segments
    .map((segment) => {
      if (/^\[\[\.\.\..+\]\]$/.test(segment)) return "(?:/.*)?";
      if (/^\[\.\.\..+\]$/.test(segment)) return "/.+";
      if (/^\[.+\]$/.test(segment)) return "/[^/]+";
      return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
    })
    .join("");
  return new RegExp(`^${source || "/"}$`);
}

/**
 * From the build's page routes: whether an address is a public page. An address that a non-public
 * page could also answer (a static segment of the portal beside a public [segment]) is not.
 * @param {string[]} routes
 * @returns {(pathname: string) => boolean}
 */
export function publicPageMatcher(routes) {
  const pages = routes.filter((route) => route.endsWith("/page"));
  const isPublic = (/** @type {string} */ route) => route.split("/").includes(PUBLIC_ROUTE_GROUP) || PUBLIC_PAGES_OUTSIDE_THE_GROUP.includes(route);
  const publicPatterns = pages.filter(isPublic).map(routePattern);
  const otherPatterns = pages.filter((route) => !isPublic(route)).map(routePattern);
  return (pathname) => publicPatterns.some((p) => p.test(pathname)) && !otherPatterns.some((p) => p.test(pathname));
}

/** The matcher of the build in `distDir` (its server/app-paths-manifest.json). @param {string} distDir */
export function publicPagesOfBuild(distDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "app-paths-manifest.json"), "utf8"));
  return publicPageMatcher(Object.keys(manifest));
}

// ───────────────────────── Which requests may be answered from the cache ─────────────────────────

/** The cookie of a signed-in session (Auth.js; "__Secure-" over HTTPS, ".0", ".1" when chunked). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;
const LOCALE_COOKIE = /(?:^|;\s*)NEXT_LOCALE=([^;]*)/;

/**
 * The cache key of a request, or null when it must be rendered: only a GET of a whole public page
 * (not the data of a client-side navigation, `RSC`) by someone not signed in (the header shows a
 * signed-in user's name). The key holds everything else the page depends on: the address, the
 * host and scheme, the language cookie, and the day in Vietnam (what "today" shows).
 * @param {{ method?: string; url?: string; headers: import("node:http").IncomingHttpHeaders }} request
 * @param {(pathname: string) => boolean} isPublicPage
 * @param {Date} [now]
 */
export function cacheKey(request, isPublicPage, now = new Date()) {
  if (request.method !== "GET" || !request.url || request.url.length > 2048) return null;
  const headers = request.headers;
  if (headers.rsc || headers["next-router-prefetch"] || headers["next-action"]) return null;
  const url = new URL(request.url, "http://portal");
  if (url.searchParams.has("_rsc") || !isPublicPage(url.pathname)) return null;
  const cookie = headers.cookie ?? "";
  if (SESSION_COOKIE.test(cookie)) return null;
  const locale = LOCALE_COOKIE.exec(cookie)?.[1] ?? "";
  const vietnamDay = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return [headers.host ?? "", headers["x-forwarded-proto"] ?? "", locale.slice(0, 16), vietnamDay, url.pathname + url.search].join("\u0000");
}

// ───────────────────────── Pages as rendered, with a fresh nonce each time ─────────────────────────

/** Says whether an answer came from the cache ("hit") or was rendered to be kept ("miss"). */
export const CACHE_HEADER = "x-portal-cache";

/** The nonce of a Content-Security-Policy ('nonce-…'), or null. @param {unknown} policy */
export function nonceOf(policy) {
  return /'nonce-([A-Za-z0-9+/=_-]{16,})'/.exec(String(policy ?? ""))?.[1] ?? null;
}

/** A nonce as proxy.ts makes them. */
export const newNonce = () => Buffer.from(crypto.randomUUID()).toString("base64");

/**
 * `nonce`: the one Next rendered, or null for an API route's JSON (no script, so no nonce to renew).
 * @typedef {{ status: number; headers: Record<string, string | string[]>; body: Buffer; nonce: string | null }} RenderedPage
 */

// A page whose rendering failed shows components/ui/page-error.tsx (with status 200 when the failure
// came after the first bytes were sent): never kept, the next request renders again.
const FAILED_PAGE = Buffer.from('data-testid="page-error"');

// Headers of the rendered response that are not the page's: the connection's, the length and an
// entity tag (the body changes with each nonce), the date, and the cache's own.
const NOT_KEPT = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "etag", "date", CACHE_HEADER]);

/**
 * What a rendered response keeps, or null when it must not be reused: only a complete 200 HTML
 * page, uncompressed, that sets no cookie, whose policy has a nonce and whose rendering succeeded.
 * With `json`, also a complete 200 JSON answer (an API route's: the signed-in cache keeps one,
 * and errors are never 200), uncompressed and cookie-free like a page.
 * @param {number} status
 * @param {import("node:http").OutgoingHttpHeaders} headers
 * @param {Buffer} body
 * @param {{ json?: boolean }} [accept]
 * @returns {RenderedPage | null}
 */
export function keepable(status, headers, body, { json = false } = {}) {
  if (status !== 200 || headers["set-cookie"] || headers["content-encoding"]) return null;
  const type = String(headers["content-type"] ?? "");
  /** @type {string | null} */
  let nonce = null;
  if (type.startsWith("text/html")) {
    nonce = nonceOf(headers["content-security-policy"]);
    if (!nonce || body.includes(FAILED_PAGE)) return null;
  } else if (!(json && type.startsWith("application/json"))) {
    return null;
  }
  /** @type {Record<string, string | string[]>} */
  const kept = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !NOT_KEPT.has(name)) kept[name] = Array.isArray(value) ? value : String(value);
  }
  return { status, headers: kept, body, nonce };
}

/**
 * The page with `nonce` wherever the rendered one was: on every script Next wrote and in the
 * policy. The rendered nonce is 128 random bits chosen at render time, after the data shown was
 * written, so no text of the page can hold it except where Next put it. A JSON answer as it was.
 * @param {RenderedPage} page
 * @param {string} nonce
 */
export function withNonce(page, nonce) {
  const rendered = page.nonce;
  if (rendered === null) return { headers: { ...page.headers }, body: page.body };
  /** @type {Record<string, string | string[]>} */
  const headers = {};
  for (const [name, value] of Object.entries(page.headers)) {
    headers[name] = Array.isArray(value) ? value.map((v) => v.replaceAll(rendered, nonce)) : value.replaceAll(rendered, nonce);
  }
  const parts = [];
  let at = 0;
  const old = Buffer.from(rendered);
  const fresh = Buffer.from(nonce);
  for (let found = page.body.indexOf(old, at); found !== -1; found = page.body.indexOf(old, at)) {
    parts.push(page.body.subarray(at, found), fresh);
    at = found + old.length;
  }
  parts.push(page.body.subarray(at));
  return { headers, body: Buffer.concat(parts) };
}

// ───────────────────────── The cache ─────────────────────────

/** Bounds the memory: a crawler asking for every unit, date and rank evicts the oldest pages. */
export const MAX_CACHED_BYTES = 64 * 1024 * 1024;
const MAX_PAGE_BYTES = 4 * 1024 * 1024;

/**
 * Pages under the data version they were rendered at. `version()` is read for every request the
 * cache could answer (lib/db/published-cache.ts reads it the same way): a page rendered before a
 * write is never served after it. At most `maxBytes` and `maxEntries` pages, the least recently
 * used out first; a page older than `maxAgeMs` is rendered again (the signed-in pages: what no
 * version counts, such as a session's expiry, is seen within that time).
 * @param {() => Promise<string>} version
 * @param {{ maxBytes?: number; maxEntries?: number; maxAgeMs?: number; clock?: () => number }} [limits]
 */
export function createPageCache(
  version,
  { maxBytes = MAX_CACHED_BYTES, maxEntries = Number.POSITIVE_INFINITY, maxAgeMs = Number.POSITIVE_INFINITY, clock = Date.now } = {},
) {
  /** @type {Map<string, { page: RenderedPage; expiresAt: number }>} */
  const pages = new Map();
  let bytes = 0;
  /** @type {string | null} */
  let pagesVersion = null;
  /** @param {string} key */
  const remove = (key) => {
    const entry = pages.get(key);
    if (!entry) return;
    pages.delete(key);
    bytes -= entry.page.body.length;
  };
  return {
    /** The version now, clearing pages rendered before it. */
    async current() {
      const now = await version();
      if (now !== pagesVersion) {
        pages.clear();
        bytes = 0;
        pagesVersion = now;
      }
      return now;
    },
    /** @param {string} key */
    get(key) {
      const entry = pages.get(key);
      if (!entry) return null;
      pages.delete(key);
      if (clock() >= entry.expiresAt) {
        bytes -= entry.page.body.length;
        return null;
      }
      pages.set(key, entry);
      return entry.page;
    },
    /**
     * Keeps a page rendered at `renderedAt`, unless the data changed meanwhile.
     * @param {string} key @param {string} renderedAt @param {RenderedPage} page
     */
    set(key, renderedAt, page) {
      if (renderedAt !== pagesVersion || page.body.length > MAX_PAGE_BYTES) return;
      remove(key);
      pages.set(key, { page, expiresAt: clock() + maxAgeMs });
      bytes += page.body.length;
      for (const oldest of pages.keys()) {
        if (bytes <= maxBytes && pages.size <= maxEntries) break;
        remove(oldest);
      }
    },
    size: () => pages.size,
  };
}

/**
 * The published-data version read from PostgreSQL, at most one read in flight: requests that
 * arrive meanwhile share the next read, which starts after they arrived (so a page never predates
 * a write committed before its request), as in lib/db/published-cache.ts.
 * @param {() => Promise<string>} read
 * @returns {() => Promise<string>}
 */
export function coalescedVersion(read) {
  /** @type {Promise<string> | null} */
  let running = null;
  /** @type {Promise<string> | null} */
  let queued = null;
  const start = () => {
    /** @type {Promise<string>} */
    const current = read().finally(() => {
      if (running === current) running = null;
    });
    running = current;
    return current;
  };
  return () => {
    if (!running) return start();
    queued ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  };
}
