// Which Chromium the tests run in: read by the browser launcher (tests/support/browser.ts) and by
// `npm test` (scripts/test.ts), which installs the first one when none is there.
import fs from "node:fs";

/**
 * The first one present wins. Debian's `chromium-headless-shell` first: Chromium's "old" headless
 * shell, the one Playwright itself runs headless tests in. It has no browser UI layer and took about
 * 30% less CPU than full Chromium in headless mode for the same journeys (docs/benchmarks.md, "A
 * fifth look"). Then Debian's full Chromium binary, then its /usr/bin/chromium launcher (a shell
 * script that adds desktop flags such as GPU rasterization to every launch).
 */
export const CHROMIUM_CANDIDATES = ["/usr/lib/chromium/chromium-headless-shell", "/usr/lib/chromium/chromium", "/usr/bin/chromium"];

/** The Debian package that puts the first candidate in place. */
export const CHROMIUM_PACKAGE = "chromium-headless-shell";

/** CHROMIUM_PATH when set, else the first candidate present; undefined when there is none. */
export function chromiumPath(): string | undefined {
  return process.env.CHROMIUM_PATH ?? CHROMIUM_CANDIDATES.find((candidate) => fs.existsSync(candidate));
}
