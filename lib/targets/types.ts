// What the target queries return (plain data), for the pages and the client components.
import type { TargetKind } from "@/lib/db/generated/enums";
import type { TargetEvaluation } from "./evaluate";

export type EvaluatedTarget = {
  id: number;
  year: number;
  kind: TargetKind;
  kindLabel: string;
  indexCode: string | null;
  directive: { id: number; number: string; title: string };
  /** The unit or agency the target is for. */
  unitLabel: string;
  agencyId: number | null;
  criterionCode: string | null;
  value: number;
  note: string | null;
  evaluation: TargetEvaluation;
};
