// Every code and message lib/db/unavailable.ts reads as "the database is down", one by one, and the
// near misses it must leave alone (a 500 stays a 500).
import { describe, expect, it } from "vitest";
import { databaseUnavailableMessage, isDatabaseUnavailable } from "@/lib/db/unavailable";

const withCode = (code: string) => Object.assign(new Error("x"), { code });

describe("the database is unavailable", () => {
  it.each(["P1001", "P1002", "P1008", "P1017", "P2024"])("on Prisma's connection error %s", (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
  });

  it.each(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"])("on the adapter's %s", (kind) => {
    expect(isDatabaseUnavailable({ kind })).toBe(true);
  });

  it.each(["08000", "08006", "57P01", "57P02", "57P03", "53300"])("on PostgreSQL's SQLSTATE %s, as code or as the adapter's original code", (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
    expect(isDatabaseUnavailable({ originalCode: code })).toBe(true);
  });

  it.each(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE"])("on the socket error %s", (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
  });

  it.each([
    "Connection terminated unexpectedly",
    "Client has encountered a connection error and is not queryable",
    "Can't reach database server at 127.0.0.1:5432",
    "SERVER CLOSED THE CONNECTION unexpectedly",
  ])("on node-postgres' message %s", (message) => {
    expect(isDatabaseUnavailable(new Error(message))).toBe(true);
  });

  it("on a cause nested in the adapter error of a Prisma error", () => {
    expect(isDatabaseUnavailable({ code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "57P01" } } } })).toBe(true);
  });
});

describe("other failures stay failures", () => {
  it.each(["P2002", "P1000", "57P04", "53301", "X08006", "080060", "22P02", "ECONNABORTED"])("the code %s", (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(false);
    expect(isDatabaseUnavailable({ originalCode: code })).toBe(false);
  });

  it("a kind, name or message that only looks alike", () => {
    expect(isDatabaseUnavailable({ kind: "UniqueConstraintViolation" })).toBe(false);
    expect(isDatabaseUnavailable({ name: "PrismaClientKnownRequestError" })).toBe(false);
    expect(isDatabaseUnavailable(new Error("Connection string is invalid"))).toBe(false);
  });

  it("values of other types where codes are read", () => {
    expect(isDatabaseUnavailable({ code: 1001, kind: 1, originalCode: 8006, message: 5 })).toBe(false);
    expect(isDatabaseUnavailable("Connection terminated")).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it("Prisma's initialization error is recognized by its name alone", () => {
    expect(isDatabaseUnavailable({ name: "PrismaClientInitializationError", message: "x" })).toBe(true);
    expect(isDatabaseUnavailable({ name: "PrismaClientInitializationErrorX" })).toBe(false);
  });

  it("only objects are read: a class named like the error is not the error", () => {
    expect(isDatabaseUnavailable(class PrismaClientInitializationError {})).toBe(false);
  });

  it("codes and messages are read only as text, even when their value would match as text", () => {
    expect(isDatabaseUnavailable({ code: 53300 })).toBe(false);
    expect(isDatabaseUnavailable({ originalCode: 53300 })).toBe(false);
    expect(isDatabaseUnavailable({ message: ["Connection terminated"] })).toBe(false);
  });

  it("an error that is its own cause ends the search", () => {
    const loop: { message: string; cause?: unknown } = { message: "x" };
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });
});

describe("the message", () => {
  it("tells the user what happened and what to do", () => {
    expect(databaseUnavailableMessage()).toBe("Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút.");
  });
});
