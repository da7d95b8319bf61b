import { describe, expect, it } from "vitest";
import { auditJson } from "@/lib/audit/log";
import { Prisma } from "@/lib/db/generated/client";

describe("auditJson", () => {
  it("stores decimals as numbers, bigints as text and drops nothing else", () => {
    expect(auditJson({ score: new Prisma.Decimal("92.18"), id: 5n, at: new Date("2026-01-01T00:00:00Z"), note: null })).toEqual({
      score: 92.18,
      id: "5",
      at: "2026-01-01T00:00:00.000Z",
      note: null,
    });
    expect(auditJson(null)).toBeUndefined();
  });
});
