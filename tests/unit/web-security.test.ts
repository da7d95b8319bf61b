// The pure rules behind proxy.ts and the route ids: which writes count as cross-site, the CSP of
// pages and of the API, when HSTS is sent, and how a path id that no row can have is read.
import { describe, expect, it } from "vitest";
import { idParam, optionalIdParam } from "@/lib/api/params";
import { isCrossSiteWrite } from "@/lib/api/same-origin";
import { API_CONTENT_SECURITY_POLICY, isHttps, pageContentSecurityPolicy } from "@/lib/security/headers";

const headers = (init: Record<string, string>) => new Headers({ host: "cchc.example.gov.vn", ...init });

describe("cross-site writes", () => {
  it("never concern reads", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"])
      expect(isCrossSiteWrite(method, headers({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }))).toBe(false);
  });

  it("are told by Sec-Fetch-Site when the browser sends it: only the portal's own pages (or the user typing) may write", () => {
    expect(isCrossSiteWrite("POST", headers({ "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSiteWrite("PUT", headers({ "sec-fetch-site": "none" }))).toBe(false);
    expect(isCrossSiteWrite("POST", headers({ "sec-fetch-site": "same-site" }))).toBe(true);
    expect(isCrossSiteWrite("DELETE", headers({ "sec-fetch-site": "cross-site", origin: "https://cchc.example.gov.vn" }))).toBe(true);
  });

  it("else by Origin against the host the request was sent to (the proxy's forwarded host first)", () => {
    expect(isCrossSiteWrite("POST", headers({ origin: "https://cchc.example.gov.vn" }))).toBe(false);
    expect(isCrossSiteWrite("POST", headers({ origin: "https://cchc.example.gov.vn.evil.example" }))).toBe(true);
    expect(isCrossSiteWrite("POST", headers({ origin: "http://cchc.example.gov.vn:8080" }))).toBe(true);
    expect(isCrossSiteWrite("POST", headers({ origin: "null" }))).toBe(true);
    expect(isCrossSiteWrite("POST", headers({ origin: "not a url" }))).toBe(true);
    expect(
      isCrossSiteWrite("POST", new Headers({ host: "10.0.0.5:3000", "x-forwarded-host": "cchc.example.gov.vn", origin: "https://cchc.example.gov.vn" })),
    ).toBe(false);
  });

  it("leave requests without either header to the sign-in checks (programs, not a browser on another site)", () => {
    expect(isCrossSiteWrite("POST", headers({}))).toBe(false);
  });
});

describe("security headers", () => {
  it("pages: scripts only with the nonce, no inline script, no eval outside development, never framed", () => {
    const csp = pageContentSecurityPolicy("abc123", { development: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(pageContentSecurityPolicy("n", { development: true, https: true })).toMatch(/'unsafe-eval'.*upgrade-insecure-requests$/);
  });

  it("API: loads nothing", () => {
    expect(API_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("HSTS when the public address is HTTPS, or the TLS proxy says so", () => {
    const http = new URL("http://10.0.0.5:3000/");
    expect(isHttps(http, new Headers(), "")).toBe(false);
    expect(isHttps(http, new Headers(), "https://cchc.example.gov.vn")).toBe(true);
    expect(isHttps(http, new Headers({ "x-forwarded-proto": "https" }), "")).toBe(true);
    expect(isHttps(http, new Headers({ "x-forwarded-proto": "http, https" }), "")).toBe(false);
    expect(isHttps(new URL("https://cchc.example.gov.vn/"), new Headers(), "")).toBe(true);
  });
});

describe("ids in a route's path", () => {
  it("are positive PostgreSQL integers, or -1 (no row) for anything else", () => {
    expect(idParam("42")).toBe(42);
    expect(idParam("2147483647")).toBe(2147483647);
    for (const text of ["0", "-1", "1.5", "1e3", "2147483648", "99999999999999999999", " 1", "abc", "", null, undefined])
      expect(idParam(text), String(text)).toBe(-1);
    expect(optionalIdParam(null)).toBeUndefined();
    expect(optionalIdParam("")).toBeUndefined();
    expect(optionalIdParam("x")).toBe(-1);
  });
});

describe("stored files as downloads (issue 11, item 8)", () => {
  it("are named with the extension of their real type, whatever name they were uploaded with", async () => {
    const { storedFileResponse } = await import("@/lib/api/responses");
    const response = storedFileResponse(new Uint8Array([37, 80, 68, 70]), { fileName: "báo cáo.html", contentType: "application/pdf" });
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename*=UTF-8''${encodeURIComponent("báo cáo.pdf")}`);
    const image = storedFileResponse(new Uint8Array([1]), { fileName: "anh.jpeg", contentType: "image/jpeg" });
    expect(image.headers.get("content-disposition")).toContain("anh.jpeg");
  });
});
