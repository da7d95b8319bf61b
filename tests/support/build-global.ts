// End-to-end setup: the production build the files' servers run (tests/support/portal.ts), in
// .next-test — never the .next of a running `npm start` — and only when the sources changed.
// E2E_DIST_DIR lets two suites build side by side (e.g. two clones in one folder tree).
// The build runs in the background while the unit and integration files run (they come first:
// tests/support/sequencer.ts); each end-to-end file waits for it (tests/support/build-ready.ts).
import type { ChildProcess } from "node:child_process";
import type { TestProject } from "vitest/node";
import { buildStatus, startBuild } from "../../scripts/lib/runtime";
import { buildDir } from "../../scripts/lib/throwaway-portal";

declare module "vitest" {
  export interface ProvidedContext {
    build: { distDir: string; hash: string };
  }
}

// The e2e and e2e-fault projects both list this file: one build for both.
type Shared = { distDir: string; hash: string; child: ChildProcess | null; users: number };
const shared = globalThis as typeof globalThis & { portalTestBuild?: Shared };

export default async function setup(project: TestProject) {
  if (!shared.portalTestBuild) {
    const distDir = buildDir();
    const { upToDate, hash } = buildStatus(distDir);
    if (!upToDate) console.log("Biên dịch giao diện (next build) trong nền, trong lúc các tệp kiểm thử unit và integration chạy…");
    shared.portalTestBuild = { distDir, hash, child: upToDate ? null : startBuild({ distDir, hash }), users: 0 };
  }
  const build = shared.portalTestBuild;
  build.users++;
  project.provide("build", { distDir: build.distDir, hash: build.hash });
  return () => {
    if (--build.users > 0) return;
    // A run stopped before the build finished: do not leave it running.
    if (build.child && build.child.exitCode === null && build.child.signalCode === null) build.child.kill("SIGTERM");
    shared.portalTestBuild = undefined;
  };
}
