// Sessions and the web, against the production build: security headers on pages and on the API
// (a Content-Security-Policy whose nonce is on every script, no inline script otherwise, no
// framing; HSTS behind HTTPS), the pages actually running under that policy in Chromium, the
// session cookie's flags, writes to the API refused from another site (also from a real page of
// another origin), evidence files only for users who may read them and always as attachments,
// and no secret in the client bundle.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { signInOverHttp } from "../../scripts/lib/throwaway-portal";
import { screenshot, signIn } from "../support/browser";
import { e2e, openPortal } from "../support/portal";

const { baseUrl, browser, as } = await e2e();
const ROOT = path.resolve(import.meta.dirname, "../..");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** "script-src 'self' 'nonce-x'; frame-ancestors 'none'" → { "script-src": ["'self'", "'nonce-x'"], … } */
function directives(policy: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (policy ?? "")
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe("security headers", () => {
  it("pages: a CSP whose fresh nonce is on every script, no other inline script, no framing; the static headers; no HSTS over plain HTTP", async () => {
    const nonces = new Set<string>();
    for (const url of ["/", "/", "/xep-hang?index=PAR_INDEX&year=2023", "/dang-nhap", "/trang-khong-co"]) {
      const response = await fetch(baseUrl + url);
      const csp = directives(response.headers.get("content-security-policy"));
      const nonce = csp["script-src"]?.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
      expect(nonce, url).toBeTruthy();
      nonces.add(nonce!);
      expect(csp["script-src"]).toContain("'strict-dynamic'");
      expect(csp["script-src"]).not.toContain("'unsafe-inline'");
      expect(csp["script-src"]).not.toContain("'unsafe-eval'");
      expect(csp["frame-ancestors"]).toEqual(["'none'"]);
      expect(csp["object-src"]).toEqual(["'none'"]);
      expect(csp["base-uri"]).toEqual(["'none'"]);
      expect(csp["form-action"]).toEqual(["'self'"]);
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, url).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, url).toContain(`nonce="${nonce}"`);
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("permissions-policy")).toContain("camera=()");
      expect(response.headers.get("strict-transport-security")).toBeNull();
    }
    expect(nonces.size).toBe(5);
  });

  it("API: a CSP that loads nothing, nosniff, no framing — on answers and on refusals", async () => {
    for (const url of ["/api/v1/rankings?index=PAR_INDEX&year=2023", "/api/v1/rankings?year=abc", "/api/v1/evidence/1", "/api/health"]) {
      const response = await fetch(baseUrl + url);
      expect(directives(response.headers.get("content-security-policy")), url).toEqual({
        "default-src": ["'none'"],
        "frame-ancestors": ["'none'"],
      });
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("the embeddable map (/nhung/…) alone may be framed by any site and sets no cookie; everything else keeps frame-ancestors 'none'", async () => {
    const embed = await fetch(`${baseUrl}/nhung/ban-do?index=PAR_INDEX&year=2023`);
    expect(embed.status).toBe(200);
    expect(directives(embed.headers.get("content-security-policy"))["frame-ancestors"]).toEqual(["*"]);
    expect(embed.headers.get("x-frame-options")).toBeNull();
    expect(embed.headers.get("set-cookie")).toBeNull();
    for (const url of ["/du-lieu", "/nhung-khac", "/api/v1/open-data/provinces/91"]) {
      const response = await fetch(baseUrl + url);
      expect(directives(response.headers.get("content-security-policy"))["frame-ancestors"], url).toEqual(["'none'"]);
      expect(response.headers.get("x-frame-options"), url).toBe("DENY");
    }
    // A newspaper's page on another origin: the map shows in its iframe, the open-data page does not.
    const newspaper = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><iframe id="map" src="${baseUrl}/nhung/ban-do?index=PAR_INDEX&year=2023" width="900" height="700"></iframe>` +
          `<iframe id="page" src="${baseUrl}/du-lieu" width="900" height="300"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => newspaper.listen(0, "127.0.0.1", resolve));
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "vi-VN" });
    try {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${(newspaper.address() as AddressInfo).port}/`);
      await expect.poll(() => page.frameLocator("#map").getByTestId("map-figure").count(), { timeout: 15_000 }).toBe(1);
      await expect.poll(() => page.frameLocator("#map").locator("svg path").count(), { timeout: 15_000 }).toBeGreaterThan(60);
      expect(await page.frameLocator("#page").getByTestId("open-data-title").count()).toBe(0);
      expect(await context.cookies(baseUrl)).toEqual([]);
      await screenshot(page, "embed-map-in-another-site");
    } finally {
      await context.close();
      newspaper.close();
    }
  });

  it("/du-lieu at 1366 and 390 px", async () => {
    for (const width of [1366, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "vi-VN" });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/du-lieu`);
      expect(await page.getByTestId("open-data-title").textContent()).toBe("Dữ liệu mở");
      await screenshot(page, `open-data-${width}`);
      await context.close();
    }
  });

  it("behind a reverse proxy that terminates HTTPS: HSTS, and insecure requests upgraded", async () => {
    for (const url of ["/", "/api/v1/rankings?index=PAR_INDEX&year=2023"]) {
      const response = await fetch(baseUrl + url, { headers: { "x-forwarded-proto": "https" } });
      expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=(\d{8,}); includeSubDomains$/);
    }
    const page = await fetch(`${baseUrl}/`, { headers: { "x-forwarded-proto": "https" } });
    expect(directives(page.headers.get("content-security-policy"))).toHaveProperty("upgrade-insecure-requests");
  });

  it("Chromium runs every page under that policy without a violation, and the pages' scripts work", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "vi-VN" });
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    const console: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) console.push(message.text());
    });
    const check = async (label: string) => {
      // The client runtime sets window.next once its scripts ran: blocked scripts would leave it unset.
      await page.waitForFunction(() => Boolean((window as unknown as { next?: unknown }).next), undefined, { timeout: 10_000 });
      expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations), label).toEqual([]);
    };
    for (const url of ["/", "/xep-hang?index=PAR_INDEX&year=2023", "/tinh/91", "/trang-khong-co"]) {
      await page.goto(baseUrl + url);
      await check(url);
    }
    // Sign-in is a client form (useActionState): it only works with its scripts.
    await signIn(page, baseUrl, "noivu@demo.local");
    await page.waitForURL(/\/trang-chu$/);
    await check("/trang-chu");
    for (const url of ["/danh-gia", "/bang-dieu-khien", "/ket-qua/nhap-khau"]) {
      await page.goto(baseUrl + url);
      await check(url);
    }
    // Client-side navigation loads more chunks: still allowed by 'strict-dynamic'.
    await page.goto(`${baseUrl}/trang-chu`);
    await page.locator("header a[href='/danh-gia']").first().click();
    await page.waitForURL(/\/danh-gia$/);
    await check("navigation");
    await screenshot(page, "web-security-csp");
    expect(console).toEqual([]);
    await context.close();
  });
});

