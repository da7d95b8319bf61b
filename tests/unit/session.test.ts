// Issue 11, item 4: a session's absolute lifetime, whatever its renewals.
import { describe, expect, it } from "vitest";
import { SESSION_LIFETIME_HOURS, sessionExpired } from "@/lib/auth/session";

describe("session lifetime", () => {
  const now = Date.UTC(2026, 11, 5, 8, 0, 0);
  const hoursAgo = (hours: number) => Math.floor((now - hours * 3_600_000) / 1000);

  it("lasts 12 hours from sign-in", () => {
    expect(SESSION_LIFETIME_HOURS).toBe(12);
    expect(sessionExpired(hoursAgo(0), now)).toBe(false);
    expect(sessionExpired(hoursAgo(11.9), now)).toBe(false);
    expect(sessionExpired(hoursAgo(12), now)).toBe(true);
    expect(sessionExpired(hoursAgo(400), now)).toBe(true);
  });

  it("has ended for a session that does not say when it signed in (cookies from before the rule)", () => {
    expect(sessionExpired(undefined, now)).toBe(true);
    expect(sessionExpired("1733385600", now)).toBe(true);
  });
});
