// Reads of accounts, for the administration screens and the API: only the accounts the actor may
// manage (lib/auth/reach.ts over the permission table), each with its status.
import "server-only";
import { authorize, can, ForbiddenError, holds, type Actor } from "@/lib/auth/policy";
import { reachWhere } from "@/lib/auth/reach";
import { THROTTLE } from "@/lib/auth/throttle";
import { db, type Prisma } from "@/lib/db/client";
import { pageShown } from "@/lib/paging";
import { searchContains } from "@/lib/search";
import { NotFoundError, parseInput, ValidationError, type Issue } from "@/lib/errors";
import { vietnamToday } from "@/lib/time";
import { inForceOn } from "@/lib/units/queries";
import { accountFilterSchema } from "./schema";
import { accountScope, accountStatus, ROLE_UNIT, ROLES, type Footprint } from "./rules";
import type { AccountPage, AccountRow } from "./types";
import { libTranslator } from "@/lib/i18n/lib-translator";

const t = () => libTranslator("errors.accounts");

export const ACCOUNTS_PER_PAGE = 50;

/** Today in Viet Nam as a calendar date (units in force, agencies' validity). */
export const today = () => new Date(`${vietnamToday()}T00:00:00Z`);

/** The province in force with this code, or an issue. */
export async function provinceByCode(code: string, field = "provinceCode"): Promise<{ id: number } | Issue> {
  const province = await db.province.findFirst({ where: { code, ...inForceOn(today()) }, select: { id: true } });
  return province ?? { field, message: t()("provinceUnknown", { code }) };
}

const include = { province: true, agency: { include: { province: true } } } as const;
type UserRow = Prisma.UserGetPayload<{ include: typeof include }>;

/** The e-mails among these that are locked now by too many failed sign-ins (lib/auth/throttle.ts's rule, in one statement). */
export async function lockedEmails(emails: readonly string[], now = new Date()): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const rows = await db.$queryRaw<{ email: string }[]>`
    SELECT f.email FROM login_attempt f
     WHERE f.email = ANY(${[...emails]}::text[]) AND NOT f.succeeded AND f.at >= ${since}
       AND f.at >= COALESCE((SELECT max(s.at) FROM login_attempt s WHERE s.email = f.email AND s.succeeded AND s.at >= ${since}), ${since})
     GROUP BY f.email HAVING count(*) >= ${THROTTLE.maxFailuresPerAccount}`;
  return new Set(rows.map((r) => r.email));
}

export function accountRow(user: UserRow, locked: boolean): AccountRow {
  const province = user.agency?.province ?? user.province;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    phone: user.phone,
    role: user.role,
    provinceId: province?.id ?? null,
    provinceCode: province?.code ?? null,
    provinceName: province?.nameVi ?? null,
    agencyId: user.agency?.id ?? null,
    agencyCode: user.agency?.code ?? null,
    agencyName: user.agency?.name ?? null,
    status: accountStatus({ active: user.active, hasPassword: user.passwordHash !== null }, locked),
    lastSignInAt: user.lastSignInAt,
    createdAt: user.createdAt,
    version: user.version,
  };
}

/** The accounts the actor may manage, filtered (README, "Administration"). */
export async function listAccounts(actor: Actor, raw: unknown): Promise<AccountPage> {
  if (!holds(actor, "user.manage")) throw new ForbiddenError();
  const filter = parseInput(accountFilterSchema, raw);
  const reach = reachWhere<Prisma.UserWhereInput>(actor, "user.manage", {
    province: (ids) => ({ OR: [{ provinceId: { in: ids } }, { agency: { provinceId: { in: ids } } }] }),
    agency: (agencyId) => ({ agencyId }),
  });
  const and: Prisma.UserWhereInput[] = [reach];
  // By name or e-mail, with or without diacritics, in any case (lib/search.ts).
  if (filter.q) and.push({ searchKey: { contains: searchContains(filter.q) } });
  if (filter.role) and.push({ role: filter.role });
  if (filter.province) {
    // A province out of reach is refused, not answered with an empty list.
    const province = await provinceByCode(filter.province, "province");
    if ("message" in province) throw new ValidationError([province]);
    authorize(actor, "user.manage", { provinceId: province.id });
    and.push({ OR: [{ provinceId: province.id }, { agency: { provinceId: province.id } }] });
  }
  if (filter.agencyId) and.push({ agencyId: filter.agencyId });
  if (filter.signedInBefore) and.push({ OR: [{ lastSignInAt: null }, { lastSignInAt: { lt: filter.signedInBefore } }] });
  if (filter.status === "disabled") and.push({ active: false });
  if (filter.status === "invited") and.push({ active: true, passwordHash: null });
  if (filter.status === "active" || filter.status === "locked") and.push({ active: true, passwordHash: { not: null } });
  if (filter.status === "locked" || filter.status === "active") {
    const candidates = await db.user.findMany({ where: { AND: and }, select: { email: true } });
    const locked = await lockedEmails(candidates.map((c) => c.email));
    and.push(filter.status === "locked" ? { email: { in: [...locked] } } : { email: { notIn: [...locked] } });
  }
  const where = { AND: and };
  // Relations by a second query ("query"), not joined: joined, PostgreSQL builds every matching
  // account's agency and province (10,000 in a large province, 80 ms) before the sort keeps 50.
  const pageOf = (page: number) =>
    db.user.findMany({
      where,
      include,
      relationLoadStrategy: "query",
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * ACCOUNTS_PER_PAGE,
      take: ACCOUNTS_PER_PAGE,
    });
  const [total, asked] = await Promise.all([db.user.count({ where }), pageOf(filter.page ?? 1)]);
  // Past the last page: the last page (read again only then).
  const page = pageShown(filter.page, total, ACCOUNTS_PER_PAGE);
  const users = page === (filter.page ?? 1) ? asked : await pageOf(page);
  const locked = await lockedEmails(users.map((u) => u.email));
  return { rows: users.map((u) => accountRow(u, locked.has(u.email))), total, page, pageSize: ACCOUNTS_PER_PAGE };
}

