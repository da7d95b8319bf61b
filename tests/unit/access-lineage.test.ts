// The reach of the permission table beyond one unit (lib/auth/reach.ts): a 2025 province over the
// records of the units it was formed from, the same reach as a Prisma `where` for lists, and the
// throttle's pure rules (lib/auth/throttle.ts), beyond tests/unit/throttle.test.ts.
import { describe, expect, it } from "vitest";
import { clientIp, throttleVerdict } from "@/lib/auth/throttle";
import { ForbiddenError, holds, reachOf, UnauthenticatedError, type Actor } from "@/lib/auth/policy";
import { authorizeOnUnit, authorizeOwnProvince, lineageScope, mayOnUnit, reachedUnits, reachWhere } from "@/lib/auth/reach";

// Old An Giang (1) and Kiên Giang (2) formed the new An Giang (3) on 01/07/2025; 9 is elsewhere.
const LINKS = [
  { predecessorId: 1, successorId: 3 },
  { predecessorId: 2, successorId: 3 },
];
const actor = (over: Partial<Actor> = {}): Actor => ({
  id: 1,
  email: "x@demo.local",
  name: "X",
  role: "HOME_AFFAIRS",
  provinceId: 3,
  provinceName: "An Giang",
  agencyId: null,
  agencyName: null,
  ...over,
});
const head = actor({ role: "AGENCY_HEAD", agencyId: 7 });
const admin = actor({ role: "ADMIN", provinceId: null });

describe("the table's cell", () => {
  it("is the reach of a role's permission", () => {
    expect(reachOf("ADMIN", "framework.write")).toBe("all");
    expect(reachOf("HOME_AFFAIRS", "directive.write")).toBe("province");
    expect(reachOf("AGENCY_HEAD", "task.report")).toBe("agency");
    expect(reachOf("LEADER", "directive.write")).toBe("none");
  });

  it("a role holds a permission when it reaches anywhere at all", () => {
    expect(holds({ role: "LEADER" }, "province.read")).toBe(true);
    expect(holds({ role: "AGENCY_HEAD" }, "task.report")).toBe(true);
    expect(holds({ role: "LEADER" }, "directive.write")).toBe(false);
    expect(holds({ role: "HOME_AFFAIRS" }, "results.importNational")).toBe(false);
  });
});

describe("the scope of data of a unit", () => {
  it("is the first of the unit and its successors the actor holds the permission on", () => {
    expect(lineageScope(actor(), "directive.write", 1, LINKS)).toEqual({ provinceId: 3, agencyId: null });
    expect(lineageScope(actor({ provinceId: 1 }), "directive.write", 1, LINKS)).toEqual({ provinceId: 1, agencyId: null });
  });

  it("else the unit itself, so that the table refuses", () => {
    expect(lineageScope(actor({ provinceId: 9 }), "directive.write", 1, LINKS, 7)).toEqual({ provinceId: 1, agencyId: 7 });
  });

  it("data without a unit (national) is reached by administrators only", () => {
    expect(lineageScope(actor(), "directive.write", null, LINKS)).toEqual({ provinceId: null, agencyId: null });
    expect(mayOnUnit(actor(), "directive.write", null, LINKS)).toBe(false);
    expect(mayOnUnit(admin, "directive.write", null, LINKS)).toBe(true);
  });

  it("an agency head acts on their own agency's part of an old unit's data, not another agency's", () => {
    expect(mayOnUnit(head, "task.report", 1, LINKS, 7)).toBe(true);
    expect(mayOnUnit(head, "task.report", 1, LINKS, 8)).toBe(false);
    expect(mayOnUnit(head, "task.report", 1, LINKS)).toBe(false);
  });
});

