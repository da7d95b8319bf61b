import { describe, expect, it } from "vitest";
import { clientIp, throttleVerdict } from "@/lib/auth/throttle";
import { classify } from "@/lib/frameworks/grades";

const now = new Date("2026-01-01T10:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("throttleVerdict", () => {
  it("allows fewer failures than the limit", () => {
    expect(throttleVerdict([minutesAgo(1), minutesAgo(2), minutesAgo(3), minutesAgo(4)], 5, now, 15)).toEqual({ blocked: false });
  });
  it("blocks at the limit until the oldest counted failure leaves the window", () => {
    const failures = [1, 2, 3, 4, 10].map(minutesAgo);
    expect(throttleVerdict(failures, 5, now, 15)).toEqual({ blocked: true, retryAfterMinutes: 5 });
  });
  it("ignores failures older than the window", () => {
    expect(throttleVerdict([1, 2, 3, 4, 16, 20].map(minutesAgo), 5, now, 15)).toEqual({ blocked: false });
  });
});

describe("clientIp", () => {
  // The web server has already resolved the address (tests/unit/http-gate.test.ts): the first
  // element of a forwarded list was the client's own claim (issue 11, item 6).
  it("is the one address the web server wrote, and nothing a client sends elsewhere", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientIp(new Headers({ "x-real-ip": "203.0.113.6" }))).toBe("unknown");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});

describe("classify", () => {
  const groups = [
    { label: "A", minScore: 90 },
    { label: "B", minScore: 80 },
    { label: "C", minScore: 70 },
    { label: "D", minScore: 0 },
  ];
  it("puts a score in the band of the highest minimum it reaches (bounds included)", () => {
    expect(classify(92.18, groups)).toBe("A");
    expect(classify(90, groups)).toBe("A");
    expect(classify(89.99, groups)).toBe("B");
    expect(classify(70, groups)).toBe("C");
    expect(classify(69.99, groups)).toBe("D");
  });
  it("gives no band when the framework defines none", () => {
    expect(classify(95, [])).toBeNull();
  });
});
