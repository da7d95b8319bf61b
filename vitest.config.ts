import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const E2E = {
  globalSetup: ["tests/support/build-global.ts", "tests/support/postgres-global.ts"],
  // Long journeys in Chromium; two files run at once, which slows each step.
  testTimeout: 120_000,
  hookTimeout: 120_000,
};

/**
 * The order files start in: the integration and unit files first, while the end-to-end build runs
 * beside them (tests/support/build-global.ts), then the end-to-end files, which need it; the burst
 * of sign-ins last and alone (its project's groupOrder). Within a project, the files that take
 * longest start first (SLOW_FIRST), then vitest's own order: the slowest of the last run first, or
 * the largest on a fresh clone.
 */
const PROJECT_ORDER = ["integration-isolated", "integration", "unit-isolated", "unit", "e2e", "e2e-isolated", "e2e-fault-alone"];

/**
 * The end-to-end files that take longest, as fresh clones ran them (2026-12-07: the accessibility walk
 * 115 s, the others 35–69 s). A fresh clone has no record of the last run, and by size
 * vitest started the 38-second API fuzz file last: it then ran alone for half a minute, one core
 * idle. The killed import mostly waits for its server to die and start again: second, beside the
 * accessibility walk, which keeps both cores busy with its six visitors meanwhile.
 */
const SLOW_FIRST = [
  "tests/e2e/accessibility.test.ts",
  "tests/e2e/fault-import-kill.test.ts",
  "tests/e2e/daily-work.test.ts",
  "tests/e2e/assessment-workflow.test.ts",
  "tests/e2e/dashboards.test.ts",
  "tests/e2e/fuzz-api.test.ts",
];

class ProjectOrderSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => PROJECT_ORDER.indexOf(file.project.name);
    const slow = (file: TestSpecification) => {
      const at = SLOW_FIRST.indexOf(path.relative(import.meta.dirname, file.moduleId));
      return at === -1 ? SLOW_FIRST.length : at;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b) || slow(a) - slow(b));
  }
}

const INTEGRATION = {
  globalSetup: ["tests/support/postgres-global.ts"],
  setupFiles: ["tests/support/database-per-file.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

/** Integration files that replace lib's modules (vi.mock): a process of their own. */
const INTEGRATION_ISOLATED = [
  "tests/integration/accounts.test.ts",
  "tests/integration/audit-export.test.ts",
  "tests/integration/authorization-matrix.test.ts",
  "tests/integration/fuzz-api.test.ts",
];

/** Fault files that time what they see: after every other file, alone. */
const FAULT_ALONE = ["tests/e2e/fault-login-burst.test.ts"];

/**
 * End-to-end files that set process.env for lib (the concurrent saves point lib's own client at their
 * database): a process of their own, as `isolate: false` would hand that setting to the next file.
 */
const E2E_ISOLATED = ["tests/e2e/fault-concurrent-saves.test.ts"];

/** Unit files that set process.env before importing lib (lib/storage/files.ts reads EVIDENCE_MAX_BYTES once). */
const UNIT_ISOLATED = ["tests/unit/fuzz-uploads.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests are trusted server code.
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    // Every core (vitest's default leaves one idle): integration and end-to-end files spend much of
    // their time waiting for PostgreSQL, `next start` and Chromium. Each of those files has a
    // database (and, end to end, a server) of its own, so they run in any order, side by side.
    maxWorkers: os.availableParallelism(),
    sequence: { sequencer: ProjectOrderSequencer },
    projects: [
      // The property tests (fuzz-*) run 2,000 inputs per schema or parser: seconds each on a busy machine.
      // Pure functions, no database and no server: the files share their workers' processes and
      // module cache (isolate: false) instead of a new process and a fresh import of lib/ per file,
      // which cut the project alone from 58 to 38 s (110 → 72 CPU-seconds). A file that sets the
      // environment a lib module reads when it is first imported runs isolated (unit-isolated).
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], exclude: UNIT_ISOLATED, testTimeout: 30_000, isolate: false } },
      { extends: true, test: { name: "unit-isolated", include: UNIT_ISOLATED, testTimeout: 30_000 } },
      // The integration files share their worker's process too (isolate: false). A process per file
      // cost about 2.3 CPU-seconds to start and load its modules, against 1.0 in a shared one (nine
      // files that each count a table); the project alone went from 212 to 150 s, its vitest
      // processes from 237 to 136 CPU-seconds (docs/benchmarks.md, "A thirteenth look").
      // tests/support/database-per-file.ts gives each file its own database and puts the process
      // back as a file of its own would find it (environment, lib's modules, lib's Prisma client).
      // A file that replaces modules (vi.mock) runs in a process of its own: vitest resets neither
      // modules nor mocks between the files of a shared process.
      {
        extends: true,
        test: { name: "integration", include: ["tests/integration/**/*.test.ts"], exclude: INTEGRATION_ISOLATED, isolate: false, ...INTEGRATION },
      },
      { extends: true, test: { name: "integration-isolated", include: INTEGRATION_ISOLATED, ...INTEGRATION } },
      // The fault files (50 concurrent saves, a killed import, a stopped database) run among the
      // others, two files at a time as everywhere: each has its own server and database, or its own
      // cluster, and none times the machine (the stopped database's portal has 10 s to reconnect,
      // where it takes well under one). Run after every other file, they left a core idle for
      // about a quarter of their 100 s (the killed import mostly waits for its server to restart).
      // The burst of sign-ins times /api/health while it lasts (< 10 s): it runs last and alone,
      // since beside another fault file its maximum rose from about 1 s to 4.6–5.2 s
      // (docs/benchmarks.md, "A tenth look").
      // The end-to-end files share their worker's process and its module cache (isolate: false), as
      // the unit files do: each file still has its own portal, database and browser contexts
      // (tests/support/portal.ts; the worker's Chromium is shared, tests/support/browser.ts), and
      // none mocks a module or sets the environment but E2E_ISOLATED. A process and a fresh import
      // of playwright-core, lib and Prisma's client per file cost about 2 CPU-seconds (the
      // project's vitest processes: 166 → 110 CPU-seconds).
      { extends: true, test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], exclude: [...FAULT_ALONE, ...E2E_ISOLATED], isolate: false, ...E2E } },
      { extends: true, test: { name: "e2e-isolated", include: E2E_ISOLATED, ...E2E } },
      { extends: true, test: { name: "e2e-fault-alone", include: FAULT_ALONE, sequence: { groupOrder: 1 }, ...E2E } },
    ],
  },
});
