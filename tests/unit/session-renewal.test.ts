// The session is renewed as a browser uses the pages (proxy.ts, lib/auth/session.ts): the 8-hour idle
// expiry counts from the last use, never past the 12-hour lifetime after sign-in. Pages read the
// cookie without Auth.js's session endpoint, the only place Auth.js renews it, so without this an
// active user was signed out 8 hours after signing in. The proxy is called as Next calls it.
import { decode, encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RENEWAL_HINT_COOKIE, renewalDue, renewedSessionCookie, SESSION_COOKIE } from "@/lib/auth/session";
import { proxy } from "@/proxy";

const secret = "a-test-secret-of-at-least-32-characters-long";
const previousSecret = process.env.AUTH_SECRET;
beforeAll(() => {
  process.env.AUTH_SECRET = secret;
});
afterAll(() => {
  process.env.AUTH_SECRET = previousSecret;
});

const HOUR = 3600;
const nowSeconds = () => Math.floor(Date.now() / 1000);
const sessionCookie = async (signedInAt: number, maxAge = 8 * HOUR) =>
  `${SESSION_COOKIE}=${await encode({ token: { uid: "42", sub: "42", sv: 3, signedInAt }, secret, salt: SESSION_COOKIE, maxAge })}`;
const page = (cookie: string, init: { method?: string; browser?: boolean } = {}) =>
  new NextRequest("http://127.0.0.1:3000/bang-dieu-khien", {
    method: init.method ?? "GET",
    headers: { cookie, ...(init.browser === false ? {} : { "sec-fetch-mode": "navigate" }) },
  });
const setCookies = (response: Response) => response.headers.getSetCookie();
const cookieValue = (response: Response, name: string) =>
  setCookies(response)
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1)
    .split(";")[0];

describe("renewing the session as the pages are used", () => {
  it("renews a browser's session on a page read: same user, version and sign-in time, a fresh 8-hour expiry", async () => {
    const signedInAt = nowSeconds() - 2 * HOUR;
    const response = await proxy(page(await sessionCookie(signedInAt, 6 * HOUR)));
    const renewed = cookieValue(response, SESSION_COOKIE);
    expect(renewed).toBeTruthy();
    const token = await decode({ token: renewed, secret, salt: SESSION_COOKIE });
    expect(token).toMatchObject({ uid: "42", sv: 3, signedInAt });
    expect(Number(token?.exp) - nowSeconds()).toBeGreaterThan(8 * HOUR - 60);
    const cookie = setCookies(response).find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect(cookie).toMatch(/Path=\//);
    // The hint puts the next renewal half an hour away.
    expect(Number(cookieValue(response, RENEWAL_HINT_COOKIE)) - nowSeconds()).toBeGreaterThan(29 * 60);
  });

  it("never renews past the lifetime: 11 hours after sign-in the cookie lives one more hour", async () => {
    const renewed = await renewedSessionCookie(await sessionCookie(nowSeconds() - 11 * HOUR));
    expect(renewed?.maxAge).toBeGreaterThan(HOUR - 60);
    expect(renewed?.maxAge).toBeLessThanOrEqual(HOUR);
  });

  it("renews nothing past the lifetime, for a forged or missing session, nor while the hint says it is not due", async () => {
    expect(setCookies(await proxy(page(await sessionCookie(nowSeconds() - 13 * HOUR))))).toEqual([]);
    expect(setCookies(await proxy(page(`${SESSION_COOKIE}=not-a-session`)))).toEqual([]);
    expect(setCookies(await proxy(page("portal-lang=vi")))).toEqual([]);
    const notDue = `${await sessionCookie(nowSeconds())}; ${RENEWAL_HINT_COOKIE}=${nowSeconds() + 600}`;
    expect(setCookies(await proxy(page(notDue)))).toEqual([]);
    const due = `${await sessionCookie(nowSeconds())}; ${RENEWAL_HINT_COOKIE}=${nowSeconds() - 1}`;
    expect(cookieValue(await proxy(page(due)), SESSION_COOKIE)).toBeTruthy();
  });

  it("renews only a browser's reads: not a write (signing in and out write the cookie), not a script's request", async () => {
    const cookie = await sessionCookie(nowSeconds());
    expect(cookieValue(await proxy(page(cookie, { method: "POST" })), SESSION_COOKIE)).toBeUndefined();
    expect(cookieValue(await proxy(page(cookie, { browser: false })), SESSION_COOKIE)).toBeUndefined();
  });

  it("reads the hint as due when absent or unreadable, and not due until its time", () => {
    const now = 1_800_000_000_000;
    expect(renewalDue(undefined, now)).toBe(true);
    expect(renewalDue("soon", now)).toBe(true);
    expect(renewalDue(String(now / 1000), now)).toBe(true);
    expect(renewalDue(String(now / 1000 + 1), now)).toBe(false);
  });
});
