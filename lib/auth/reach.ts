// What the permission table (policy.ts) reaches beyond one unit, derived from the table and nothing
// else, so that it stays the whole truth:
//  - a province formed on 01/07/2025 keeps the records of the old units it was formed from: its
//    staff's "own province" reaches the results, directives and audit rows of those units;
//  - the same reach as a Prisma `where`, so that a list shows exactly what `can` allows.
import { unitAndPredecessors, unitAndSuccessors, type LineageLink } from "@/lib/units/lineage";
import { authorize, can, PERMISSIONS, reachOf, type Actor, type Permission, type Role, type Scope } from "./policy";

/**
 * The scope to check a permission on data of `unitId` with: the unit itself, or a unit it went
 * into on which the actor holds the permission; else the unit (so that the check refuses).
 * `agencyId` is the agency the data belongs to (a task's lead agency, a report's agency).
 */
export function lineageScope(
  actor: Actor,
  permission: Permission,
  unitId: number | null,
  links: readonly LineageLink[],
  agencyId: number | null = null,
): Scope {
  const units = unitId === null ? [null] : unitAndSuccessors(unitId, links);
  const reachable = units.find((provinceId) => can(actor, permission, { provinceId, agencyId }));
  return { provinceId: reachable === undefined ? unitId : reachable, agencyId };
}

/** `can`, on data of a unit or of a unit it went into. */
export function mayOnUnit(actor: Actor, permission: Permission, unitId: number | null, links: readonly LineageLink[], agencyId: number | null = null): boolean {
  return can(actor, permission, lineageScope(actor, permission, unitId, links, agencyId));
}

/** `authorize` (401 signed out, 403 refused), on data of a unit or of a unit it went into. */
export function authorizeOnUnit(
  actor: Actor | null,
  permission: Permission,
  unitId: number | null,
  links: readonly LineageLink[],
  agencyId: number | null = null,
): asserts actor is Actor {
  authorize(actor, permission, actor ? lineageScope(actor, permission, unitId, links, agencyId) : { provinceId: unitId, agencyId });
}

/**
 * The province-level units whose data a permission reaches: null for everywhere, else the actor's
 * province and the old units it was formed from (none for a role without it, or one whose reach is
 * its own agency: that reach is by agency, see reachWhere).
 */
export function reachedUnits(actor: Actor, permission: Permission, links: readonly LineageLink[]): number[] | null {
  switch (reachOf(actor.role, permission)) {
    case "all":
      return null;
    case "province":
      return actor.provinceId === null ? [] : unitAndPredecessors(actor.provinceId, links);
    case "agency":
    case "council":
    case "none":
      return [];
  }
}

/**
 * The Prisma `where` of the rows a permission reaches: every row, the rows of the actor's province
 * (and its former units, given the lineage), or of the actor's agency; nothing for a role without it.
 */
export function reachWhere<W extends object>(
  actor: Actor,
  permission: Permission,
  shape: { province: (unitIds: number[]) => W; agency: (agencyId: number) => W },
  links: readonly LineageLink[] = [],
): W | Record<string, never> {
  switch (reachOf(actor.role, permission)) {
    case "all":
      return {};
    case "province":
      return shape.province(actor.provinceId === null ? [] : unitAndPredecessors(actor.provinceId, links));
    case "agency":
      return shape.agency(actor.agencyId ?? -1);
    case "council":
    case "none":
      return shape.province([]);
  }
}

/** Throws 401/403 unless the actor holds the permission on their own province (an administrator: anywhere). */
export function authorizeOwnProvince(actor: Actor | null, permission: Permission): asserts actor is Actor {
  authorize(actor, permission, { provinceId: actor?.provinceId ?? null });
}

// ───────────────────────── The appraisal council (issue 17) ─────────────────────────

/** One assignment of the actor to an assessment period's council: a field, criterion or sub-criterion. */
export type CouncilAssignmentRef = { periodId: number; criterionId: number };

/** A row of a scoring sheet: its unit, its period and the sub-criterion with its ancestors (field, criterion). */
export type SheetRowScope = Scope & { periodId: number; criterionPath: readonly number[] };

/**
 * May the actor appraise this row (score rounds 1 and 2, ask for an explanation) and read it with
 * its evidence? The table's reach of "assessment.appraise", and for a "council" reach: an assignment
 * of the row's period naming the sub-criterion or one of its ancestors, a period of the actor's own
 * province, and a sheet that is not the actor's own agency's (nobody appraises their own agency).
 */
export function mayAppraise(actor: Actor, row: SheetRowScope, assignments: readonly CouncilAssignmentRef[]): boolean {
  if (reachOf(actor.role, "assessment.appraise") !== "council") return can(actor, "assessment.appraise", row);
  if (actor.provinceId === null || row.provinceId !== actor.provinceId) return false;
  // Conflict of interest: a member never appraises the agency their own account belongs to.
  if (actor.agencyId !== null && row.agencyId === actor.agencyId) return false;
  return assignments.some((a) => a.periodId === row.periodId && row.criterionPath.includes(a.criterionId));
}

/** The roles the table lets appraise by council assignment (the accounts Home Affairs can name). */
export function councilRoles(): Role[] {
  return (Object.keys(PERMISSIONS["assessment.appraise"]) as Role[]).filter((role) => reachOf(role, "assessment.appraise") === "council");
}
