// Creates a Prisma client for a connection string. The server uses the singleton in client.ts;
// scripts (seed, create-admin, backup) and tests create their own with this.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

/**
 * Interactive transactions: Prisma's defaults (2 s to get a connection, 5 s to finish) failed saves
 * on a busy machine (50 concurrent saves of one score beside a loaded test run) that would have
 * succeeded a moment later. A save waits up to 10 s for a connection and may take 20 s; longer ones
 * (imports, the deadline scan) set their own.
 */
export const TRANSACTION_DEFAULTS = { maxWait: 10_000, timeout: 20_000 } as const;

export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolSize }), transactionOptions: TRANSACTION_DEFAULTS });
}
