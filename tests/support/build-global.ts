// End-to-end setup: the production build the files' servers run (tests/support/portal.ts), in
// .next-test — never the .next of a running `npm start` — and only when the sources changed.
// E2E_DIST_DIR lets two suites build side by side (e.g. two clones in one folder tree).
import { ensureBuild } from "../../scripts/lib/runtime";
import { buildDir } from "../../scripts/lib/throwaway-portal";

export default async function setup() {
  await ensureBuild({ distDir: buildDir(), log: (line) => console.log(line) });
}
