// Runs before each integration test file: gives the file its own database, copied from the
// migrated and seeded template, and points lib's Prisma client at it.
//
// The files share their worker's process (isolate: false in vitest.config.ts), so this also puts
// the process back as a file of its own would find it: the environment as the worker started,
// lib's modules evaluated afresh (module-level state such as a setting read once), and no Prisma
// client of an earlier file (lib/db/client.ts keeps the process's one on globalThis).
import { vi, inject } from "vitest";
import type { PrismaClient } from "@/lib/db/generated/client";
import { createDatabase } from "./postgres";

const worker = globalThis as typeof globalThis & { portalWorkerEnv?: NodeJS.ProcessEnv; portalDb?: PrismaClient };
worker.portalWorkerEnv ??= { ...process.env };
for (const name of Object.keys(process.env)) if (!(name in worker.portalWorkerEnv)) delete process.env[name];
Object.assign(process.env, worker.portalWorkerEnv);
vi.resetModules();
await worker.portalDb?.$disconnect();
worker.portalDb = undefined;

process.env.DATABASE_URL = await createDatabase(inject("cluster"));
