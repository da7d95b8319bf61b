// Reads of the province-level units and their lineage (the 2025 merger), shared by every domain
// that shows or authorizes by unit.
import "server-only";
import { cachedPublished } from "@/lib/db/published-cache";
import { db } from "@/lib/db/client";
import { resultReferenceDate, unitAndSuccessors, type LineageLink } from "./lineage";
import { libTranslator } from "@/lib/i18n/lib-translator";

/** A where clause: units (or agencies) in force on a date. */
export const inForceOn = (date: Date) => ({ validFrom: { lte: date }, OR: [{ validTo: null }, { validTo: { gte: date } }] });

/** Which unit went into which (2025 merger), for lib/units/lineage.ts and the reach of lib/auth/reach.ts. */
export async function lineageLinks(): Promise<LineageLink[]> {
  return db.provinceLineage.findMany({ select: { predecessorId: true, successorId: true } });
}

/** Number of province-level units in force for a year's results (63 until 2024, 34 after). */
export function unitCountForYear(year: number): Promise<number> {
  return cachedPublished(`unit-count|${year}`, () => db.province.count({ where: inForceOn(resultReferenceDate(year)) }));
}

/** The province-level units a year's results belong to, by code. */
export async function unitsForYear(year: number) {
  return db.province.findMany({ where: inForceOn(resultReferenceDate(year)), orderBy: { code: "asc" } });
}

/** The provinces in force on a day, for an administrator to pick one: "An Giang (mã 91)". */
export async function provinceChoices(on: Date): Promise<{ id: number; label: string }[]> {
  const provinces = await db.province.findMany({ where: inForceOn(on), orderBy: { nameVi: "asc" } });
  return provinces.map((p) => ({ id: p.id, label: libTranslator("errors.units")("withCode", { name: p.nameVi, code: p.code }) }));
}

/**
 * The agencies among `ids` that belong to a province or to a province it went into (the work of a
 * directive of an old unit is carried on by the agencies of the new one).
 */
export async function agenciesWithin(provinceId: number | null, links: readonly LineageLink[], ids: readonly number[]) {
  if (ids.length === 0 || provinceId === null) return [];
  return db.agency.findMany({ where: { id: { in: [...ids] }, provinceId: { in: unitAndSuccessors(provinceId, links) } } });
}

/**
 * Every province-level unit, in force and former, with the units it was formed from and went into:
 * the directory at /tinh. Public reference data.
 */
export async function provinceDirectory() {
  return cachedPublished("province-directory", async () => {
    const [units, links] = await Promise.all([
      db.province.findMany({ orderBy: [{ nameVi: "asc" }, { validFrom: "desc" }], include: { region: { select: { nameVi: true } } } }),
      db.provinceLineage.findMany({ select: { predecessorId: true, successorId: true } }),
    ]);
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    return units.map((unit) => ({
      id: unit.id,
      code: unit.code,
      nameVi: unit.nameVi,
      kind: unit.kind,
      validFrom: unit.validFrom,
      validTo: unit.validTo,
      regionName: unit.region?.nameVi ?? null,
      formedFrom: links.filter((link) => link.successorId === unit.id).map((link) => byId.get(link.predecessorId)!),
      wentInto: links.filter((link) => link.predecessorId === unit.id).map((link) => byId.get(link.successorId)!),
    }));
  });
}
