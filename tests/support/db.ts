import { afterAll } from "vitest";
import { createPrismaClient } from "../../lib/db/prisma";

/** A Prisma client on this test file's own database (see database-per-file.ts). */
export const testDb = createPrismaClient(process.env.DATABASE_URL!, 4);
afterAll(() => testDb.$disconnect());
