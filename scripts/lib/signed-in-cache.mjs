// @ts-check
// The leader dashboard, the agency view and a period's control board served from a cache of their
// rendered HTML, and the period's progress API from a cache of its JSON (issue 19, items 2 and 4):
// their data is read in about 10 ms, the rest of a request is rendering (docs/benchmarks.md).
// The machinery is the public pages' (scripts/lib/public-cache.mjs: what a response keeps, a fresh
// CSP nonce in each answer, the version read per request); what differs is who may be answered.
// A signed-in page shows what its user may see, so an entry is only ever served to the holder of
// the very session cookie Next verified when it rendered it, and only while nothing it could show
// has changed: the data versions (published and internal, both bumped by database triggers at the
// commit of every write, migration *_internal_data_version), the day in Vietnam, and at most
// MAX_AGE_MS after it was rendered (a session's expiry, which no version counts). Why that is safe:
// README, "Performance". Plain JavaScript: the server runs it without a build step.
import crypto from "node:crypto";
import { routePattern } from "./public-cache.mjs";

/**
 * The pages and API answers kept, as routes of the build ([agencyId]: any one segment; the page
 * checks the id). Each shows only data the versions count, the session's user and the day: the
 * board's countdowns and "late" flags change at midnight in Vietnam, as every deadline is the end
 * of a day there (lib/assessments/schema.ts, deadlineSchema).
 */
export const SIGNED_IN_CACHED_ROUTES = [
  "/(portal)/bang-dieu-khien/page",
  "/(portal)/co-quan/[agencyId]/page",
  "/(portal)/danh-gia/[periodId]/dieu-hanh/page",
  "/api/v1/assessment-periods/[id]/progress/route",
];
const PATTERNS = SIGNED_IN_CACHED_ROUTES.map(routePattern);

/** An entry is rendered again after 5 minutes, whatever else happened. */
export const MAX_AGE_MS = 5 * 60_000;
/** Bounds the memory: a dashboard at national scale is a few hundred kB. */
export const MAX_ENTRIES = 500;
export const MAX_BYTES = 48 * 1024 * 1024;

/** Both data versions in one primary-key read each: the pages show published and internal data. */
export const VERSION_QUERY =
  "SELECT p.version::text || '.' || i.version::text AS version FROM published_data_version p, internal_data_version i WHERE p.id = 1 AND i.id = 1";

/** The session cookie (Auth.js; "__Secure-" over HTTPS, ".0", ".1" when chunked), each part with its value. */
const SESSION_COOKIE = /(?:^|;\s*)((?:__Secure-)?authjs\.session-token(?:\.\d+)?)=([^;]*)/g;
/** lib/auth/session.ts's RENEWAL_HINT_COOKIE: when the session is next due for renewal (seconds). */
const RENEWAL_HINT_COOKIE = /(?:^|;\s*)session-renew-after=([^;]*)/;
/** The language the page is drawn in: the user's saved choice (a table the version counts), else this cookie; never Accept-Language (lib/i18n/config.ts). */
const LOCALE_COOKIE = /(?:^|;\s*)NEXT_LOCALE=([^;]*)/;

/**
 * Whether proxy.ts would renew this request's session, which a cached answer must not skip (the
 * renewed cookie keeps an active user signed in): a browser's page read (`Sec-Fetch-Mode`; never an
 * API route's) whose renewal hint is absent, unreadable or past (lib/auth/session.ts, renewalDue).
 * Such a request is rendered by Next, and its answer, which sets cookies, is not kept.
 * @param {import("node:http").IncomingHttpHeaders} headers @param {string} cookie @param {string} pathname @param {Date} now
 */
function renewalDue(headers, cookie, pathname, now) {
  if (headers["sec-fetch-mode"] === undefined || pathname.startsWith("/api/")) return false;
  const hint = RENEWAL_HINT_COOKIE.exec(cookie)?.[1];
  const at = Number(hint);
  return hint === undefined || !Number.isFinite(at) || at * 1000 <= now.getTime();
}

/**
 * The cache key of a request, or null when Next must render it: only a GET of a whole page or API
 * answer of SIGNED_IN_CACHED_ROUTES (not the data of a client-side navigation or prefetch) with a session
 * cookie, when no renewal of that session is due. The key is a SHA-256 of all the page depends on:
 * the session cookie's exact value (so only its holder is answered), the address with its query,
 * the language cookie, host and scheme, and the day in Vietnam (overdue and deadline flags).
 * @param {{ method?: string; url?: string; headers: import("node:http").IncomingHttpHeaders }} request
 * @param {Date} [now]
 */
export function signedInCacheKey(request, now = new Date()) {
  if (request.method !== "GET" || !request.url || request.url.length > 2048) return null;
  const headers = request.headers;
  if (headers.rsc || headers["next-router-prefetch"] || headers["next-router-state-tree"] || headers["next-action"]) return null;
  const url = new URL(request.url, "http://portal");
  if (url.searchParams.has("_rsc") || !PATTERNS.some((pattern) => pattern.test(url.pathname))) return null;
  const cookie = headers.cookie ?? "";
  const session = [...cookie.matchAll(SESSION_COOKIE)].map(([, name, value]) => `${name}=${value}`);
  if (session.length === 0 || renewalDue(headers, cookie, url.pathname, now)) return null;
  const locale = LOCALE_COOKIE.exec(cookie)?.[1] ?? "";
  const vietnamDay = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const parts = [session.join("; "), headers.host ?? "", headers["x-forwarded-proto"] ?? "", locale.slice(0, 16), vietnamDay, url.pathname + url.search];
  return crypto.createHash("sha256").update(parts.join("\u0000")).digest("hex");
}
