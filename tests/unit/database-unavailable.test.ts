import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { ConflictError, ValidationError } from "@/lib/errors";

// Shapes seen when the embedded PostgreSQL was stopped under `next start` (tests/e2e/fault-db-restart.test.ts).
const prismaError = (code: string, cause?: object) =>
  Object.assign(new Error("Invalid `prisma.user.findUnique()` invocation"), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: cause ? { driverAdapterError: Object.assign(new Error(String((cause as { kind?: string }).kind)), { name: "DriverAdapterError", cause }) } : {},
  });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["Prisma cannot reach the server (P1001)", prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })],
    ["the server closed the connection (P1017)", prismaError("P1017")],
    ["a pool timeout (P2024)", prismaError("P2024")],
    ["an adapter error whose cause is a closed connection", prismaError("P2010", { kind: "ConnectionClosed" })],
    ["PostgreSQL shutting down (57P01) under a query", prismaError("P2010", { kind: "postgres", originalCode: "57P01" })],
    ["a raw pg error 57P03", Object.assign(new Error("the database system is starting up"), { code: "57P03" })],
    ["node-postgres' dropped connection", new Error("Connection terminated unexpectedly")],
    ["a refused socket, nested as cause", new Error("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) })],
    ["Prisma's initialization error", Object.assign(new Error("Can't reach database server"), { name: "PrismaClientInitializationError" })],
  ])("recognizes %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a validation error", new ValidationError([{ message: "Nhập điểm." }])],
    ["a conflict", new ConflictError("Đã có người lưu.", null)],
    ["a unique constraint violation (P2002)", prismaError("P2002", { kind: "UniqueConstraintViolation" })],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["nothing", undefined],
  ])("leaves %s alone", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
