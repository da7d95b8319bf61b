// Writes of a directive's targets: one target, or the commitments given to many agencies at once.
// Each is checked against the directive and the database (./rules.ts), authorized on the
// directive's province through its lineage (lib/auth/reach.ts), then written with its audit row.
import "server-only";
import { authorizeOnUnit } from "@/lib/auth/reach";
import type { Actor } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/log";
import { db, type Prisma } from "@/lib/db/client";
import { nextVersion, writeVersioned } from "@/lib/db/concurrency";
import { ConflictError, NotFoundError, parseInput, ValidationError, type Issue } from "@/lib/errors";
import { criteriaWithin } from "@/lib/frameworks/queries";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { versionedIdSchema } from "@/lib/validation/schema";
import type { LineageLink } from "@/lib/units/lineage";
import { agenciesWithin, lineageLinks } from "@/lib/units/queries";
import { loadActor } from "@/lib/auth/load-actor";
import type { PrismaClient } from "@/lib/db/generated/client";
import { notifyInBatches } from "@/lib/notifications/mutations";
import { currentYearInVietnam } from "@/lib/time";
import { targetAlerts } from "./alerts";
import { targetSpec, targetText } from "./evaluate";
import { getProvinceTargets } from "./queries";
import { buildBulkTargets, defaultUnit, targetIssues, type TargetDraft } from "./rules";
import { bulkTargetsSchema, targetSchema, targetUpdateSchema } from "./schema";

type Directive = { id: number; number: string; provinceId: number | null; years: number[] };

async function directiveOf(id: number): Promise<Directive> {
  const directive = await db.directive.findUnique({ where: { id }, select: { id: true, number: true, provinceId: true, years: true } });
  if (!directive) throw new NotFoundError(libTranslator("errors.targets")("directiveNotFound"));
  return directive;
}

type TargetRow = Prisma.TargetGetPayload<{ include: { index: true; agency: true; criterion: true } }>;

function targetSnapshot(t: TargetRow) {
  return {
    kind: t.kind,
    indexCode: t.indexCode,
    year: t.year,
    value: Number(t.value),
    valueMax: t.valueMax === null ? null : Number(t.valueMax),
    unit: t.unit,
    agency: t.agency ? { id: t.agency.id, code: t.agency.code } : null,
    criterion: t.criterion ? { id: t.criterion.id, code: t.criterion.code } : null,
    note: t.note,
    version: t.version,
  };
}

function describeTarget(t: TargetRow): string {
  return libTranslator("errors.targets")("described", { target: targetText(targetSpec(t)), year: String(t.year) });
}

