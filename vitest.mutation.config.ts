// The unit tests Stryker runs against each mutant of the rule modules (stryker.config.mjs). The
// property tests (tests/unit/fuzz-*.test.ts, fast-check) are left out: they generate thousands of
// inputs per run, which makes every mutant slow, and they check parsers' robustness rather than
// the rules' values.
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

export default mergeConfig(
  { resolve: base.resolve },
  defineConfig({
    test: {
      include: ["tests/unit/**/*.test.ts"],
      exclude: ["tests/unit/fuzz-*.test.ts"],
    },
  }),
);
