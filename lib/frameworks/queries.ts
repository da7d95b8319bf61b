// Reads of frameworks. National frameworks (PAR INDEX, SIPAS) are open to every signed-in user;
// a province's internal framework to the people of that province and administrators.
import "server-only";
import { authorize, can, type Actor, type Scope } from "@/lib/auth/policy";
import { reachWhere } from "@/lib/auth/reach";
import { db, type Prisma } from "@/lib/db/client";
import { cachedPublished } from "@/lib/db/published-cache";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { rowsOf } from "./changes";
import type { IndexSubject } from "@/lib/db/generated/enums";
import { checkTree } from "./tree";
import type { FrameworkDetail, FrameworkFormOptions, FrameworkGroup, FrameworkSummary, NationalFramework } from "./types";
import { inForceFor } from "./versioning";
import { unitAndSuccessors, type LineageLink } from "@/lib/units/lineage";
import { compareVietnamese } from "@/lib/format";
import { libTranslator } from "@/lib/i18n/lib-translator";

/**
 * An internal framework belongs to its province and applies to each agency of it, so the
 * agencies' heads may read it too (the permission table gives them their own agency's reach).
 */
export function readScope(actor: Actor, ownerProvinceId: number): Scope {
  return { provinceId: ownerProvinceId, agencyId: actor.provinceId === ownerProvinceId ? actor.agencyId : null };
}

export function canReadFramework(actor: Actor, ownerProvinceId: number | null): boolean {
  return ownerProvinceId === null || can(actor, "province.read", readScope(actor, ownerProvinceId));
}

const SUBJECT_ORDER: Record<IndexSubject, number> = { PROVINCE: 0, MINISTRY: 1, AGENCY: 2 };

type FrameworkRow = Prisma.FrameworkGetPayload<{ include: { ownerProvince: { select: { nameVi: true } } } }>;

/** What the list and a framework's page both show of it. */
function summaryOf(f: FrameworkRow): Omit<FrameworkSummary, "criteriaCount" | "inUse"> {
  return {
    id: f.id,
    key: f.key,
    version: f.version,
    name: f.name,
    decision: f.decision,
    validFromYear: f.validFromYear,
    validToYear: f.validToYear,
    status: f.status,
    isIllustrative: f.isIllustrative,
    isDemo: f.isDemo,
    ownerProvinceName: f.ownerProvince?.nameVi ?? null,
    agencyKind: f.agencyKind,
    maxScore: Number(f.maxScore),
  };
}

/** Frameworks the actor may read, grouped by index (national indices first), newest first. */
export async function listFrameworks(actor: Actor | null): Promise<FrameworkGroup[]> {
  if (!actor) throw new UnauthenticatedError();
  const [indices, frameworks, used] = await Promise.all([
    db.performanceIndex.findMany({ orderBy: { code: "asc" } }),
    db.framework.findMany({
      // Narrows the read; the permission check below is what decides.
      where: reachWhere<Prisma.FrameworkWhereInput>(actor, "province.read", {
        province: (unitIds) => ({ OR: [{ ownerProvinceId: null }, { ownerProvinceId: { in: unitIds } }] }),
        // An internal framework applies to every agency of its province (readScope).
        agency: () => ({ OR: [{ ownerProvinceId: null }, { ownerProvinceId: actor.provinceId ?? -1 }] }),
      }),
      include: { ownerProvince: { select: { nameVi: true } }, _count: { select: { criteria: true } } },
      orderBy: [{ validFromYear: "desc" }, { version: "desc" }],
    }),
    db.assessmentPeriod.findMany({ where: { assessments: { some: { status: { not: "DRAFT" } } } }, select: { frameworkId: true } }),
  ]);
  const inUse = new Set(used.map((p) => p.frameworkId));
  const visible = frameworks.filter((f) => canReadFramework(actor, f.ownerProvinceId));
  return indices
    .sort((a, b) => SUBJECT_ORDER[a.subject] - SUBJECT_ORDER[b.subject] || a.code.localeCompare(b.code))
    .map((index) => ({
      index: { code: index.code, shortName: index.shortName, nameVi: index.nameVi, subject: index.subject },
      frameworks: visible.filter((f) => f.indexCode === index.code).map((f) => ({ ...summaryOf(f), criteriaCount: f._count.criteria, inUse: inUse.has(f.id) })),
    }));
}

