// What an outside security test broke (issue 11), checked over HTTP against the production build:
// bad ids on pages (item 11) on the shared server; sessions after sign-out and past their
// lifetime (item 4) on a portal of its own, whose session secret the test knows.
import crypto from "node:crypto";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed";
import { csrf, signInOverHttp, startPortalServer, startThrowawayDatabase, type PortalServer, type ThrowawayDatabase } from "../../scripts/lib/throwaway-portal";

const shared = inject("baseUrl");
const AUTH_SECRET = crypto.randomBytes(32).toString("base64url");
let database: ThrowawayDatabase;
let own: PortalServer;

beforeAll(async () => {
  database = await startThrowawayDatabase({ demo: true });
  own = await startPortalServer({ databaseUrl: database.url, env: { AUTH_SECRET } });
}, 120_000);
afterAll(async () => {
  await own?.kill();
  await database?.remove();
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
    expect(statuses.every((s) => s === 200 || s === 403), statuses.join()).toBe(true);
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
    const user = await database.db.user.findUniqueOrThrow({ where: { email: "noivu@demo.local" } });
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
