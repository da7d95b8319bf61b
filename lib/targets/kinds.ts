// The kinds of target, in the order forms offer them. Apart from rules.ts (which words its messages
// through the message catalogue) so that client forms can list them without the catalogue.
import type { TargetKind } from "@/lib/db/generated/enums";

export const TARGET_KINDS_ORDER = [
  "MIN_SCORE",
  "MIN_PERCENT_OF_MAX",
  "MAX_RANK",
  "RANK_IMPROVEMENT",
  "CRITERION_SCORE",
  "COMMITMENT_COMPLETION",
] as const satisfies readonly TargetKind[];

/** Kinds measured on an index (PAR INDEX, SIPAS or an internal one): the form asks for it. */
export const INDEX_KINDS: readonly TargetKind[] = ["MIN_SCORE", "MIN_PERCENT_OF_MAX", "MAX_RANK", "RANK_IMPROVEMENT"];