/** One account as stored (no authorization: callers authorize on its unit). */
export async function accountRecord(id: number) {
  const user = await db.user.findUnique({ where: { id }, include });
  if (!user) throw new NotFoundError(t()("notFound"));
  return user;
}

export async function accountWithStatus(user: UserRow): Promise<AccountRow> {
  return accountRow(user, (await lockedEmails([user.email])).has(user.email));
}

/** What an account has done: one that acted stays (disabled), so that the log keeps naming it. */
export async function footprintOf(user: { id: number; lastSignInAt: Date | null }): Promise<Footprint> {
  const [auditRows, files, reports] = await Promise.all([
    db.auditLog.count({ where: { actorId: user.id } }),
    db.storedFile.count({ where: { uploadedById: user.id } }),
    db.periodicReport.count({ where: { submittedById: user.id } }),
  ]);
  return { auditRows, files, reports, signedIn: user.lastSignInAt !== null };
}

/** The signed-in user's own account (/tai-khoan-cua-toi). */
export async function myAccount(actor: Actor): Promise<AccountRow> {
  return accountWithStatus(await accountRecord(actor.id));
}

/** What the account list's filters offer the actor: the roles they may give, the provinces (an administrator's choice). */
export async function accountFilterOptions(actor: Actor) {
  if (!holds(actor, "user.manage")) throw new ForbiddenError();
  const everywhere = can(actor, "user.manage", { provinceId: null });
  const provinces = everywhere
    ? await db.province.findMany({ where: inForceOn(today()), select: { id: true, code: true, nameVi: true }, orderBy: { code: "asc" } })
    : null;
  return {
    everywhere,
    roles: ROLES.filter((r) => everywhere || ROLE_UNIT[r] !== "none"),
    provinces: provinces?.map((p) => ({ id: p.id, code: p.code, name: p.nameVi })) ?? null,
  };
}

/** What the account forms offer the actor: the list's choices and the agencies of the province at hand (its own page: a province has thousands). */
export async function accountFormOptions(actor: Actor, provinceCode: string | null | undefined) {
  const { everywhere, roles, provinces } = await accountFilterOptions(actor);
  const own =
    actor.provinceId === null ? null : await db.province.findUnique({ where: { id: actor.provinceId }, select: { id: true, code: true, nameVi: true } });
  const chosen = provinceCode ? ((provinces ?? []).find((p) => p.code === provinceCode) ?? null) : null;
  const provinceId = everywhere ? (chosen?.id ?? null) : (own?.id ?? null);
  const agencies =
    provinceId === null
      ? []
      : await db.agency.findMany({ where: { provinceId, ...inForceOn(today()) }, select: { id: true, code: true, name: true }, orderBy: { code: "asc" } });
  return {
    roles,
    provinces: provinces?.map((p) => ({ code: p.code, name: p.name })) ?? null,
    fixedProvince: everywhere ? (chosen?.code ?? null) : (own?.code ?? null),
    agencies,
  };
}

/** One account for its edit page, authorized on its unit. */
export async function accountToManage(actor: Actor, id: number): Promise<AccountRow> {
  const user = await accountRecord(id);
  authorize(actor, "user.manage", accountScope(user));
  return accountWithStatus(user);
}
