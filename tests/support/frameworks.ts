// A criterion of a framework's tree (lib/frameworks/tree.ts) for the unit tests of the tree's and
// the versioning's rules: appraised, named after its code, no guidance.
import type { TreeRow } from "@/lib/frameworks/tree";

export const row = (code: string, parentCode: string | null, maxPoints: number | null, extra: Partial<TreeRow> = {}): TreeRow => ({
  code,
  parentCode,
  level: null,
  name: `Mục ${code}`,
  maxPoints,
  method: "APPRAISAL",
  guidance: null,
  requiredEvidence: null,
  ...extra,
});
