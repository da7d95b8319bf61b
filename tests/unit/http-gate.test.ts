// The checks the web server makes before Next sees a request (scripts/lib/http-gate.mjs): which
// address is the client's (issue 11, item 6) and which bodies may be read (item 7).
import { describe, expect, it } from "vitest";
import { OPERATIONS } from "@/lib/openapi/operations";
import { bodyClass, clientAddress, SMALL_BODY_BYTES, trustedProxies, UPLOAD_MAX_BYTES } from "@/scripts/lib/http-gate.mjs";

describe("the client's address", () => {
  it("is the connection's when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", null)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", undefined, trustedProxies(""))).toBe("203.0.113.9");
  });

  it("behind trusted proxies, is the first address from the right that is not one of them", () => {
    const trusted = trustedProxies("10.0.0.2, 10.8.0.0/16, ::1");
    // A client that writes its own header stands to the left of what the proxy appended.
    expect(clientAddress("10.0.0.2", "1.2.3.4, 203.0.113.9", trusted)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:10.0.0.2", "203.0.113.9, 10.8.4.4", trusted)).toBe("203.0.113.9");
    expect(clientAddress("::1", "2001:db8::7", trusted)).toBe("2001:db8::7");
    expect(clientAddress("10.0.0.2", ["1.2.3.4", "203.0.113.9"], trusted)).toBe("203.0.113.9");
  });

  it("ignores X-Forwarded-For from a connection that is not a trusted proxy", () => {
    expect(clientAddress("203.0.113.9", "10.0.0.2", trustedProxies("10.0.0.2"))).toBe("203.0.113.9");
  });

  it("is the proxy's own when the header is missing, and refuses a malformed TRUSTED_PROXIES", () => {
    expect(clientAddress("10.0.0.2", undefined, trustedProxies("10.0.0.2"))).toBe("10.0.0.2");
    expect(() => trustedProxies("proxy.local")).toThrow(/TRUSTED_PROXIES/);
    expect(() => trustedProxies("10.0.0.0/x")).toThrow(/TRUSTED_PROXIES/);
  });
});

// Calls inside each test, none at collection: Stryker counts a mutant reached outside a test as static.
describe("the rules of the client's address", () => {
  it("TRUSTED_PROXIES unset, empty or only commas trusts no proxy", () => {
    expect(trustedProxies(undefined)).toBeNull();
    expect(trustedProxies("")).toBeNull();
    expect(trustedProxies(" , ,")).toBeNull();
  });

  it("a CIDR's prefix is one to three digits, nothing around them", () => {
    expect(() => trustedProxies("10.0.0.0/a16")).toThrow(/TRUSTED_PROXIES/);
    expect(() => trustedProxies("10.0.0.0/16a")).toThrow(/TRUSTED_PROXIES/);
    expect(() => trustedProxies("10.0.0.0/1234")).toThrow(/TRUSTED_PROXIES/);
    expect(trustedProxies("10.0.0.0/8")?.check("10.200.0.1", "ipv4")).toBe(true);
  });

  it("only the IPv4-mapped prefix ::ffff: is unwrapped, and only around an IPv4 address", () => {
    expect(clientAddress("::ffff:a00:2", undefined, null)).toBe("::ffff:a00:2");
    expect(clientAddress("::abcd:1.2.3.4", undefined, null)).toBe("::abcd:1.2.3.4");
  });

  it("a connection without an address is unknown", () => {
    expect(clientAddress(undefined, undefined, null)).toBe("unknown");
  });

  it("a forwarded address is cut to 64 characters, wherever it stands in the chain", () => {
    const trusted = trustedProxies("10.0.0.2");
    expect(clientAddress("10.0.0.2", "a".repeat(100), trusted)).toBe("a".repeat(64));
    expect(clientAddress("10.0.0.2", `1.2.3.4, ${"b".repeat(100)}`, trusted)).toBe("b".repeat(64));
  });
});

