// The one Prisma client of the server process, created on first use (so that `next build`,
// which imports route modules, needs no database).
import "server-only";
import type { PrismaClient } from "./generated/client";
import { createPrismaClient } from "./prisma";

export { Prisma } from "./generated/client";

const globalForDb = globalThis as unknown as { portalDb?: PrismaClient };

function client(): PrismaClient {
  if (globalForDb.portalDb) return globalForDb.portalDb;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the portal with `npm start` (embedded PostgreSQL) or set it.");
  }
  // One client per process, also across Next's dev-mode module reloads.
  globalForDb.portalDb = createPrismaClient(connectionString, Number(process.env.DB_POOL_SIZE ?? 10));
  return globalForDb.portalDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

/** The database answers: what /api/health tells load balancers and the page error boundary. */
export async function databaseReachable(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