const attributes = (setCookie: string) =>
  setCookie
    .split(";")
    .slice(1)
    .map((a) => a.trim().toLowerCase());

describe("session cookies", () => {
  it("after sign-in the session cookie is HttpOnly and SameSite=Lax, for the whole site", async () => {
    const { context } = await as("LEADER");
    const cookies = await context.cookies();
    const sessionCookie = cookies.find((c) => /authjs\.session-token$/.test(c.name));
    expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    // This server is plain HTTP without an https AUTH_URL, where a Secure cookie would never come back.
    expect(sessionCookie!.secure).toBe(false);
    for (const cookie of cookies.filter((c) => c.name.includes("authjs"))) expect(cookie, cookie.name).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    await context.close();
  });

  it("in production with an HTTPS public address (AUTH_URL): Secure too, with the __Secure-/__Host- prefixes, and HSTS", {
    timeout: 180_000,
  }, async () => {
    // A second portal of its own: the shared one is plain HTTP without AUTH_URL.
    const portal = await openPortal({ env: { AUTH_URL: "https://cchc.example.gov.vn" } });
    try {
      const { setCookies } = await signInOverHttp(portal.baseUrl, { email: "noivu@demo.local", password: DEMO_PASSWORD });
      const session = setCookies.find((c) => c.startsWith("__Secure-authjs.session-token="));
      expect(session, setCookies.join("\n")).toBeDefined();
      expect(attributes(session!)).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]));
      expect(setCookies.some((c) => c.startsWith("__Host-authjs.csrf-token="))).toBe(true);
      for (const cookie of setCookies) expect(attributes(cookie), cookie).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax"]));
      const page = await fetch(`${portal.baseUrl}/xep-hang`);
      expect(page.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    } finally {
      await portal.stop();
    }
  });
});

