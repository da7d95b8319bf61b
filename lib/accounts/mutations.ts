// Writes of accounts by administrators and Home Affairs staff: create (with an invitation link),
// edit, disable and enable, unlock, delete one that never acted, and a new link for a forgotten
// password. Each is authorized on the account's unit before and after the change (./rules.ts:
// Home Affairs staff never reach an administrator or another province), written with its audit row
// in one transaction; no password is hashed here (argon2 runs when the person sets one).
import "server-only";
import { authorize, type Actor } from "@/lib/auth/policy";
import { endSessions } from "@/lib/auth/session";
import { THROTTLE } from "@/lib/auth/throttle";
import { writeAudit } from "@/lib/audit/log";
import { db, type Prisma } from "@/lib/db/client";
import { nextVersion, writeVersioned } from "@/lib/db/concurrency";
import type { Role } from "@/lib/db/generated/enums";
import { ConflictError, parseInput, ValidationError } from "@/lib/errors";
import { inForceOn } from "@/lib/units/queries";
import { issuePasswordLink, revokePasswordLinks } from "./passwords/mutations";
import { accountRecord, accountWithStatus, footprintOf, provinceByCode, today } from "./queries";
import { accountScope, mayDelete, ROLE_UNIT, selfChangeIssue, unitIssues, unitKey } from "./rules";
import { accountActionSchema, accountCreateSchema, accountUpdateSchema, profileSchema } from "./schema";
import type { AccountRow, AccountWithLink, IssuedLink } from "./types";
import { libTranslator } from "@/lib/i18n/lib-translator";

const t = () => libTranslator("errors.accounts");

type Tx = Prisma.TransactionClient;
export type Unit = { role: Role; provinceId: number | null; agencyId: number | null };

/** An account's unit from what was given: an agency head's province is their agency's. */
async function resolveUnit(role: Role, provinceCode: string | null, agencyId: number | null): Promise<Unit> {
  const issues = unitIssues({ role, provinceGiven: provinceCode !== null, agencyGiven: agencyId !== null });
  if (issues.length) throw new ValidationError(issues);
  if (ROLE_UNIT[role] === "none") return { role, provinceId: null, agencyId: null };
  if (ROLE_UNIT[role] === "province") {
    const province = await provinceByCode(provinceCode!);
    if ("message" in province) throw new ValidationError([province]);
    return { role, provinceId: province.id, agencyId: null };
  }
  const agency = await db.agency.findFirst({ where: { id: agencyId!, ...inForceOn(today()) }, include: { province: true } });
  if (!agency) throw new ValidationError([{ field: "agencyId", message: t()("agencyNotInForce") }]);
  if (provinceCode !== null && agency.province.code !== provinceCode) {
    throw new ValidationError([{ field: "agencyId", message: t()("agencyOtherProvince", { agency: agency.name, code: provinceCode }) }]);
  }
  return { role, provinceId: agency.provinceId, agencyId: agency.id };
}

async function emailFree(email: string, exceptId: number | null = null): Promise<void> {
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing && existing.id !== exceptId) throw new ValidationError([{ field: "email", message: t()("emailTaken", { email }) }]);
}

const snapshot = (u: {
  email: string;
  name: string;
  phone: string | null;
  role: Role;
  provinceId: number | null;
  agencyId: number | null;
  active: boolean;
}) => ({
  email: u.email,
  name: u.name,
  phone: u.phone,
  role: u.role,
  provinceId: u.provinceId,
  agencyId: u.agencyId,
  active: u.active,
});

/** Creates an account (no password yet) and its invitation link, which the administrator hands over. */
export async function createAccount(actor: Actor, raw: unknown): Promise<AccountWithLink> {
  const input = parseInput(accountCreateSchema, raw);
  const unit = await resolveUnit(input.role, input.provinceCode, input.agencyId);
  authorize(actor, "user.manage", accountScope(unit));
  await emailFree(input.email);
  const { id, invitation } = await db.$transaction(async (tx) => {
    const created = await tx.user.create({ data: { email: input.email, name: input.name, phone: input.phone, ...unit, passwordHash: null } });
    await writeAudit(tx, actor, { action: "user.create", entityType: "User", entityId: created.id, provinceId: unit.provinceId, newValue: snapshot(created) });
    return { id: created.id, invitation: await issuePasswordLink(tx, actor, created, "INVITE") };
  });
  return { ...(await accountWithStatus(await accountRecord(id))), invitation };
}

