// The header and cross-site rules of lib/security/headers.ts and lib/api/same-origin.ts, exactly,
// beyond tests/unit/web-security.test.ts.
import { describe, expect, it } from "vitest";
import { crossSiteRefusal, isCrossSiteWrite } from "@/lib/api/same-origin";
import { EMBED_PREFIX, isEmbeddable, isHttps, pageContentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "@/lib/security/headers";

describe("the pages' Content-Security-Policy", () => {
  it("is exactly this in production over plain HTTP", () => {
    expect(pageContentSecurityPolicy("n0nce", { development: false, https: false })).toBe(
      "default-src 'self'; script-src 'self' 'nonce-n0nce' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  it("allows eval only in development, and upgrades requests only over HTTPS", () => {
    expect(pageContentSecurityPolicy("n", { development: true, https: false })).toContain(
      "script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'; style-src",
    );
    expect(pageContentSecurityPolicy("n", { development: false, https: true })).toMatch(/frame-ancestors 'none'; upgrade-insecure-requests$/);
  });
});

describe("the embeddable pages", () => {
  it("may be framed by any site, and only they: frame-ancestors * instead of 'none'", () => {
    expect(pageContentSecurityPolicy("n", { development: false, https: false, embeddable: true })).toMatch(/; frame-ancestors \*$/);
    expect(pageContentSecurityPolicy("n", { development: false, https: true, embeddable: true })).toMatch(
      /; form-action 'self'; frame-ancestors \*; upgrade-insecure-requests$/,
    );
    expect(pageContentSecurityPolicy("n", { development: false, https: false, embeddable: false })).toMatch(/; frame-ancestors 'none'$/);
  });

  it("are /nhung itself and the paths under /nhung/", () => {
    expect(EMBED_PREFIX).toBe("/nhung");
    expect(isEmbeddable("/nhung")).toBe(true);
    expect(isEmbeddable("/nhung/ban-do")).toBe(true);
    expect(isEmbeddable("/nhung/")).toBe(true);
  });

  it("are not a path that only starts or ends like /nhung, nor any other page", () => {
    expect(isEmbeddable("/nhungxyz")).toBe(false);
    expect(isEmbeddable("/nhung-ban-do")).toBe(false);
    expect(isEmbeddable("/ban-do/nhung/")).toBe(false);
    expect(isEmbeddable("/")).toBe(false);
    expect(isEmbeddable("")).toBe(false);
    expect(isEmbeddable("/ban-do")).toBe(false);
  });
});

describe("HSTS", () => {
  it("is kept for two years, subdomains included", () => {
    expect(STRICT_TRANSPORT_SECURITY).toBe("max-age=63072000; includeSubDomains");
  });

  it("is sent when the proxy says HTTPS in any case, first value only", () => {
    const http = new URL("http://10.0.0.5:3000/");
    expect(isHttps(http, new Headers({ "x-forwarded-proto": " HTTPS , http" }), "")).toBe(true);
    expect(isHttps(http, new Headers({ "x-forwarded-proto": "http" }), "")).toBe(false);
  });

  it("is not sent for a public address that is plain HTTP", () => {
    expect(isHttps(new URL("http://10.0.0.5:3000/"), new Headers(), "http://cchc.example.gov.vn")).toBe(false);
  });
});

describe("cross-site writes", () => {
  it("methods are compared in any case", () => {
    expect(isCrossSiteWrite("get", new Headers({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isCrossSiteWrite("post", new Headers({ "sec-fetch-site": "cross-site" }))).toBe(true);
  });

  it("the forwarded host is the first one the proxies list, trimmed", () => {
    const headers = new Headers({
      host: "10.0.0.5:3000",
      "x-forwarded-host": " cchc.example.gov.vn , proxy.internal",
      origin: "https://cchc.example.gov.vn",
    });
    expect(isCrossSiteWrite("POST", headers)).toBe(false);
  });

  it("without a forwarded host, the Host header decides", () => {
    expect(isCrossSiteWrite("POST", new Headers({ host: "10.0.0.5:3000", origin: "http://10.0.0.5:3000" }))).toBe(false);
    expect(isCrossSiteWrite("POST", new Headers({ host: "10.0.0.5:3000", "x-forwarded-host": "", origin: "http://10.0.0.5:3000" }))).toBe(false);
  });

  it("are refused with 403 and a message that says what to do", async () => {
    const response = crossSiteRefusal(undefined);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: "Yêu cầu bị từ chối: thao tác thay đổi dữ liệu chỉ được gửi từ chính các trang của cổng, không nhận từ trang web khác. Mở cổng rồi thực hiện lại.",
    });
  });
});