describe("writes to the API from another site", () => {
  // PAR INDEX 2016 of the old An Giang (89), a unit the Home Affairs officer of the new province may
  // write: accepted if it were not for the origin. No other test file uses that year.
  const csv = "year,index,unit_code,score,rank,source\n2016,PAR_INDEX,89,80.5,,Kiểm thử yêu cầu chéo trang\n";
  const ranking2016 = async () => (await fetch(`${baseUrl}/api/v1/rankings?index=PAR_INDEX&year=2016`)).text();

  it("are refused with 403 when the browser says they come from elsewhere, and nothing is written", async () => {
    const { context } = await as("HOME_AFFAIRS");
    const before = await ranking2016();
    const upload = (headers: Record<string, string>, query = "") =>
      context.request.post(`${baseUrl}/api/v1/imports/results${query}`, {
        headers,
        multipart: { file: { name: "ket-qua-2016.csv", mimeType: "text/csv", buffer: Buffer.from(csv) } },
        failOnStatusCode: false,
      });
    const elsewhere: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site", origin: "http://127.0.0.1:1" },
    ];
    for (const headers of elsewhere) {
      const response = await upload(headers);
      expect(response.status(), JSON.stringify(headers)).toBe(403);
      expect((await response.json()).error).toMatch(/từ chối.*trang web khác/);
    }
    const put = await context.request.put(`${baseUrl}/api/v1/criterion-scores/1/self-score`, {
      headers: { origin: "https://evil.example" },
      data: { score: "1", version: 0 },
      failOnStatusCode: false,
    });
    expect(put.status()).toBe(403);
    // A server action (a POST to a page) from elsewhere: the same clear 403, before Next's own check.
    const action = await context.request.post(`${baseUrl}/ket-qua/nhap-khau`, {
      headers: { origin: "https://evil.example", "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
      failOnStatusCode: false,
    });
    expect(action.status()).toBe(403);
    expect((await action.json()).error).toMatch(/trang web khác/);
    expect(await ranking2016()).toBe(before);
    // The portal's own pages (same origin) get through: here as a dry run, which writes nothing.
    const own = await upload({ origin: baseUrl, "sec-fetch-site": "same-origin" }, "?dryRun=1");
    expect(own.status()).toBe(200);
    expect(await own.json()).toMatchObject({ dryRun: true, summary: { new: expect.any(Number) } });
    expect(await ranking2016()).toBe(before);
    await context.close();
  });

  it("a page of another origin of the same site (cookie included) posting a form to the API gets 403", async () => {
    const target = `${baseUrl}/api/v1/imports/results`;
    const attacker = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><form id="f" method="post" enctype="multipart/form-data" action="${target}">` +
          `<input name="dryRun" value="0"><textarea name="file">${csv}</textarea></form><script>document.getElementById("f").submit()</script>`,
      );
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    try {
      const { context, page } = await as("HOME_AFFAIRS");
      const before = await ranking2016();
      const answer = page.waitForResponse((response) => response.url() === target);
      await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
      const response = await answer;
      // Same site (another port of 127.0.0.1): the browser sends the session cookie along.
      expect((await response.request().allHeaders()).cookie).toMatch(/authjs\.session-token/);
      expect(response.status()).toBe(403);
      expect(await ranking2016()).toBe(before);
      await context.close();
    } finally {
      attacker.close();
    }
  });
});

describe("evidence files", () => {
  let evidenceUrl = "";

  it("Home Affairs opens a year for Sở Nội vụ and attaches evidence to its sheet", async () => {
    const { context, page } = await as("HOME_AFFAIRS", { at: "/danh-gia/mo-ky" });
    const form = page.getByTestId("open-period");
    // The seeded framework of An Giang.
    const framework = form.locator("select[name=frameworkId] option", { hasText: "tỉnh An Giang (minh họa) (phiên bản 1," });
    await form.locator("select[name=frameworkId]").selectOption((await framework.getAttribute("value"))!);
    await form.locator("[name=year]").fill("2029");
    await form.locator("[data-field-for=deadline]").fill(new Date(Date.now() + 30 * 86_400_000).toLocaleDateString("en-GB", { timeZone: "UTC" }));
    for (const box of await form.locator("input[name=agencyIds]").all()) await box.uncheck();
    await form.locator("label", { hasText: "Sở Nội vụ" }).locator("input").check();
    await form.getByTestId("open-review-button").click();
    await form.getByTestId("open-confirm").click();
    await page.waitForURL(/\/danh-gia\/\d+$/).catch(async (error) => {
      await screenshot(page, "failed-web-security-open-period");
      throw new Error(
        `${(error as Error).message}: ${await form
          .locator("[role=status]")
          .textContent()
          .catch(() => "")}`,
      );
    });
    await page.goto(baseUrl + (await page.locator("tr[data-agency=SNV] a").getAttribute("href")));
    const upload = page
      .locator("[data-testid^='evidence-']")
      .filter({ has: page.locator("input[type=file]") })
      .first();
    await upload.locator("input[type=file]").setInputFiles({ name: "bao-cao-snv.pdf", mimeType: "application/pdf", buffer: PDF });
    await upload.locator("button[type=submit]").click();
    await upload.locator("[role=status][data-seq='1']").waitFor();
    await page.reload();
    evidenceUrl = baseUrl + (await page.locator("a", { hasText: "bao-cao-snv.pdf" }).getAttribute("href"));
    expect(evidenceUrl).toMatch(/\/api\/v1\/evidence\/\d+$/);
    await context.close();
  });

  it("are served as attachments with nosniff to users who may read the agency", async () => {
    for (const role of ["HOME_AFFAIRS", "LEADER"] as const) {
      const { context } = await as(role);
      const response = await context.request.get(evidenceUrl);
      expect(response.status(), role).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/pdf");
      expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename\*=UTF-8''bao-cao-snv\.pdf$/);
      expect(response.headers()["x-content-type-options"]).toBe("nosniff");
      expect(response.headers()["cache-control"]).toBe("private, no-store");
      expect(Buffer.from(await response.body()).equals(PDF)).toBe(true);
      await context.close();
    }
  });

  it("are refused to the head of another agency (403) and to the signed-out (401)", async () => {
    const { context } = await as("AGENCY_HEAD");
    const response = await context.request.get(evidenceUrl, { failOnStatusCode: false });
    expect(response.status()).toBe(403);
    expect((await response.json()).error).toMatch(/không có quyền/);
    await context.close();
    const anonymous = await fetch(evidenceUrl);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: string }).error).toMatch(/đăng nhập/);
  });
});

describe("the client bundle", () => {
  it("holds no secret, connection string, password hash or private key", () => {
    const dir = path.join(ROOT, process.env.E2E_DIST_DIR ?? ".next-test", "static");
    const files = (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile());
    expect(files.length).toBeGreaterThan(10);
    const localSecret = path.join(ROOT, process.env.PORTAL_DATA_DIR ?? ".data", "auth-secret");
    const secrets = [
      process.env.AUTH_SECRET,
      process.env.DATABASE_URL,
      fs.existsSync(localSecret) ? fs.readFileSync(localSecret, "utf8").trim() : undefined,
    ].filter((value): value is string => Boolean(value && value.length >= 8));
    const patterns = [
      /postgres(ql)?:\/\/[^"'\s]*@/i, // a connection string with credentials
      /postgres:postgres/,
      /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
      /\$argon2(id|i|d)\$/, // a password hash
      /\b(AUTH_SECRET|DATABASE_URL|EVIDENCE_DIR|PORTAL_DATA_DIR)\b/, // server configuration read in client code
    ];
    const leaks: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, "latin1");
      for (const secret of secrets) if (text.includes(secret)) leaks.push(`${path.relative(dir, file)}: a secret value`);
      for (const pattern of patterns) if (pattern.test(text)) leaks.push(`${path.relative(dir, file)}: ${pattern}`);
    }
    expect(leaks).toEqual([]);
  });
});