describe("acting on data of a unit", () => {
  it("answers 401 signed out and 403 outside the reach", () => {
    expect(() => authorizeOnUnit(null, "directive.write", 1, LINKS)).toThrow(UnauthenticatedError);
    expect(() => authorizeOnUnit(actor({ provinceId: 9 }), "directive.write", 1, LINKS)).toThrow(ForbiddenError);
    expect(() => authorizeOnUnit(actor({ role: "LEADER" }), "results.write", 3, LINKS)).toThrow(ForbiddenError);
    expect(() => authorizeOnUnit(actor(), "directive.write", 1, LINKS)).not.toThrow();
    expect(() => authorizeOnUnit(actor(), "results.write", 2, LINKS)).not.toThrow();
    expect(() => authorizeOnUnit(head, "task.report", 2, LINKS, 7)).not.toThrow();
  });

  it("on one's own province: staff of a province and administrators, for the permissions they hold", () => {
    expect(() => authorizeOwnProvince(actor(), "results.write")).not.toThrow();
    expect(() => authorizeOwnProvince(admin, "results.write")).not.toThrow();
    expect(() => authorizeOwnProvince(actor({ provinceId: null }), "results.write")).toThrow(ForbiddenError);
    expect(() => authorizeOwnProvince(actor({ role: "LEADER" }), "results.write")).toThrow(ForbiddenError);
    expect(() => authorizeOwnProvince(null, "results.write")).toThrow(UnauthenticatedError);
  });
});

describe("the units a permission reaches, for lists", () => {
  it("everywhere for an administrator (no filter)", () => {
    expect(reachedUnits(admin, "results.write", LINKS)).toBeNull();
  });

  it("the actor's province and the old units it was formed from", () => {
    expect(reachedUnits(actor(), "results.write", LINKS)).toEqual([3, 1, 2]);
    expect(reachedUnits(actor({ provinceId: 1 }), "results.write", LINKS)).toEqual([1]);
  });

  it("none without a province, for a role without the permission, or one reaching its own agency only", () => {
    expect(reachedUnits(actor({ provinceId: null }), "results.write", LINKS)).toEqual([]);
    expect(reachedUnits(actor({ role: "LEADER" }), "results.write", LINKS)).toEqual([]);
    expect(reachedUnits(head, "province.read", LINKS)).toEqual([]);
  });
});

describe("the Prisma where of the rows a permission reaches", () => {
  type Where = { provinceId?: { in: number[] }; agencyId?: number };
  const shape = { province: (ids: number[]): Where => ({ provinceId: { in: ids } }), agency: (id: number): Where => ({ agencyId: id }) };

  it("every row for an administrator", () => {
    expect(reachWhere(admin, "audit.read", shape, LINKS)).toEqual({});
  });

  it("the rows of the province and its former units; without lineage, of the province alone", () => {
    expect(reachWhere(actor(), "audit.read", shape, LINKS)).toEqual({ provinceId: { in: [3, 1, 2] } });
    expect(reachWhere(actor(), "audit.read", shape)).toEqual({ provinceId: { in: [3] } });
    expect(reachWhere(actor({ provinceId: null }), "audit.read", shape, LINKS)).toEqual({ provinceId: { in: [] } });
  });

  it("the rows of the actor's agency; an agency head without an agency matches none", () => {
    expect(reachWhere(head, "province.read", shape, LINKS)).toEqual({ agencyId: 7 });
    expect(reachWhere(actor({ role: "AGENCY_HEAD", agencyId: null }), "province.read", shape, LINKS)).toEqual({ agencyId: -1 });
  });

  it("no row for a role without the permission", () => {
    expect(reachWhere(actor({ role: "LEADER" }), "audit.read", shape, LINKS)).toEqual({ provinceId: { in: [] } });
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

describe("access through the 2025 lineage", () => {
  it("lets the new province's staff act on the old units' directives", () => {
    expect(mayOnUnit(actor({}), "directive.write", 1, LINKS)).toBe(true);
    expect(lineageScope(actor({}), "directive.write", 1, LINKS)).toEqual({ provinceId: 3, agencyId: null });
    expect(mayOnUnit(actor({}), "directive.write", 3, LINKS)).toBe(true);
  });
  it("not the other way round, nor another province", () => {
    expect(mayOnUnit(actor({ provinceId: 1 }), "directive.write", 3, LINKS)).toBe(false);
    expect(mayOnUnit(actor({ provinceId: 9 }), "directive.write", 1, LINKS)).toBe(false);
  });
  it("leaders read but do not write; agency heads report for their own agency only", () => {
    expect(mayOnUnit(actor({ role: "LEADER" }), "province.read", 1, LINKS)).toBe(true);
    expect(mayOnUnit(actor({ role: "LEADER" }), "directive.write", 1, LINKS)).toBe(false);
    expect(mayOnUnit(head, "task.report", 1, LINKS, 7)).toBe(true);
    expect(mayOnUnit(head, "task.report", 1, LINKS, 8)).toBe(false);
    expect(mayOnUnit(head, "directive.write", 1, LINKS)).toBe(false);
  });
});
