// What an outside security test broke (issue 11), checked over HTTP against the production build:
// bad ids on pages (item 11) on the file's portal; on a portal of its own, whose session secret
// the test knows and which trusts no proxy: sessions after sign-out and past their lifetime
// (item 4), large bodies (item 7), and a forged X-Forwarded-For (item 6, last: it blocks the address).
import crypto from "node:crypto";
import http from "node:http";
import os from "node:os";
import { encode } from "next-auth/jwt";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../lib/db/prisma";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { csrf, signInOverHttp } from "../../scripts/lib/throwaway-portal";
import { filePortal, openPortal } from "../support/portal";

const { baseUrl: shared } = await filePortal();
const AUTH_SECRET = crypto.randomBytes(32).toString("base64url");
const own = await openPortal({ env: { AUTH_SECRET, TRUSTED_PROXIES: "" } });
const db = createPrismaClient(own.databaseUrl, 1);
afterAll(async () => {
  await db.$disconnect();
  await own.stop();
});

const get = (baseUrl: string, path: string, cookie: string) => fetch(baseUrl + path, { headers: { cookie }, redirect: "manual" });

describe("ids in page addresses (item 11)", () => {
  it("answer 404 with the Vietnamese page for ids no row can have, and 403 for data of another agency, never 500", async () => {
    const { cookie } = await signInOverHttp(shared, { email: "thutruong@demo.local", password: DEMO_PASSWORD });
    for (const prefix of ["/danh-gia/", "/danh-gia/phieu/", "/co-quan/", "/van-ban/"]) {
      for (const id of ["2147483648", "1e309", "-1", "abc", "0x10", "99999999"]) {
        const response = await get(shared, `${prefix}${id}`, cookie);
        expect(response.status, `${prefix}${id}`).toBe(404);
        expect(await response.text(), `${prefix}${id}`).toContain("Không tìm thấy trang");
      }
    }
    const statuses: number[] = [];
    for (const id of [1, 2, 3]) {
      const response = await get(shared, `/danh-gia/phieu/${id}`, cookie);
      statuses.push(response.status);
      if (response.status === 403) expect(await response.text()).toContain("Không có quyền xem trang này");
    }
    expect(
      statuses.every((s) => s === 200 || s === 403),
      statuses.join(),
    ).toBe(true);
    expect(statuses).toContain(403);
  });
});

