#!/usr/bin/env node
// postinstall: makes @stryker-mutator/vitest-runner 9.4.0 work with Vitest 4.1.
// Its setup file calls `afterAll((suite) => …)`; Vitest 4.1 reads the first parameter of a hook as
// its fixtures and rejects that form, so Stryker silently loses per-test coverage and every mutant
// "survives" with 0 tests. `afterAll(({}, suite) => …)` is the form Vitest 4.1 accepts (the suite
// is its second argument). Stryker 10, which fixes this, needs Node 22. Idempotent; says so when the
// file no longer looks as expected (another version installed) instead of failing the install.
import fs from "node:fs";
import path from "node:path";

const file = path.resolve(import.meta.dirname, "../../node_modules/@stryker-mutator/vitest-runner/dist/src/stryker-setup.js");
if (fs.existsSync(file)) {
  const source = fs.readFileSync(file, "utf8");
  const patched = source.replaceAll("afterAll((suite) => {", "afterAll(({}, suite) => {");
  if (patched !== source) fs.writeFileSync(file, patched);
  else if (!source.includes("afterAll(({}, suite) => {"))
    console.warn(`patch-stryker-vitest: ${file} changed; check the mutation run (npm run mutation) kills a known-covered mutant.`);
}