describe("request bodies", () => {
  const request = (method: string, url: string, headers: Record<string, string>) => ({ method, url, headers });
  const length = (bytes: number) => ({ "content-length": String(bytes) });

  it("up to 1 MiB are anyone's", () => {
    expect(bodyClass(request("POST", "/danh-gia/1", length(SMALL_BODY_BYTES)))).toBe("small");
    expect(bodyClass(request("GET", "/", {}))).toBe("small");
  });

  it("larger ones only as uploads: a server action or an import route, never above the upload limit", () => {
    expect(bodyClass(request("POST", "/danh-gia/phieu/3", { ...length(5_000_000), "next-action": "7f00" }))).toBe("upload");
    expect(bodyClass(request("POST", "/api/v1/imports/results?dryRun=1", length(5_000_000)))).toBe("upload");
    expect(bodyClass(request("POST", "/api/v1/assessment-periods/4/scores", length(5_000_000)))).toBe("upload");
    expect(bodyClass(request("POST", "/api/v1/frameworks/2/import", length(5_000_000)))).toBe("upload");
    expect(bodyClass(request("PUT", "/api/v1/criterion-scores/1/self-score", length(5_000_000)))).toBe("refused");
    expect(bodyClass(request("POST", "/dang-nhap", length(5_000_000)))).toBe("refused");
    expect(bodyClass(request("POST", "/api/v1/imports/results", length(UPLOAD_MAX_BYTES + 1)))).toBe("refused");
    expect(bodyClass(request("POST", "/danh-gia/1", { "transfer-encoding": "chunked", "next-action": "7f00" }))).toBe("refused");
    expect(bodyClass(request("POST", "/danh-gia/1", { "transfer-encoding": "chunked" }))).toBe("refused");
  });

  it("the upload limit is a limit, not a refusal: a file of exactly that size is an upload", () => {
    expect(bodyClass(request("POST", "/api/v1/imports/results", length(UPLOAD_MAX_BYTES)))).toBe("upload");
  });

  it("only a POST uploads, even to an import route or with a server action's header", () => {
    expect(bodyClass(request("PUT", "/api/v1/imports/results", length(5_000_000)))).toBe("refused");
    expect(bodyClass(request("PATCH", "/danh-gia/1", { ...length(5_000_000), "next-action": "7f00" }))).toBe("refused");
  });

  it("the small limit is 1 MiB exactly", () => {
    expect(bodyClass(request("POST", "/danh-gia/1", length(1024 * 1024)))).toBe("small");
    expect(bodyClass(request("POST", "/danh-gia/1", length(1024 * 1024 + 1)))).toBe("refused");
  });

  it("an import route is matched whole: any id, nothing before or after", () => {
    const upload = (url: string) => bodyClass(request("POST", url, length(5_000_000)));
    expect(upload("/api/v1/assessment-periods/42/scores")).toBe("upload");
    expect(upload("/api/v1/frameworks/17/import")).toBe("upload");
    for (const url of [
      "/x/api/v1/assessment-periods/4/scores",
      "/api/v1/assessment-periods/4/scores/x",
      "/x/api/v1/imports/results",
      "/api/v1/imports/results/x",
      "/x/api/v1/frameworks/2/import",
      "/api/v1/frameworks/2/import/x",
    ])
      expect(upload(url), url).toBe("refused");
  });
});

describe("the routes that take a file", () => {
  it("lets a large body through to every route the API describes as taking a file, and to no other write", () => {
    // The agencies and accounts imports were once missing here: their files over 1 MiB were refused with 413.
    const large = { "content-length": String(2 * SMALL_BODY_BYTES) };
    for (const operation of OPERATIONS) {
      const [method, route] = operation.id.split(" ");
      const url = route.replace(/\[[^\]]+\]/g, "7");
      const takesFile = operation.body !== undefined && "multipart" in operation.body;
      expect([operation.id, bodyClass({ method, url, headers: large })]).toEqual([operation.id, takesFile ? "upload" : "refused"]);
    }
  });
});
