// End-to-end files share one server and database: run them in a fixed order (by file name) rather
// than vitest's duration-based order, so that a file which adds the latest published year
// (targets-on-dashboard) always comes after the pages that read "the latest year".
import { BaseSequencer, type TestSpecification } from "vitest/node";

export class ByNameSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}