describe("sessions (item 4)", () => {
  const SCORES = "/api/v1/assessment-periods/1/scores?format=csv";
  const COOKIE = "authjs.session-token";

  it("end at sign-out everywhere: a copy of the cookie taken before stops working", async () => {
    const token = await csrf(own.baseUrl);
    const { cookie } = await signInOverHttp(own.baseUrl, { email: "noivu@demo.local", password: DEMO_PASSWORD }, { csrf: token });
    const copy = cookie;
    expect((await get(own.baseUrl, SCORES, copy)).status).toBe(200);
    const signOut = await fetch(`${own.baseUrl}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ csrfToken: token.token }),
    });
    expect(signOut.status).toBeLessThan(400);
    expect((await get(own.baseUrl, SCORES, copy)).status).toBe(401);
    expect((await get(own.baseUrl, "/trang-chu", copy)).headers.get("location")).toContain("/dang-nhap");
    // Signing in again gives a session that works.
    const again = await signInOverHttp(own.baseUrl, { email: "noivu@demo.local", password: DEMO_PASSWORD });
    expect((await get(own.baseUrl, SCORES, again.cookie)).status).toBe(200);
  });

  it("end 12 hours after sign-in however often they were renewed, and are not renewed past that", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "noivu@demo.local" } });
    const now = Math.floor(Date.now() / 1000);
    const cookieOf = async (signedInAt: number) =>
      `${COOKIE}=${await encode({ token: { uid: String(user.id), sub: String(user.id), sv: user.sessionVersion, signedInAt }, secret: AUTH_SECRET, salt: COOKIE })}`;
    const fresh = await cookieOf(now - 11 * 3600);
    expect((await get(own.baseUrl, SCORES, fresh)).status).toBe(200);
    const old = await cookieOf(now - 12 * 3600 - 60);
    expect((await get(own.baseUrl, SCORES, old)).status).toBe(401);
    const renewal = await get(own.baseUrl, "/api/auth/session", old);
    expect(await renewal.json()).toBeNull();
    const renewed = renewal.headers.getSetCookie().find((line) => line.startsWith(`${COOKIE}=`));
    // Either no new cookie, or one that clears it.
    if (renewed) expect(renewed).toMatch(new RegExp(`^${COOKIE}=;`));
  });
});

/**
 * Declares a body of `declared` bytes and sends `send` of them (all by default), then waits up to
 * 5 s for the answer: a server that reads the whole body first never answers a request that stops halfway.
 */
function sendLargeBody(baseUrl: string, path: string, headers: Record<string, string>, declared: number, send = declared) {
  return new Promise<{ status: number | "no answer"; body: string; ms: number }>((resolve) => {
    const started = performance.now();
    // "No answer" means none within 15 s: a portal busy rendering beside other test files once took
    // more than 5 s to send its 413. How fast the refusal must be is asserted where it matters (ms).
    const timer = setTimeout(() => {
      request.destroy();
      resolve({ status: "no answer", body: "", ms: performance.now() - started });
    }, 15_000);
    const request = http.request(baseUrl + path, { method: "POST", headers: { ...headers, "content-length": String(declared) } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, body, ms: performance.now() - started });
      });
    });
    // The server closes the connection while we still write: the answer is what counts, and a reset
    // before it is no answer.
    request.on("error", () => {
      clearTimeout(timer);
      resolve({ status: "no answer", body: "", ms: performance.now() - started });
    });
    request.write(Buffer.alloc(send, 0x61));
    if (send === declared) request.end();
  });
}

describe("request bodies (item 7)", () => {
  const MB55 = 55 * 1024 * 1024;

  it("over 1 MiB from a signed-out client are refused with 413 before they are read, even posted as a server action", async () => {
    // In rounds of 6 at once, each time with the client busy for 150 ms after sending, so that it
    // reads its answer late: the 413 must still reach it, not a reset of the connection.
    const results = [];
    for (let round = 0; round < 5; round++) {
      const sent = Array.from({ length: 6 }, () =>
        sendLargeBody(own.baseUrl, "/trang-chu", { "next-action": "7f00aa", "content-type": "multipart/form-data; boundary=x" }, MB55, 1024 * 1024),
      );
      const busyUntil = performance.now() + 150;
      while (performance.now() < busyUntil);
      results.push(...(await Promise.all(sent)));
    }
    for (const result of results) {
      expect(result.status).toBe(413);
      expect(JSON.parse(result.body).error).toContain("Chỉ người đã đăng nhập mới tải tệp lên được");
      expect(result.ms).toBeLessThan(3_000);
    }
  });

  it("over 1 MiB from a signed-in user only reach an upload route", async () => {
    const { cookie } = await signInOverHttp(own.baseUrl, { email: "noivu@demo.local", password: DEMO_PASSWORD });
    const json = { cookie, "content-type": "application/json" };
    expect((await sendLargeBody(own.baseUrl, "/api/v1/criterion-scores/1/self-score", json, 2 * 1024 * 1024, 1024 * 1024)).status).toBe(413);
    const upload = await sendLargeBody(
      own.baseUrl,
      "/api/v1/imports/results?dryRun=1",
      { cookie, "content-type": "multipart/form-data; boundary=x" },
      2 * 1024 * 1024,
    );
    expect(upload.status).toBe(400);
  });
});

describe("where the server listens (item 12)", () => {
  it("on 127.0.0.1 only, unless HOST says otherwise: not on the machine's other addresses", async () => {
    const port = new URL(own.baseUrl).port;
    expect((await fetch(`${own.baseUrl}/api/health`)).status).toBe(200);
    const others = Object.values(os.networkInterfaces())
      .flatMap((list) => list ?? [])
      .filter((i) => !i.internal && i.family === "IPv4");
    // A machine without a network address has nothing else to listen on.
    for (const { address } of others) await expect(fetch(`http://${address}:${port}/api/health`)).rejects.toThrow();
  });
});

describe("the per-address sign-in limit (item 6)", () => {
  it("counts the connection's address, whatever X-Forwarded-For a client sends", async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 21; i++) {
      const attempt = await signInOverHttp(own.baseUrl, { email: `khong-co-${i}@demo.local`, password: "sai-mat-khau" }, { ip: `198.51.100.${i + 1}` });
      outcomes.push(attempt.outcome);
    }
    expect(
      outcomes.slice(0, 20).every((o) => o === "invalid"),
      outcomes.join(),
    ).toBe(true);
    expect(outcomes[20]).toBe("throttled");
  });
});
