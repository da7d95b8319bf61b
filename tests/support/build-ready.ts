// Runs before each end-to-end file: waits for the production build the global setup started in the
// background (tests/support/build-global.ts), and fails the file at once if the build failed.
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { BUILD_FAILED, BUILD_STAMP, ROOT } from "../../scripts/lib/runtime";

const { distDir, hash } = inject("build");
const dir = path.join(ROOT, distDir);
const giveUp = Date.now() + 20 * 60_000;
for (;;) {
  const stamp = path.join(dir, BUILD_STAMP);
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hash) break;
  const failed = path.join(dir, BUILD_FAILED);
  if (fs.existsSync(failed)) throw new Error(fs.readFileSync(failed, "utf8"));
  if (Date.now() > giveUp) throw new Error(`next build into ${distDir} did not finish in 20 minutes`);
  await new Promise((resolve) => setTimeout(resolve, 500));
}
