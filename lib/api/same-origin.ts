// Cross-site request forgery: a page of another site may make the browser send a form or a
// fetch to the portal with the user's session cookie. Writes are only accepted from the portal's
// own pages. Browsers say where a request comes from (Sec-Fetch-Site, or Origin in older ones); a
// request with neither comes from a program (a script with its own cookie), not from a browser
// visiting another site, and is left to the usual sign-in checks. proxy.ts applies this to every
// state-changing request: the API's POST/PUT/DELETE and the server actions (POSTs to pages, which
// Next itself would answer with a 500 when the origin differs).

import { resolveLocale } from "@/lib/i18n/config";
import { libTranslator } from "@/lib/i18n/lib-translator";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteWrite(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const site = headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (a sandboxed frame, a file) or garbage
  }
}

/** 403, worded in the visitor's language (the cookie: the proxy runs before any sign-in is read). */
export function crossSiteRefusal(cookie: string | undefined): Response {
  const message = libTranslator("errors.generic", resolveLocale(null, cookie))("crossSite");
  return Response.json({ error: message }, { status: 403 });
}
