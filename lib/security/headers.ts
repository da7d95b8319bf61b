// The response headers that are decided per request (proxy.ts): the Content-Security-Policy with
// this response's nonce, and HSTS when the portal is reached over HTTPS. The static ones
// (X-Frame-Options, nosniff, Referrer-Policy, Permissions-Policy) are in next.config.ts.

/**
 * Pages: scripts only with this response's nonce (Next puts it on its own inline and chunk
 * scripts; 'strict-dynamic' lets them load the rest), never inline script from elsewhere, no
 * eval except in development (React's dev tools need it). Styles allow inline: React and the
 * charts set `style` attributes, which a nonce cannot cover. Nothing may frame the portal, except
 * the embeddable pages (`embeddable`), which newspapers and provincial portals put in an iframe.
 */
export function pageContentSecurityPolicy(nonce: string, options: { development: boolean; https: boolean; embeddable?: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    options.embeddable ? "frame-ancestors *" : "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The pages made to be framed by other sites (/nhung/ban-do): public data only, no cookie set. */
export const EMBED_PREFIX = "/nhung";

/** Whether a path is an embeddable page: the only ones another site may frame. */
export function isEmbeddable(pathname: string): boolean {
  return pathname === EMBED_PREFIX || pathname.startsWith(`${EMBED_PREFIX}/`);
}

/** JSON and file downloads load nothing and are never framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Two years, subdomains included; sent only over HTTPS (browsers ignore it over HTTP anyway). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/**
 * Whether the browser reached the portal over HTTPS: the public address says so (AUTH_URL), or
 * the reverse proxy that terminates TLS does (X-Forwarded-Proto), or the request itself.
 */
export function isHttps(url: URL, headers: Headers, authUrl = process.env.AUTH_URL ?? ""): boolean {
  if (authUrl.startsWith("https://")) return true;
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded === "https" || url.protocol === "https:";
}