/** Edits an account: only the fields given, under the version read. */
export async function updateAccount(actor: Actor, accountId: number, raw: unknown): Promise<AccountRow> {
  const current = await accountRecord(accountId);
  authorize(actor, "user.manage", accountScope(current));
  const input = parseInput(accountUpdateSchema, raw);
  const role = input.role ?? current.role;
  const unitGiven = [input.role, input.provinceCode, input.agencyId].some((given) => given !== undefined);
  let unit: Unit = { role: current.role, provinceId: current.provinceId, agencyId: current.agencyId };
  if (unitGiven) {
    const keepsProvince = ROLE_UNIT[role] === "province" && input.provinceCode === undefined;
    const keepsAgency = ROLE_UNIT[role] === "agency" && input.agencyId === undefined;
    const provinceCode = keepsProvince ? (current.province?.code ?? null) : (input.provinceCode ?? null);
    unit = await resolveUnit(role, provinceCode, keepsAgency ? current.agencyId : (input.agencyId ?? null));
  }
  const unitChanged = unitKey(unit) !== unitKey(current);
  const disabling = input.disabled === true && current.active;
  const self = selfChangeIssue(actor.id, current.id, { unitChanged, disabling });
  if (self) throw new ValidationError([self]);
  authorize(actor, "user.manage", accountScope(unit));
  if (input.email !== undefined) await emailFree(input.email, current.id);

  const next = {
    email: input.email ?? current.email,
    name: input.name ?? current.name,
    phone: input.phone === undefined || !("phone" in (raw as object)) ? current.phone : input.phone,
    ...unit,
    active: input.disabled === undefined ? current.active : !input.disabled,
  };
  await db.$transaction(async (tx) => {
    await writeVersioned({ id: current.id, version: input.version }, (where) => tx.user.updateMany({ where, data: nextVersion(next) }), {
      current: () => tx.user.findUnique({ where: { id: current.id } }),
      conflict: (now) => new ConflictError(t()("conflictEdit"), { ...snapshot(now), version: now.version }),
      gone: t()("notFound"),
    });
    await auditChanges(tx, actor, current, next);
  });
  return accountWithStatus(await accountRecord(current.id));
}

async function auditChanges(tx: Tx, actor: Actor, before: Parameters<typeof snapshot>[0] & { id: number }, after: Parameters<typeof snapshot>[0]) {
  const old = snapshot(before);
  const now = snapshot(after);
  const changed = (Object.keys(old) as (keyof typeof old)[]).filter((k) => k !== "active" && old[k] !== now[k]);
  const provinceId = after.provinceId ?? before.provinceId;
  if (changed.length) {
    await writeAudit(tx, actor, {
      action: "user.update",
      entityType: "User",
      entityId: before.id,
      provinceId,
      oldValue: Object.fromEntries(changed.map((k) => [k, old[k]])),
      newValue: Object.fromEntries(changed.map((k) => [k, now[k]])),
    });
  }
  if (old.active !== now.active) {
    await writeAudit(tx, actor, {
      action: now.active ? "user.enable" : "user.disable",
      entityType: "User",
      entityId: before.id,
      provinceId,
      oldValue: { active: old.active },
      newValue: { active: now.active },
    });
    // A disabled user's sessions end now, and no link of theirs works any more.
    if (!now.active) {
      await endSessions(tx, before.id);
      await revokePasswordLinks(tx, before.id);
    }
  }
}

/** A new one-time link (invitation when no password was ever set, reset otherwise); the older ones stop working. */
export async function resetAccountPassword(actor: Actor, accountId: number): Promise<IssuedLink> {
  const account = await accountRecord(accountId);
  authorize(actor, "user.manage", accountScope(account));
  if (!account.active) throw new ValidationError([{ field: "id", message: t()("disabledNoLink") }]);
  return db.$transaction((tx) => issuePasswordLink(tx, actor, account, account.passwordHash === null ? "INVITE" : "RESET"));
}

/** Lifts a lock by failed sign-ins: the account's failures of the current window are cleared. */
export async function unlockAccount(actor: Actor, accountId: number, now = new Date()): Promise<void> {
  const account = await accountRecord(accountId);
  authorize(actor, "user.manage", accountScope(account));
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  await db.$transaction(async (tx) => {
    const cleared = await tx.loginAttempt.deleteMany({ where: { email: account.email, succeeded: false, at: { gte: since } } });
    await writeAudit(tx, actor, {
      action: "user.unlock",
      entityType: "User",
      entityId: account.id,
      provinceId: account.provinceId,
      newValue: { clearedFailures: cleared.count },
    });
  });
}

/** Deletes an account that never acted (never signed in, nothing in the log); any other is disabled instead. */
export async function deleteAccount(actor: Actor, raw: unknown): Promise<void> {
  const input = parseInput(accountActionSchema, raw);
  const account = await accountRecord(input.id);
  authorize(actor, "user.manage", accountScope(account));
  const self = selfChangeIssue(actor.id, account.id, { deleting: true });
  if (self) throw new ValidationError([self]);
  if (!mayDelete(await footprintOf(account))) {
    throw new ValidationError([{ field: "id", message: t()("usedNoDelete") }]);
  }
  await db.$transaction(async (tx) => {
    await writeVersioned({ id: account.id, version: input.version }, (where) => tx.user.deleteMany({ where }), {
      current: () => tx.user.findUnique({ where: { id: account.id } }),
      conflict: (now) => new ConflictError(t()("conflictRetry"), { ...snapshot(now), version: now.version }),
      gone: t()("gone"),
    });
    await writeAudit(tx, actor, {
      action: "user.delete",
      entityType: "User",
      entityId: account.id,
      provinceId: account.provinceId,
      oldValue: snapshot(account),
    });
  });
}

/** The signed-in user's own name and phone (/tai-khoan-cua-toi); role and unit are set by administrators. */
export async function updateOwnProfile(actor: Actor, raw: unknown): Promise<void> {
  const input = parseInput(profileSchema, raw);
  const current = await accountRecord(actor.id);
  const next = { ...current, name: input.name, phone: input.phone };
  await db.$transaction(async (tx) => {
    await writeVersioned(
      { id: current.id, version: input.version },
      (where) => tx.user.updateMany({ where, data: nextVersion({ name: input.name, phone: input.phone }) }),
      {
        current: () => tx.user.findUnique({ where: { id: current.id } }),
        conflict: (now) => new ConflictError(t()("profileConflict"), { name: now.name, phone: now.phone, version: now.version }),
      },
    );
    await auditChanges(tx, actor, current, next);
  });
}
