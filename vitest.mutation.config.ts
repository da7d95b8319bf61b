// The unit tests Stryker runs against each mutant of the rule modules (stryker.config.mjs). The
// property tests (tests/unit/fuzz-*.test.ts, fast-check) are left out: they generate thousands of
// inputs per run, which makes every mutant slow, and they check parsers' robustness rather than
// the rules' values. The test files share one module cache (isolate: false): Stryker switches
// mutants inside functions at run time, so nothing needs reloading between runs (static mutants,
// which would, are ignored: stryker.config.mjs), and reloading each covering file
// per mutant is slow (lib/units/lineage.ts on the loaded machine: 69 s → 45 s for the whole run, the
// same 47 of 53 mutants killed).
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

export default mergeConfig(
  { resolve: base.resolve },
  defineConfig({
    test: {
      include: ["tests/unit/**/*.test.ts"],
      exclude: ["tests/unit/fuzz-*.test.ts"],
      isolate: false,
    },
  }),
);
