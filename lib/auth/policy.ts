// The permission table: which role may do what on which unit. One place for the rule; every
// query and mutation in lib asks it before touching data (hiding a button is not authorization).
import type { Locale, Role } from "@/lib/db/generated/enums";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";

export { ForbiddenError, UnauthenticatedError };
export type { Role };

export type Actor = {
  id: number;
  email: string;
  name: string;
  role: Role;
  provinceId: number | null;
  provinceName: string | null;
  agencyId: number | null;
  agencyName: string | null;
  /** The interface language the user chose (lib/i18n), null until they choose. */
  locale?: Locale | null;
};

/** Where the data acted on belongs. */
export type Scope = { provinceId: number | null; agencyId?: number | null };

export type Permission =
  | "province.read" // a province's internal data: agencies, assessments, directives, targets
  | "results.write" // published national results of a province
  | "results.importNational" // rows of other provinces in an import of the national table
  | "assessment.manage" // open periods, name the council, release, finalize, publish (Sở Nội vụ)
  | "assessment.appraise" // score rounds 1 and 2, ask for explanations, read the rows and their evidence
  | "assessment.selfScore" // self-score and explain (the agency)
  | "assessment.analyze" // read the province's analytics: self against appraisal (consistency), the PAR INDEX nowcast
  | "assessment.importSurvey" // import the survey results into a period's survey criteria (Sở Nội vụ)
  | "directive.write"
  | "task.report" // progress of a task, periodic reports (the lead agency)
  | "framework.write"
  | "user.manage" // accounts: create, edit, disable, reset a password (an administrator's account is national: only "all" reaches it)
  | "agency.manage" // a province's agencies and communes, their peer groups and lineage
  | "audit.read"
  | "mail.read" // the outbox (/quan-tri/thu-di)
  | "jobs.manage" // the job queue (/quan-tri/tac-vu): schedules, failed jobs and their retry, "scan now"
  | "documents.configure"; // what the province's documents print: issuing bodies, signers, symbols

/**
 * Unit reach of a permission for a role: everywhere, own province, own agency, nowhere, or
 * "council": only the sub-criteria a council assignment of an assessment period names, in the
 * actor's own province and never on the actor's own agency (lib/auth/reach.ts, `mayAppraise`).
 */
export type Reach = "all" | "province" | "agency" | "council" | "none";

export const PERMISSIONS: Record<Permission, Record<Role, Reach>> = {
  "province.read": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "province", AGENCY_HEAD: "agency" },
  "results.write": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "none" },
  // The national table is entered by one authority: a Department of Home Affairs imports its own rows only.
  "results.importNational": { ADMIN: "all", HOME_AFFAIRS: "none", LEADER: "none", AGENCY_HEAD: "none" },
  "assessment.manage": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "none" },
  // Issue 17: an agency head or a leader named to the appraisal council appraises what they are assigned.
  "assessment.appraise": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "council", AGENCY_HEAD: "council" },
  "assessment.selfScore": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "agency" },
  // Issue 17 (items 6, 7): a leader sees who over-reports and the nowcast; an agency head's view is its own agency.
  "assessment.analyze": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "province", AGENCY_HEAD: "none" },
  "assessment.importSurvey": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "none" },
  "directive.write": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "none" },
  "task.report": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "agency" },
  "framework.write": { ADMIN: "all", HOME_AFFAIRS: "none", LEADER: "none", AGENCY_HEAD: "none" },
  // Sở Nội vụ brings in its own province's people (README, "Administration"); an account's unit is its scope.
  "user.manage": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "none" },
  "agency.manage": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "none" },
  "audit.read": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "none" },
  // Issue 15: the outbox, its mail to the province's people (invitation links included).
  "mail.read": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "none" },
  // The queue is national: one deadline scan covers every province, and a job belongs to no unit, so
  // a province's Home Affairs staff could not retry or run one without acting on other provinces.
  "jobs.manage": { ADMIN: "all", HOME_AFFAIRS: "none", LEADER: "none", AGENCY_HEAD: "none" },
  "documents.configure": { ADMIN: "all", HOME_AFFAIRS: "province", LEADER: "none", AGENCY_HEAD: "none" },
};

/** The table's cell: how far a role's permission reaches. */
export function reachOf(role: Role, permission: Permission): Reach {
  return PERMISSIONS[permission][role];
}

/** The role holds the permission somewhere (what a menu or a button offers; lib still checks the unit). */
export function holds(actor: Pick<Actor, "role">, permission: Permission): boolean {
  return reachOf(actor.role, permission) !== "none";
}

export function can(actor: Actor, permission: Permission, scope: Scope): boolean {
  switch (reachOf(actor.role, permission)) {
    case "all":
      return true;
    case "province":
      return actor.provinceId !== null && scope.provinceId === actor.provinceId;
    case "agency":
      // An agency belongs to one province: its id on another province's data is not the actor's agency.
      return actor.agencyId !== null && scope.agencyId === actor.agencyId && scope.provinceId === actor.provinceId;
    // A council reach needs the actor's assignments: `mayAppraise` (./reach.ts) decides; a unit alone is refused.
    case "council":
    case "none":
      return false;
  }
}

/** Throws 401 when signed out and 403 when the table does not allow the action on this unit. */
export function authorize(actor: Actor | null, permission: Permission, scope: Scope): asserts actor is Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor, permission, scope)) throw new ForbiddenError();
}
