// Who an account is and who may manage it. Pure: the data comes from ./queries.ts and
// ./mutations.ts, the permission table from lib/auth/policy.ts. The unit of an account is its
// scope in the table: an agency head's agency (and that agency's province), a province for Home
// Affairs staff and leaders, none for an administrator — so only a permission reaching "all"
// reaches an administrator's account, and Home Affairs staff manage their own province's people
// and nobody else's, before and after a change.
import type { Scope } from "@/lib/auth/policy";
import type { Role } from "@/lib/db/generated/enums";
import type { Issue } from "@/lib/errors";
import { libTranslator } from "@/lib/i18n/lib-translator";

const t = () => libTranslator("errors.accounts");

export const ROLES = ["ADMIN", "HOME_AFFAIRS", "LEADER", "AGENCY_HEAD"] as const satisfies readonly Role[];

/** Where an account belongs: an agency head's province is their agency's. */
export type AccountUnit = { role: Role; provinceId: number | null; agencyId: number | null };

/** The unit each role belongs to. */
export const ROLE_UNIT: Record<Role, "none" | "province" | "agency"> = { ADMIN: "none", HOME_AFFAIRS: "province", LEADER: "province", AGENCY_HEAD: "agency" };

export function accountScope(unit: AccountUnit): Scope {
  switch (ROLE_UNIT[unit.role]) {
    case "none":
      return { provinceId: null, agencyId: null };
    case "province":
      return { provinceId: unit.provinceId, agencyId: null };
    case "agency":
      return { provinceId: unit.provinceId, agencyId: unit.agencyId };
  }
}

/** An account's role and unit as one value: whether a change moves the account, or a row matches it. */
export const unitKey = (unit: AccountUnit) => `${unit.role}|${unit.provinceId ?? ""}|${unit.agencyId ?? ""}`;

/** What each role needs: an administrator no unit, staff and leaders a province, an agency head an agency. */
/** `fromFile`: an import row names the agency by its code. */
export function unitIssues(unit: { role: Role; provinceGiven: boolean; agencyGiven: boolean }, fromFile = false): Issue[] {
  switch (unit.role) {
    case "ADMIN":
      return unit.provinceGiven || unit.agencyGiven ? [{ field: "provinceCode", message: t()("adminNoUnit") }] : [];
    case "HOME_AFFAIRS":
    case "LEADER":
      if (!unit.provinceGiven) return [{ field: "provinceCode", message: t()("chooseProvince") }];
      return unit.agencyGiven ? [{ field: "agencyId", message: t()("provinceNoAgency") }] : [];
    case "AGENCY_HEAD":
      return unit.agencyGiven ? [] : [{ field: "agencyId", message: t()(fromFile ? "agencyCodeNeeded" : "chooseAgency") }];
  }
}

/** Changes nobody makes to their own account here (they would lock themselves out): role, unit, disabling, deleting. */
export function selfChangeIssue(actorId: number, accountId: number, change: { unitChanged?: boolean; disabling?: boolean; deleting?: boolean }): Issue | null {
  if (actorId !== accountId) return null;
  if (change.deleting) return { field: "id", message: t()("selfDelete") };
  if (change.disabling) return { field: "disabled", message: t()("selfDisable") };
  if (change.unitChanged) return { field: "role", message: t()("selfUnit") };
  return null;
}

/** What a person has done in the portal: an account that did anything is disabled, never deleted (the log names it). */
export type Footprint = { auditRows: number; files: number; reports: number; signedIn: boolean };
export function mayDelete(footprint: Footprint): boolean {
  return footprint.auditRows === 0 && footprint.files === 0 && footprint.reports === 0 && !footprint.signedIn;
}

export type AccountStatus = "active" | "invited" | "disabled" | "locked";
export const STATUSES: readonly AccountStatus[] = ["active", "invited", "disabled", "locked"];

/** Disabled first, then not yet set up (no password), then locked by too many failed sign-ins. */
export function accountStatus(account: { active: boolean; hasPassword: boolean }, locked: boolean): AccountStatus {
  if (!account.active) return "disabled";
  if (!account.hasPassword) return "invited";
  return locked ? "locked" : "active";
}

/** Where a person lands after setting their password and signing in: an agency head on their own agency. */
export function landingPath(account: AccountUnit): string {
  return ROLE_UNIT[account.role] === "agency" && account.agencyId !== null ? `/co-quan/${account.agencyId}` : "/trang-chu";
}
