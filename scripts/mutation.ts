// `npm run mutation`: mutation testing of the pure rule modules with their unit tests (Stryker,
// stryker.config.mjs). Extra arguments go to Stryker, e.g. `npm run mutation -- --mutate lib/results/ranking.ts`.
// Not part of `npm test`: it runs the unit tests once per mutant.
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "stryker"), ["run", "stryker.config.mjs", ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
