// Runs before every request except static files: the refusal of cross-site writes (API routes and
// server actions alike), the per-request security headers (a fresh CSP nonce, HSTS over HTTPS) and
// the renewal of a browser's session as it uses the pages. Logic lives in lib/api/same-origin.ts,
// lib/security/headers.ts and lib/auth/session.ts.
import { NextResponse, type NextRequest } from "next/server";
import { crossSiteRefusal, isCrossSiteWrite } from "@/lib/api/same-origin";
import { RENEWAL_HINT_COOKIE, RENEWAL_INTERVAL_MINUTES, renewalDue, renewedSessionCookie, SECURE_COOKIES, SESSION_COOKIE } from "@/lib/auth/session";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { API_CONTENT_SECURITY_POLICY, isEmbeddable, isHttps, pageContentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "@/lib/security/headers";

export async function proxy(request: NextRequest) {
  const https = isHttps(request.nextUrl, request.headers);
  const api = request.nextUrl.pathname.startsWith("/api/");
  let response: Response;
  let csp: string;
  if (isCrossSiteWrite(request.method, request.headers)) {
    csp = API_CONTENT_SECURITY_POLICY;
    response = crossSiteRefusal(request.cookies.get(LOCALE_COOKIE)?.value);
  } else if (api) {
    csp = API_CONTENT_SECURITY_POLICY;
    response = NextResponse.next();
  } else {
    // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
    const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
    const embeddable = isEmbeddable(request.nextUrl.pathname);
    csp = pageContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development", https, embeddable });
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers } });
    await renewSession(request, response as NextResponse);
  }
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

/**
 * Renews the session cookie of a browser using the pages, at most every RENEWAL_INTERVAL_MINUTES
 * (the hint cookie says when): the 8-hour idle expiry then counts from the last use, within the
 * 12-hour lifetime. Only browsers' reads (they send `Sec-Fetch-Mode`; scripts and the benchmark do
 * not, and keep the cookie they were given): never a write, since signing in and out are server
 * actions (POST) that write the cookie themselves, and Auth.js's routes are not pages.
 */
async function renewSession(request: NextRequest, response: NextResponse): Promise<void> {
  if (request.method !== "GET" || !request.headers.has("sec-fetch-mode") || !request.cookies.has(SESSION_COOKIE)) return;
  if (!renewalDue(request.cookies.get(RENEWAL_HINT_COOKIE)?.value)) return;
  const renewed = await renewedSessionCookie(request.headers.get("cookie") ?? "");
  if (!renewed) return;
  const cookie = { httpOnly: true, sameSite: "lax", path: "/", secure: SECURE_COOKIES, maxAge: renewed.maxAge } as const;
  response.cookies.set(renewed.name, renewed.value, cookie);
  const next = Math.floor(Date.now() / 1000) + RENEWAL_INTERVAL_MINUTES * 60;
  response.cookies.set(RENEWAL_HINT_COOKIE, String(next), cookie);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
