// Telling "the database is down or restarting" apart from other failures, so that the API answers
// 503 with a message the user understands instead of a bare 500 (lib/api/responses.ts, lib/api/server-action.ts,
// the sign-in form). The page error boundary (a client component) says the same from the catalogue
// (common.pageError.database).
import { libTranslator } from "@/lib/i18n/lib-translator";

/** In the language of the request being answered. */
export const databaseUnavailableMessage = () => libTranslator("errors.generic")("databaseUnavailable");

// Prisma: can't reach the server, timed out, server closed the connection, pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// @prisma/adapter-pg's kinds for socket failures.
const ADAPTER_KINDS: ReadonlySet<unknown> = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// PostgreSQL: connection exceptions (08…), shutting down / starting up (57P01–57P03), too many connections.
const SQLSTATE = /^(08...|57P0[123]|53300)$/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE"]);
// node-postgres' own messages when a connection drops under a query.
const MESSAGES = /Connection terminated|connection error and is not queryable|Can't reach database server|server closed the connection/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown): boolean => {
    if (!value || typeof value !== "object" || seen.has(value)) return false;
    seen.add(value);
    const e = value as {
      name?: unknown;
      code?: unknown;
      kind?: unknown;
      originalCode?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (e.name === "PrismaClientInitializationError") return true;
    if (typeof e.code === "string" && (PRISMA_CODES.has(e.code) || SOCKET_CODES.has(e.code) || SQLSTATE.test(e.code))) return true;
    if (ADAPTER_KINDS.has(e.kind)) return true;
    if (typeof e.originalCode === "string" && SQLSTATE.test(e.originalCode)) return true;
    if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
    return visit(e.cause) || visit(e.meta?.driverAdapterError);
  };
  return visit(error);
}
