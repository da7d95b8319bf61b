// Reads of a province's agencies for the administration screens and the API, authorized on the
// province by the permission table ("agency.manage").
import "server-only";
import { provinceByCode, today } from "@/lib/accounts/queries";
import { authorize, can, type Actor } from "@/lib/auth/policy";
import { db, type Prisma } from "@/lib/db/client";
import { pageShown } from "@/lib/paging";
import { searchContains } from "@/lib/search";
import { NotFoundError, parseInput, ValidationError } from "@/lib/errors";
import { inForceOn } from "@/lib/units/queries";
import { agencyListSchema } from "./schema";
import type { AgencyList, AgencyRow } from "./types";
import { libTranslator } from "@/lib/i18n/lib-translator";

const t = () => libTranslator("errors.agencies");

/**
 * The province an administration request is about: the one named (an administrator must name it),
 * else the actor's own; authorized for `agency.manage` there.
 */
export async function managedProvince(actor: Actor, code: string | null | undefined) {
  let provinceId = actor.provinceId;
  if (code) {
    const found = await provinceByCode(code, "province");
    if ("message" in found) throw new ValidationError([found]);
    provinceId = found.id;
  }
  if (provinceId === null) authorize(actor, "agency.manage", { provinceId: null });
  if (provinceId === null) throw new ValidationError([{ field: "province", message: t()("chooseProvince") }]);
  authorize(actor, "agency.manage", { provinceId });
  return db.province.findUniqueOrThrow({ where: { id: provinceId } });
}

const include = {
  province: { select: { code: true } },
  peerGroup: { select: { name: true } },
  users: { where: { role: "AGENCY_HEAD" }, select: { id: true, name: true, email: true }, orderBy: { name: "asc" } },
  predecessors: { include: { predecessor: { select: { id: true, code: true, name: true } } } },
  successors: { include: { successor: { select: { id: true, code: true, name: true } } } },
} satisfies Prisma.AgencyInclude;
type Row = Prisma.AgencyGetPayload<{ include: typeof include }>;

function agencyRow(a: Row): AgencyRow {
  return {
    id: a.id,
    provinceId: a.provinceId,
    provinceCode: a.province.code,
    code: a.code,
    name: a.name,
    shortName: a.shortName,
    kind: a.kind,
    peerGroup: a.peerGroup?.name ?? null,
    contactEmail: a.contactEmail,
    contactPhone: a.contactPhone,
    validFrom: a.validFrom,
    validTo: a.validTo,
    heads: a.users,
    formedFrom: a.predecessors.map((l) => ({ ...l.predecessor, effectiveOn: l.effectiveOn, legalBasis: l.legalBasis })),
    wentInto: a.successors.map((l) => ({ ...l.successor, effectiveOn: l.effectiveOn, legalBasis: l.legalBasis })),
    isDemo: a.isDemo,
    version: a.version,
  };
}

export const AGENCIES_PER_PAGE = 50;

/** A page of a province's agencies, filtered (the filter's page, 50 a page, by kind then code). */
export async function listAgencies(actor: Actor, raw: unknown): Promise<AgencyList> {
  const filter = parseInput(agencyListSchema, raw);
  const province = await managedProvince(actor, filter.province);
  const day = today();
  const status: Prisma.AgencyWhereInput = filter.status === "current" ? inForceOn(day) : filter.status === "ended" ? { validTo: { lt: day } } : {};
  const where: Prisma.AgencyWhereInput = {
    provinceId: province.id,
    ...status,
    ...(filter.kind ? { kind: filter.kind } : {}),
    // By code, name or short name, with or without diacritics, in any case (lib/search.ts).
    ...(filter.q ? { searchKey: { contains: searchContains(filter.q) } } : {}),
  };
  // One page: the heads and lineage are read for its agencies only, by a second query ("query").
  // Joined, PostgreSQL would build them for every matching agency (3,400) before the sort keeps 50.
  const pageOf = (page: number) =>
    db.agency.findMany({
      where,
      include,
      relationLoadStrategy: "query",
      orderBy: [{ kind: "asc" }, { code: "asc" }],
      skip: (page - 1) * AGENCIES_PER_PAGE,
      take: AGENCIES_PER_PAGE,
    });
  const [total, asked, groups] = await Promise.all([
    db.agency.count({ where }),
    pageOf(filter.page ?? 1),
    db.peerGroup.findMany({ where: { provinceId: province.id }, orderBy: { name: "asc" } }),
  ]);
  // Past the last page: the last page (read again only then).
  const page = pageShown(filter.page, total, AGENCIES_PER_PAGE);
  const rows = page === (filter.page ?? 1) ? asked : await pageOf(page);
  return {
    province: { id: province.id, code: province.code, name: province.nameVi },
    rows: rows.map(agencyRow),
    total,
    page,
    pageSize: AGENCIES_PER_PAGE,
    peerGroups: groups.map((g) => g.name),
  };
}

/** One agency, authorized on its province. */
export async function agencyById(actor: Actor, id: number): Promise<AgencyRow> {
  const agency = await db.agency.findUnique({ where: { id }, include });
  if (!agency) throw new NotFoundError(t()("notFound"));
  authorize(actor, "agency.manage", { provinceId: agency.provinceId });
  return agencyRow(agency);
}

/** Agencies in force today of a province, to pick an agency head's agency. */
export async function agencyChoices(provinceId: number): Promise<{ id: number; code: string; name: string }[]> {
  return db.agency.findMany({ where: { provinceId, ...inForceOn(today()) }, select: { id: true, code: true, name: true }, orderBy: { code: "asc" } });
}

/** The provinces an actor who manages agencies everywhere picks from (the administrator); null for everyone else. */
export async function provinceChoices(actor: Actor): Promise<{ code: string; name: string }[] | null> {
  if (!can(actor, "agency.manage", { provinceId: null })) return null;
  const provinces = await db.province.findMany({ where: inForceOn(today()), select: { code: true, nameVi: true }, orderBy: { code: "asc" } });
  return provinces.map((p) => ({ code: p.code, name: p.nameVi }));
}

/** A province's peer groups, by name. */
export async function peerGroupNames(provinceId: number): Promise<string[]> {
  return (await db.peerGroup.findMany({ where: { provinceId }, orderBy: { name: "asc" } })).map((g) => g.name);
}