/** Checks a target against the directive and the database; returns the row to write. */
async function checkedTarget(directive: Directive, links: readonly LineageLink[], draft: TargetDraft) {
  const [index, agencies, criteria] = await Promise.all([
    draft.indexCode ? db.performanceIndex.findUnique({ where: { code: draft.indexCode } }) : Promise.resolve(null),
    agenciesWithin(directive.provinceId, links, draft.agencyId !== null ? [draft.agencyId] : []),
    criteriaWithin(directive.provinceId, links, draft.criterionId !== null ? [draft.criterionId] : [], { national: false }),
  ]);
  const agency = agencies[0] ?? null;
  const criterion = criteria[0] ?? null;
  const issues = targetIssues(draft, {
    years: directive.years,
    index: index ? { code: index.code, shortName: index.shortName, subject: index.subject, maxScore: Number(index.maxScore) } : null,
    agency: agency ? { id: agency.id, name: agency.name } : null,
    criterion: criterion ? { id: criterion.id, code: criterion.code, maxPoints: Number(criterion.maxPoints) } : null,
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return {
    kind: draft.kind,
    indexCode: draft.indexCode,
    year: draft.year,
    value: draft.value,
    valueMax: draft.valueMax,
    unit: draft.unit ?? defaultUnit(draft.kind),
    agencyId: agency?.id ?? null,
    criterionId: criterion?.id ?? null,
    // A province's target is measured on the directive's unit; an agency's, in its own province.
    provinceId: agency?.provinceId ?? directive.provinceId,
    note: draft.note,
  };
}

const targetInclude = { index: true, agency: true, criterion: true } as const;

export async function createTarget(actor: Actor, input: unknown): Promise<{ id: number }> {
  const { directiveId, ...draft } = parseInput(targetSchema, input);
  const links = await lineageLinks();
  const directive = await directiveOf(directiveId);
  authorizeOnUnit(actor, "directive.write", directive.provinceId, links);
  const row = await checkedTarget(directive, links, draft);
  return db.$transaction(async (tx) => {
    const created = await tx.target.create({ data: { ...row, directiveId }, include: targetInclude });
    await writeAudit(tx, actor, {
      action: "target.create",
      entityType: "Target",
      entityId: created.id,
      provinceId: directive.provinceId,
      newValue: { directive: directive.number, ...targetSnapshot(created) },
    });
    return { id: created.id };
  });
}

async function loadTarget(id: number) {
  const target = await db.target.findUnique({ where: { id }, include: { ...targetInclude, directive: true } });
  if (!target) throw new NotFoundError(libTranslator("errors.targets")("targetNotFound"));
  return target;
}

export async function updateTarget(actor: Actor, input: unknown): Promise<{ version: number }> {
  const { id, version, ...draft } = parseInput(targetUpdateSchema, input);
  const links = await lineageLinks();
  const stored = await loadTarget(id);
  authorizeOnUnit(actor, "directive.write", stored.directive.provinceId, links);
  const row = await checkedTarget(stored.directive, links, draft);
  const t = libTranslator("errors.targets");
  return db.$transaction(async (tx) => {
    await writeVersioned({ id, version }, (where) => tx.target.updateMany({ where, data: nextVersion(row) }), {
      current: () => tx.target.findUnique({ where: { id }, include: targetInclude }),
      conflict: (current) => new ConflictError(t("editedSinceRead", { target: describeTarget(current) }), targetSnapshot(current)),
      gone: t("deletedSinceRead"),
    });
    const updated = await tx.target.findUniqueOrThrow({ where: { id }, include: targetInclude });
    await writeAudit(tx, actor, {
      action: "target.update",
      entityType: "Target",
      entityId: id,
      provinceId: stored.directive.provinceId,
      oldValue: { directive: stored.directive.number, ...targetSnapshot(stored) },
      newValue: { directive: stored.directive.number, ...targetSnapshot(updated) },
    });
    return { version: updated.version };
  });
}

export async function deleteTarget(actor: Actor, input: unknown): Promise<void> {
  const { id, version } = parseInput(versionedIdSchema, input);
  const links = await lineageLinks();
  const stored = await loadTarget(id);
  authorizeOnUnit(actor, "directive.write", stored.directive.provinceId, links);
  const t = libTranslator("errors.targets");
  await db.$transaction(async (tx) => {
    await writeVersioned({ id, version }, (where) => tx.target.deleteMany({ where }), {
      current: () => tx.target.findUnique({ where: { id }, include: targetInclude }),
      conflict: (current) => new ConflictError(t("editedBeforeDelete", { target: describeTarget(current) }), targetSnapshot(current)),
      gone: t("alreadyDeleted"),
    });
    await writeAudit(tx, actor, {
      action: "target.delete",
      entityType: "Target",
      entityId: id,
      provinceId: stored.directive.provinceId,
      oldValue: { directive: stored.directive.number, ...targetSnapshot(stored) },
    });
  });
}

/** The commitments every agency signs with the chairman: one target for each selected agency, all or nothing. */
export async function createBulkTargets(actor: Actor, input: unknown): Promise<{ count: number }> {
  const data = parseInput(bulkTargetsSchema, input);
  const links = await lineageLinks();
  const directive = await directiveOf(data.directiveId);
  authorizeOnUnit(actor, "directive.write", directive.provinceId, links);
  const [agencies, existing] = await Promise.all([
    agenciesWithin(directive.provinceId, links, data.agencyIds),
    db.target.findMany({ where: { directiveId: directive.id }, select: { kind: true, year: true, agencyId: true, criterionId: true } }),
  ]);
  const unknown = data.agencyIds.filter((id) => !agencies.some((a) => a.id === id));
  if (unknown.length > 0) throw new ValidationError([{ field: "agencyIds", message: libTranslator("errors.targets")("agencyOutsideProvince") }]);
  const ordered = data.agencyIds.map((id) => agencies.find((a) => a.id === id)!);
  const { drafts, issues } = buildBulkTargets(
    { kind: data.kind, year: data.year, value: data.value, criterionId: data.criterionId, note: data.note },
    ordered,
    existing,
  );
  // Every draft differs only by agency: checking the first checks the shared fields.
  const first = await checkedTarget(directive, links, drafts[0]).catch((error: unknown) => {
    if (error instanceof ValidationError) return error;
    throw error;
  });
  const all: Issue[] = [...(first instanceof ValidationError ? first.issues.filter((i) => i.field !== "agencyId") : []), ...issues];
  if (all.length > 0) throw new ValidationError(all);
  const rows = drafts.map((draft) => ({
    ...draft,
    directiveId: directive.id,
    provinceId: ordered.find((a) => a.id === draft.agencyId)!.provinceId,
  }));
  return db.$transaction(async (tx) => {
    const created = await tx.target.createManyAndReturn({ data: rows });
    const byAgency = new Map(ordered.map((a) => [a.id, a.code]));
    await writeAudit(
      tx,
      actor,
      created.map((t) => ({
        action: "target.bulkCreate",
        entityType: "Target",
        entityId: t.id,
        provinceId: directive.provinceId,
        newValue: {
          directive: directive.number,
          kind: t.kind,
          year: t.year,
          value: Number(t.value),
          unit: t.unit,
          agency: byAgency.get(t.agencyId!),
          criterionId: t.criterionId,
          note: t.note,
        },
      })),
    );
    return { count: created.length };
  });
}

/** How a province's targets are read for its leaders: the targets pages' own query by default. */
export type ProvinceTargetsReader = typeof getProvinceTargets;

/**
 * Part of the deadline scan: each province's targets of this year and the last, evaluated as its
 * leaders see them (lib/targets/evaluate.ts); a target at risk or missed tells each leader once
 * per status (the notification's unique index), so a daily scan repeats nothing. A province whose
 * evaluation fails is skipped and named in `failures`: the other provinces' leaders are still told.
 */
export async function notifyLeadersOfTargets(
  client: PrismaClient,
  now = new Date(),
  readTargets: ProvinceTargetsReader = getProvinceTargets,
): Promise<{ notifications: number; failures: { provinceId: number; error: string }[] }> {
  const leaders = await client.user.findMany({ where: { role: "LEADER", active: true, provinceId: { not: null } }, select: { id: true, provinceId: true } });
  const year = currentYearInVietnam(now);
  let created = 0;
  const failures: { provinceId: number; error: string }[] = [];
  for (const provinceId of new Set(leaders.map((l) => l.provinceId!))) {
    const ids = leaders.filter((l) => l.provinceId === provinceId).map((l) => l.id);
    try {
      const viewer = await loadActor(client, { id: ids[0] });
      if (!viewer) continue;
      const targets = (await Promise.all([year - 1, year].map((y) => readTargets(viewer, provinceId, y, now)))).flat();
      const alerts = targetAlerts(targets, ids);
      created += await notifyInBatches(client, alerts, now);
    } catch (error) {
      failures.push({ provinceId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { notifications: created, failures };
}