export async function getFramework(actor: Actor | null, id: number): Promise<FrameworkDetail> {
  if (!actor) throw new UnauthenticatedError();
  const owner = await db.framework.findUnique({ where: { id }, select: { ownerProvinceId: true } });
  if (!owner) throw new NotFoundError(libTranslator("errors.frameworks")("notFound", { id }));
  if (owner.ownerProvinceId !== null) authorize(actor, "province.read", readScope(actor, owner.ownerProvinceId));

  const [f, usedByAssessments] = await Promise.all([
    db.framework.findUniqueOrThrow({
      where: { id },
      include: {
        index: true,
        ownerProvince: { select: { nameVi: true } },
        criteria: true,
        components: { orderBy: { sortOrder: "asc" } },
        gradeBands: { orderBy: { minScore: "desc" } },
        previousVersion: { select: { id: true, version: true } },
      },
    }),
    db.assessment.count({ where: { period: { frameworkId: id }, status: { not: "DRAFT" } } }),
  ]);
  const versions = await db.framework.findMany({
    where: { key: f.key },
    select: { id: true, version: true, status: true, validFromYear: true, validToYear: true },
    orderBy: { version: "asc" },
  });
  const maxScore = Number(f.maxScore);
  const tree = checkTree(rowsOf(f.criteria), { maxScore, requireTotal: true });
  const stored = new Map(f.criteria.map((c) => [c.id, c]));
  const parents = new Set(tree.rows.map((r) => r.parentCode));
  return {
    ...summaryOf(f),
    ownerProvinceId: f.ownerProvinceId,
    bonusCap: Number(f.bonusCap),
    penaltyCap: Number(f.penaltyCap),
    componentsAreAdditive: f.componentsAreAdditive,
    note: f.note,
    revision: f.revision,
    createdAt: f.createdAt,
    index: { code: f.index.code, shortName: f.index.shortName, nameVi: f.index.nameVi, subject: f.index.subject },
    previousVersion: f.previousVersion,
    versions,
    inUse: usedByAssessments > 0,
    usedByAssessments,
    components: f.components.map((c) => ({ code: c.code, nameVi: c.nameVi, maxPoints: Number(c.maxPoints) })),
    gradeBands: f.gradeBands.map((b) => ({ label: b.label, minScore: Number(b.minScore) })),
    criteria: tree.rows.map((r) => {
      const record = stored.get(r.id!)!;
      return { ...r, id: record.id, parentId: record.parentId, isIllustrative: record.isIllustrative, isLeaf: !parents.has(r.code) };
    }),
    issues: tree.issues,
    canEdit: can(actor, "framework.write", { provinceId: f.ownerProvinceId }),
  };
}

/** What the create form offers: the indices and the provinces in force. */
export async function getFrameworkFormOptions(actor: Actor | null): Promise<FrameworkFormOptions> {
  authorize(actor, "framework.write", { provinceId: null });
  const [indices, provinces] = await Promise.all([
    db.performanceIndex.findMany({ orderBy: { code: "asc" } }),
    db.province.findMany({ where: { validTo: null }, orderBy: { nameVi: "asc" }, select: { id: true, code: true, nameVi: true } }),
  ]);
  return {
    indices: indices
      .sort((a, b) => SUBJECT_ORDER[a.subject] - SUBJECT_ORDER[b.subject] || a.code.localeCompare(b.code))
      .map((i) => ({ code: i.code, shortName: i.shortName, nameVi: i.nameVi, subject: i.subject })),
    provinces: provinces.sort((a, b) => compareVietnamese(a.nameVi, b.nameVi)),
  };
}

/**
 * The criteria among `ids` of a province's own frameworks (or those of a province it went into)
 * and, with `national`, of the national ones: what a directive's tasks and targets may aim at.
 */
export async function criteriaWithin(provinceId: number | null, links: readonly LineageLink[], ids: readonly number[], options: { national: boolean }) {
  if (ids.length === 0) return [];
  const owners = provinceId === null ? [] : unitAndSuccessors(provinceId, links);
  return db.criterion.findMany({
    where: {
      id: { in: [...ids] },
      framework: options.national ? { OR: [{ ownerProvinceId: { in: owners } }, { ownerProvinceId: null }] } : { ownerProvinceId: { in: owners } },
    },
    include: { framework: { select: { name: true } } },
  });
}

// ───────────────────────── National frameworks ─────────────────────────

export const NATIONAL_FRAMEWORK = { ownerProvinceId: null, status: { not: "DRAFT" as const } };

/** The national frameworks (not drafts) with what the pages show of them: a handful of rows, read once per version of the published data. */
function nationalFrameworks() {
  return cachedPublished("national-frameworks", () =>
    db.framework.findMany({
      where: NATIONAL_FRAMEWORK,
      include: {
        components: { orderBy: { sortOrder: "asc" } },
        gradeBands: true,
        criteria: { where: { level: "FIELD" }, orderBy: { sortOrder: "asc" } },
      },
    }),
  );
}

/** Components (with maxima), grade bands and fields of the national framework of an index and year. */
export async function nationalFramework(indexCode: string, year: number): Promise<NationalFramework | null> {
  const frameworks = (await nationalFrameworks()).filter((f) => f.indexCode === indexCode);
  const framework = inForceFor(frameworks, year);
  if (!framework) return null;
  return {
    id: framework.id,
    name: framework.name,
    decision: framework.decision,
    isIllustrative: framework.isIllustrative,
    componentsAreAdditive: framework.componentsAreAdditive,
    components: framework.components.map((c) => ({ code: c.code, nameVi: c.nameVi, maxPoints: Number(c.maxPoints) })),
    gradeBands: framework.gradeBands.map((b) => ({ label: b.label, minScore: Number(b.minScore) })),
    fields: framework.criteria.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      maxPoints: Number(c.maxPoints),
      isIllustrative: c.isIllustrative,
    })),
  };
}
