// End-to-end setup: the production build the files' servers run (tests/support/portal.ts), in
// .next-test — never the .next of a running `npm start` — and only when the sources changed.
// E2E_DIST_DIR lets two suites build side by side (e.g. two clones in one folder tree).
//
// The build is started here and not waited for: vitest runs every project's global setup before
// any file, and the build (about a minute alone, one core idle during its type-check) would hold
// back the integration and unit files, which do not need it. Those run first (the sequencer in
// vitest.config.ts), beside the build; a test server waits for it (startPortalServer, through
// PORTAL_BUILD_STATUS, which the test workers inherit). The three end-to-end projects all list
// this file: the first starts the one build, the others share it, as with postgres-global.ts.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild, ROOT } from "../../scripts/lib/runtime";
import { buildDir } from "../../scripts/lib/throwaway-portal";

type Shared = { built: Promise<void>; status: string; users: number };
const shared = globalThis as typeof globalThis & { portalTestBuild?: Shared };

function startBuild(): Shared {
  const status = path.join(os.tmpdir(), `portal-build-${process.pid}-${crypto.randomBytes(4).toString("hex")}`);
  fs.writeFileSync(status, "building");
  process.env.PORTAL_BUILD_STATUS = status;
  const output = path.join(ROOT, ".tmp", "next-build.log");
  fs.mkdirSync(path.dirname(output), { recursive: true });
  const started = Date.now();
  // No Turbopack cache: a fresh clone's run never uses it, and writing it cost over a quarter of the build's CPU.
  const built = ensureBuild({ distDir: buildDir(), log: (line) => console.log(line), output, cache: false }).then(
    (didBuild) => {
      if (didBuild) console.log(`Bản dựng ${buildDir()} sẵn sàng sau ${Math.round((Date.now() - started) / 1000)} s (nhật ký: ${output}).`);
      fs.writeFileSync(status, "ok");
    },
    (error: Error) => {
      console.error(`${error.message}\n${fs.existsSync(output) ? fs.readFileSync(output, "utf8").slice(-4_000) : ""}`);
      fs.writeFileSync(status, `failed: ${error.message}`);
    },
  );
  return { built, status, users: 0 };
}

export default function setup() {
  shared.portalTestBuild ??= startBuild();
  const build = shared.portalTestBuild;
  build.users++;
  return async () => {
    await build.built;
    if (--build.users > 0) return;
    shared.portalTestBuild = undefined;
    fs.rmSync(build.status, { force: true });
  };
}
