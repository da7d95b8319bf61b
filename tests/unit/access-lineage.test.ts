// The reach of a 2025 province over the records of the units it was formed from, for directives
// (lib/directives/access.ts) and published results (lib/results/access.ts), and the throttle's pure
// rules (lib/auth/throttle.ts), beyond tests/unit/directives.test.ts and tests/unit/throttle.test.ts.
import { describe, expect, it } from "vitest";
import { clientIp, throttleVerdict } from "@/lib/auth/throttle";
import { ForbiddenError, UnauthenticatedError, type Actor } from "@/lib/auth/policy";
import { authorizeOnDirective, authorizeReadDirective, directiveScope, mayOnDirective } from "@/lib/directives/access";
import { authorizeResultsOf, authorizeResultsWriter, mayWriteResultsOf } from "@/lib/results/access";

// Old An Giang (1) and Kiên Giang (2) formed the new An Giang (3) on 01/07/2025; 9 is elsewhere.
const LINKS = [
  { predecessorId: 1, successorId: 3 },
  { predecessorId: 2, successorId: 3 },
];
const actor = (over: Partial<Actor> = {}): Actor => ({
  id: 1, email: "x@demo.local", name: "X", role: "HOME_AFFAIRS", provinceId: 3, provinceName: "An Giang", agencyId: null, agencyName: null, ...over,
});
const head = actor({ role: "AGENCY_HEAD", agencyId: 7 });

describe("a directive's scope", () => {
  it("is the first of the unit and its successors the actor holds the permission on", () => {
    expect(directiveScope(actor(), "directive.write", 1, LINKS)).toEqual({ provinceId: 3, agencyId: null });
    expect(directiveScope(actor({ provinceId: 1 }), "directive.write", 1, LINKS)).toEqual({ provinceId: 1, agencyId: null });
  });

  it("else the unit itself, so that the table refuses", () => {
    expect(directiveScope(actor({ provinceId: 9 }), "directive.write", 1, LINKS, 7)).toEqual({ provinceId: 1, agencyId: 7 });
  });

  it("a directive without a unit (national) is reached by administrators only", () => {
    expect(directiveScope(actor(), "directive.write", null, LINKS)).toEqual({ provinceId: null, agencyId: null });
    expect(mayOnDirective(actor(), "directive.write", null, LINKS)).toBe(false);
    expect(mayOnDirective(actor({ role: "ADMIN", provinceId: null }), "directive.write", null, LINKS)).toBe(true);
  });
});

describe("acting on a directive", () => {
  it("answers 401 signed out and 403 outside the reach", () => {
    expect(() => authorizeOnDirective(null, "directive.write", 1, LINKS)).toThrow(UnauthenticatedError);
    expect(() => authorizeOnDirective(actor({ provinceId: 9 }), "directive.write", 1, LINKS)).toThrow(ForbiddenError);
    expect(() => authorizeOnDirective(actor(), "directive.write", 1, LINKS)).not.toThrow();
  });

  it("an agency head reads a directive that involves their agency, not another", () => {
    expect(() => authorizeReadDirective(head, 1, LINKS, [5, 7])).not.toThrow();
    expect(() => authorizeReadDirective(head, 1, LINKS, [5])).toThrow(ForbiddenError);
    expect(() => authorizeReadDirective(actor({ role: "AGENCY_HEAD", agencyId: null }), 1, LINKS, [7])).toThrow(ForbiddenError);
  });

  it("staff and leaders of the province read it whatever agencies it involves", () => {
    expect(() => authorizeReadDirective(actor({ role: "LEADER" }), 1, LINKS, [])).not.toThrow();
    expect(() => authorizeReadDirective(null, 1, LINKS, [7])).toThrow(UnauthenticatedError);
  });
});

describe("writing published results", () => {
  it("reaches the results of the units the province was formed from", () => {
    expect(mayWriteResultsOf(actor(), 2, LINKS)).toBe(true);
    expect(mayWriteResultsOf(actor(), 9, LINKS)).toBe(false);
    expect(() => authorizeResultsOf(actor(), 2, LINKS)).not.toThrow();
  });

  it("answers 401 signed out and 403 outside the reach", () => {
    expect(() => authorizeResultsOf(null, 2, LINKS)).toThrow(UnauthenticatedError);
    expect(() => authorizeResultsOf(actor(), 9, LINKS)).toThrow(ForbiddenError);
    expect(() => authorizeResultsOf(actor({ role: "LEADER" }), 3, LINKS)).toThrow(ForbiddenError);
  });

  it("writing results at all is for staff of a province and administrators", () => {
    expect(() => authorizeResultsWriter(actor())).not.toThrow();
    expect(() => authorizeResultsWriter(actor({ role: "ADMIN", provinceId: null }))).not.toThrow();
    expect(() => authorizeResultsWriter(actor({ provinceId: null }))).toThrow(ForbiddenError);
    expect(() => authorizeResultsWriter(actor({ role: "LEADER" }))).toThrow(ForbiddenError);
    expect(() => authorizeResultsWriter(null)).toThrow(UnauthenticatedError);
  });
});

describe("sign-in throttling", () => {
  const now = new Date("2026-01-01T10:00:00Z");
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it("a failure exactly one window old no longer counts", () => {
    expect(throttleVerdict([ago(60), ago(15 * 60)], 2, now, 15)).toEqual({ blocked: false });
    expect(throttleVerdict([ago(60), ago(15 * 60 - 1)], 2, now, 15)).toMatchObject({ blocked: true });
  });

  it("the account is free again when the oldest counted failure leaves the window, rounded up to the minute", () => {
    // Failures 1 s and 61 s ago, limit 2: free in 15 min − 61 s = 13 min 59 s → 14 minutes.
    expect(throttleVerdict([ago(1), ago(61)], 2, now, 15)).toEqual({ blocked: true, retryAfterMinutes: 14 });
    // The limit-th most recent failure decides, whatever order they come in.
    expect(throttleVerdict([ago(600), ago(1), ago(300)], 2, now, 15)).toEqual({ blocked: true, retryAfterMinutes: 10 });
  });

  it("says at least one minute", () => {
    expect(throttleVerdict([ago(15 * 60 - 5)], 1, now, 15)).toEqual({ blocked: true, retryAfterMinutes: 1 });
  });

  it("the client's address: the one the web server wrote into X-Forwarded-For, trimmed, at most 64 characters", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": " 203.0.113.5 ", "x-real-ip": "10.0.0.1" }))).toBe("203.0.113.5");
    expect(clientIp(new Headers({ "x-forwarded-for": "a".repeat(80) }))).toBe("a".repeat(64));
    expect(clientIp(new Headers({ "x-forwarded-for": " ", "x-real-ip": "203.0.113.6" }))).toBe("unknown");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});
