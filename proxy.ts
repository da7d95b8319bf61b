// Runs before every request except static files: the refusal of cross-site writes (API routes and
// server actions alike) and the per-request security headers (a fresh CSP nonce, HSTS over
// HTTPS). Logic lives in lib/api/same-origin.ts and lib/security/headers.ts.
import { NextResponse, type NextRequest } from "next/server";
import { crossSiteRefusal, isCrossSiteWrite } from "@/lib/api/same-origin";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { API_CONTENT_SECURITY_POLICY, isEmbeddable, isHttps, pageContentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
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
  }
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
