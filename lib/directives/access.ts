// Who may act on a directive: the permission table (lib/auth/policy.ts) applied to the directive's
// province or to a province it went into. A directive of 2019 belongs to the old unit that issued
// it (An Giang, code 89, until 30/06/2025); the Department of Home Affairs of the new province
// formed from it on 01/07/2025 carries its work on, so "own province" reaches it through the
// lineage, as for published results (lib/results/access.ts).
import { authorize, can, type Actor, type Permission, type Scope } from "@/lib/auth/policy";
import { unitAndSuccessors, type LineageLink } from "@/lib/units/lineage";

/**
 * The scope to authorize an action on a directive of `unitId` with: the unit itself or one it
 * went into that the actor holds the permission on, else the unit (so that authorize refuses).
 * `agencyId` is the agency the data belongs to (a task's lead agency, a report's agency).
 */
export function directiveScope(actor: Actor, permission: Permission, unitId: number | null, links: readonly LineageLink[], agencyId: number | null = null): Scope {
  const units = unitId === null ? [null] : unitAndSuccessors(unitId, links);
  const reachable = units.find((provinceId) => can(actor, permission, { provinceId, agencyId }));
  return { provinceId: reachable === undefined ? unitId : reachable, agencyId };
}

export function mayOnDirective(actor: Actor, permission: Permission, unitId: number | null, links: readonly LineageLink[], agencyId: number | null = null): boolean {
  return can(actor, permission, directiveScope(actor, permission, unitId, links, agencyId));
}

export function authorizeOnDirective(
  actor: Actor | null,
  permission: Permission,
  unitId: number | null,
  links: readonly LineageLink[],
  agencyId: number | null = null,
): asserts actor is Actor {
  authorize(actor, permission, actor ? directiveScope(actor, permission, unitId, links, agencyId) : { provinceId: unitId, agencyId });
}

/**
 * Reading a directive: staff and leaders of the province (or of the province it went into); an
 * agency head when the directive involves their agency (a task it leads or coordinates, a target
 * set for it), since the policy gives agency heads their own agency's data only.
 */
export function authorizeReadDirective(actor: Actor | null, unitId: number | null, links: readonly LineageLink[], involvedAgencyIds: readonly number[]): asserts actor is Actor {
  const agencyId = actor?.agencyId != null && involvedAgencyIds.includes(actor.agencyId) ? actor.agencyId : null;
  authorizeOnDirective(actor, "province.read", unitId, links, agencyId);
}
