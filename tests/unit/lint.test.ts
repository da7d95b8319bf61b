// Lint and format in npm test: Biome (one fast binary for both, no plugin graph to keep in step with
// Next and typescript-eslint) over every source file, with zero diagnostics allowed. `npm run lint`
// shows the same; `npm run format` rewrites the files.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

describe("lint and format (Biome)", () => {
  it("finds no error, warning or unformatted file", () => {
    const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "biome"), ["check", "--error-on-warnings", "--max-diagnostics=50", "."], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).toBe(0);
    expect(output).toMatch(/Checked \d+ files/);
  });
});
