// Every end-to-end file has a portal of its own: a fresh copy of the run's seeded template database
// (tests/support/postgres.ts) served by `next start` of the test build, stopped after the file. Files
// never see each other's writes, so they pass in any order and two run at a time.
import type { Browser } from "playwright-core";
import { afterAll, inject } from "vitest";
import { startPortalServer, type PortalServer } from "../../scripts/lib/throwaway-portal";
import { closeContexts, sharedBrowser, signInAs, type As, type Viewport } from "./browser";
import { createPrismaClient } from "@/lib/db/prisma";
import { seedDemoInProgress } from "@/prisma/seed";
import { createDatabase } from "./postgres";

export type FilePortal = { baseUrl: string; databaseUrl: string; server: PortalServer; stop: () => Promise<void> };

type PortalOptions = {
  env?: Record<string, string>;
  /** Add the demo's open period of the current year, as `npm start` has it (the template has not). */
  demoInProgress?: boolean;
};

/** A portal on a fresh copy of the seeded database; `env` adds to the server's environment. Stop it yourself. */
export async function openPortal(options: PortalOptions = {}): Promise<FilePortal> {
  const databaseUrl = await createDatabase(inject("cluster"));
  if (options.demoInProgress) {
    const db = createPrismaClient(databaseUrl, 1);
    await seedDemoInProgress(db, new Date()).finally(() => db.$disconnect());
  }
  const server = await startPortalServer({ databaseUrl, env: options.env });
  return { baseUrl: server.baseUrl, databaseUrl, server, stop: () => server.kill() };
}

/** This file's portal, stopped after its tests. Call at the top of the file (`await filePortal()`). */
export async function filePortal(options: PortalOptions = {}): Promise<FilePortal> {
  const portal = await openPortal(options);
  afterAll(portal.stop);
  return portal;
}

export type E2E = FilePortal & { browser: Browser; as: As };

/**
 * This file's portal and Chromium, with `as(role)` for signed-in pages; the portal stopped and every
 * browser context closed after its tests (the browser itself is the worker's: sharedBrowser).
 */
export async function e2e(options: PortalOptions & { viewport?: Viewport } = {}): Promise<E2E> {
  const portal = await filePortal(options);
  const browser = await sharedBrowser();
  afterAll(() => closeContexts(browser));
  return { ...portal, browser, as: signInAs(browser, portal.baseUrl, { viewport: options.viewport }) };
}
