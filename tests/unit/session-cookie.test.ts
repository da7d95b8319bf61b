// Issue 19: the session is read straight from the cookie Auth.js wrote at sign-in (lib/auth/session.ts,
// sessionOfCookies), without Auth.js's session endpoint. It must accept exactly what that endpoint
// accepts: Auth.js's own encryption under this server's secret, within the token's expiry and the
// session's lifetime, from the session cookie only.
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionOfCookies } from "@/lib/auth/session";

const COOKIE = "authjs.session-token"; // Auth.js's name over plain HTTP, and the key's salt
const secret = "a-test-secret-of-at-least-32-characters-long";
const previousSecret = process.env.AUTH_SECRET;
beforeAll(() => {
  process.env.AUTH_SECRET = secret;
});
afterAll(() => {
  process.env.AUTH_SECRET = previousSecret;
});

const now = () => Math.floor(Date.now() / 1000);
const cookieOf = async (token: Record<string, unknown>, options: { secret?: string; salt?: string; maxAge?: number } = {}) =>
  `${COOKIE}=${await encode({ token, secret: options.secret ?? secret, salt: options.salt ?? COOKIE, maxAge: options.maxAge })}`;

describe("the session read from its cookie", () => {
  it("gives the user and the session version of a cookie Auth.js wrote, among other cookies", async () => {
    const cookie = await cookieOf({ uid: "42", sv: 3, signedInAt: now() });
    expect(await sessionOfCookies(`portal-lang=en; ${cookie}`)).toEqual({ userId: 42, sessionVersion: 3 });
  });

  it("gives no session without the cookie, or for one encrypted under another secret or for another cookie", async () => {
    expect(await sessionOfCookies("")).toBeNull();
    expect(await sessionOfCookies(await cookieOf({ uid: "42", sv: 0, signedInAt: now() }, { secret: "another-secret-of-at-least-32-characters" }))).toBeNull();
    expect(await sessionOfCookies(await cookieOf({ uid: "42", sv: 0, signedInAt: now() }, { salt: "authjs.csrf-token" }))).toBeNull();
    const valid = await cookieOf({ uid: "42", sv: 0, signedInAt: now() });
    expect(await sessionOfCookies(`${valid.slice(0, -4)}AAAA`)).toBeNull();
  });

  it("gives no session past the token's expiry or the session's lifetime, nor without a user", async () => {
    expect(await sessionOfCookies(await cookieOf({ uid: "42", sv: 0, signedInAt: now() }, { maxAge: -60 }))).toBeNull();
    expect(await sessionOfCookies(await cookieOf({ uid: "42", sv: 0, signedInAt: now() - 13 * 3600 }))).toBeNull();
    expect(await sessionOfCookies(await cookieOf({ uid: "42", sv: 0 }))).toBeNull();
    expect(await sessionOfCookies(await cookieOf({ sv: 0, signedInAt: now() }))).toBeNull();
  });

  it("matches no session version when the cookie has none (signed in before versions existed)", async () => {
    expect(await sessionOfCookies(await cookieOf({ uid: "7", signedInAt: now() }))).toEqual({ userId: 7, sessionVersion: -1 });
  });
});
