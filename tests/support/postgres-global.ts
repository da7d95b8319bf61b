// One throwaway PostgreSQL with its seeded template for the whole run. Vitest runs each project's
// global setup in turn before any test starts, in the same process: the integration, e2e and the
// two fault projects all list this file, and the first one starts the cluster that the others
// share (each file still gets a fresh copy of the template: tests/support/postgres.ts). Starting
// and seeding one cluster per project cost two more migrations and demo seeds before the first test.
import type { TestProject } from "vitest/node";
import { startTestCluster, type TestCluster } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    cluster: TestCluster;
  }
}

type Shared = { started: ReturnType<typeof startTestCluster>; users: number };
const shared = globalThis as typeof globalThis & { portalTestCluster?: Shared };

export default async function setup(project: TestProject) {
  shared.portalTestCluster ??= { started: startTestCluster(), users: 0 };
  const run = shared.portalTestCluster;
  run.users++;
  const { cluster, stop } = await run.started;
  project.provide("cluster", cluster);
  // Stopped after the last project that uses it.
  return async () => {
    if (--run.users > 0) return;
    shared.portalTestCluster = undefined;
    await stop();
  };
}
