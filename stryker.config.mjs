// Mutation testing of the pure rule modules with their unit tests: `npm run mutation` (not part of
// `npm test`: it runs the covering unit tests once per mutant). A module is listed here when it is
// pure (no I/O) and decides something the portal shows or enforces; every one must kill at least 90%
// of its mutants. The report lands in .tmp/mutation/ (HTML and JSON).
// Needs the postinstall patch scripts/lib/patch-stryker-vitest.mjs (Stryker 9.4 with Vitest 4.1).

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.ts" },
  mutate: [
    "lib/time.ts",
    "lib/numbers.ts",
    "lib/assessments/workflow.ts",
    "lib/assessments/scores-file.ts",
    "lib/assessments/applicable.ts",
    "lib/assessments/peer-ranking.ts",
    "lib/assessments/peer-frameworks.ts",
    "lib/assessments/consistency/rules.ts",
    "lib/assessments/council/rules.ts",
    "lib/assessments/survey/plan.ts",
    "lib/dashboards/nowcast/rules.ts",
    "lib/frameworks/points.ts",
    "lib/auth/policy.ts",
    "lib/auth/reach.ts",
    "lib/auth/redirect.ts",
    // Only the pure rules: the sign-in throttle's (the rest is its PostgreSQL side) and the session's lifetime and renewal.
    "lib/auth/throttle.ts:20-40",
    "lib/auth/session.ts:27-35",
    "lib/dashboards/flags.ts",
    "lib/dashboards/what-to-fix.ts",
    "lib/dashboards/yoy.ts",
    "lib/directives/rules.ts",
    "lib/frameworks/grades.ts",
    "lib/frameworks/tree.ts",
    "lib/frameworks/versioning.ts",
    "lib/results/components.ts",
    "lib/results/import-plan.ts",
    "lib/results/ranking.ts",
    "lib/results/ranking-view.ts",
    "lib/results/rank-label.ts",
    "lib/results/score-for-rank.ts",
    "lib/targets/evaluate.ts",
    "lib/targets/rules.ts",
    "lib/tasks/rules.ts",
    "lib/units/lineage.ts",
    "lib/units/validity.ts",
    "lib/units/profile-path.ts",
    "lib/profiles/trend.ts",
    "lib/api/same-origin.ts",
    "lib/security/headers.ts",
    "lib/db/unavailable.ts",
    "lib/audit/view.ts",
    // The web server's checks before Next sees a request (the client's address, which bodies may be
    // read), not signedIn(), which reads the session cookie with Auth.js.
    "scripts/lib/http-gate.mjs:10-98",
  ],
  coverageAnalysis: "perTest",
  // Static mutants (code that runs when a module loads: constant tables, module-level setup) are left
  // out: each one re-runs the whole unit suite on a fresh module graph, 88% of the run's time for 8%
  // of the mutants (the full run with them was estimated at 7–10 hours here; without, 81 minutes).
  // 235 mutants on 06/12/2026; 86 of them the permission table, which tests/unit/policy-table.test.ts
  // restates row by row. `npm run mutation -- --ignoreStatic false` runs them too.
  ignoreStatic: true,
  // The machine is shared: one mutant at a time.
  concurrency: 1,
  timeoutMS: 10_000,
  thresholds: { high: 90, low: 90, break: null },
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: ".tmp/mutation/report.html" },
  jsonReporter: { fileName: ".tmp/mutation/report.json" },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  tempDirName: ".tmp/stryker",
  // A run re-tests only the mutants whose code or covering tests changed since the last one
  // (`npm run mutation -- --force` tests them all).
  incremental: true,
  incrementalFile: ".tmp/mutation/incremental.json",
  // public/geo stays: the map rules' unit test reads the boundaries from it.
  ignorePatterns: [".next*", ".data*", ".tmp", "bench-results", "backups", "docs"],
  cleanTempDir: "always",
};
