// The order files start in: integration and unit files first, while the production build runs in
// the background (tests/support/build-global.ts), then the end-to-end files, which need it. Within a
// project, vitest's own order (failed first, then the longest first). The fault files run after all
// of them, one at a time (their project has no file parallelism).
import { BaseSequencer, type TestSpecification } from "vitest/node";

const FIRST = ["integration", "unit", "e2e", "e2e-fault"];
const rank = (spec: TestSpecification) => {
  const index = FIRST.indexOf(spec.project.name);
  return index === -1 ? FIRST.length : index;
};

export class BuildFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: vitest's order stays within each project.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
