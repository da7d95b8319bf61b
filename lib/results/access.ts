// Who may write a unit's published results: the permission table (lib/auth/policy.ts) applied to
// the unit or to a unit it went into. The Department of Home Affairs of a new province (2025) keeps
// the records of the old provinces it was formed from, so "own province" reaches their history.
import { authorize, can, type Actor } from "@/lib/auth/policy";
import { unitAndSuccessors, type LineageLink } from "@/lib/units/lineage";

export function mayWriteResultsOf(actor: Actor, unitId: number, links: readonly LineageLink[]): boolean {
  return unitAndSuccessors(unitId, links).some((id) => can(actor, "results.write", { provinceId: id }));
}

/** Throws 401/403 unless the actor may write this unit's results. */
export function authorizeResultsOf(actor: Actor | null, unitId: number, links: readonly LineageLink[]): asserts actor is Actor {
  const scope = actor ? unitAndSuccessors(unitId, links).find((id) => can(actor, "results.write", { provinceId: id })) : undefined;
  authorize(actor, "results.write", { provinceId: scope ?? unitId });
}

/** Throws 401/403 unless the actor may write published results at all (their province, or all). */
export function authorizeResultsWriter(actor: Actor | null): asserts actor is Actor {
  authorize(actor, "results.write", { provinceId: actor?.provinceId ?? null });
}
