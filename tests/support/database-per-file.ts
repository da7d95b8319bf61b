// Runs before each integration test file: gives the file its own database, copied from the
// migrated and seeded template, and points lib's Prisma client at it.
import { inject } from "vitest";
import { createDatabase } from "./postgres";

process.env.DATABASE_URL = await createDatabase(inject("cluster"));
