// Writes of the published national results: the entry form of one result and the import of a
// year's national table. Each validates first, then writes and audits in one transaction.
import "server-only";
import { can, type Actor } from "@/lib/auth/policy";
import { writeAudit, type AuditEntry } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { isUniqueViolation, nextVersion, writeVersioned } from "@/lib/db/concurrency";
import { ConflictError, NotFoundError, parseInput, ValidationError, type Issue } from "@/lib/errors";
import { readTable, tableFormatOf } from "@/lib/io/table-file";
import { isValidOn, resultReferenceDate } from "@/lib/units/lineage";
import { authorizeOnUnit, authorizeOwnProvince, mayOnUnit } from "@/lib/auth/reach";
import { resolveTotal } from "./components";
import { fileYear, planImport, type ImportContext } from "./import-plan";
import { resultValues, resultValuesWithFields, UnknownIndexError } from "./queries";
import { resultEntrySchema, type ResultEntryInput } from "./schema";
import type { ImportOutcome, StoredResultValues } from "./types";
import { currentYearInVietnam } from "@/lib/time";
import { lineageLinks, unitCountForYear, unitsForYear } from "@/lib/units/queries";
import { nationalFramework } from "@/lib/frameworks/queries";
import { libFormat, libTranslator } from "@/lib/i18n/lib-translator";

const t = () => libTranslator("errors.results.write");

/** How a stored result is shown in messages: "điểm 91,43; hạng 3". */
function describe(values: { score: number | null; officialRank: number | null }): string {
  const rank = values.officialRank;
  if (values.score === null) return rank === null ? "" : t()("rank", { rank });
  const score = libFormat().points(values.score);
  return rank === null ? t()("score", { score }) : t()("scoreAndRank", { score, rank });
}

// ───────────────────────── Entry form ─────────────────────────

async function readStored(id: number): Promise<StoredResultValues | null> {
  const stored = await db.publishedResult.findUnique({ where: { id }, include: { components: true, criterionScores: true } });
  if (!stored) return null;
  return { id: stored.id, version: stored.version, ...resultValuesWithFields(stored) };
}

/**
 * Saves one published result from the entry form: creates it, or (with `id` and the `version` the
 * form read) updates it. A total left empty is the sum of the components.
 */
export async function saveResult(actor: Actor | null, input: ResultEntryInput): Promise<{ id: number; version: number; created: boolean }> {
  authorizeOwnProvince(actor, "results.write");
  const entry = parseInput(resultEntrySchema, input);
  const links = await lineageLinks();

  // An edit keeps the index, year and unit of the stored result.
  const stored =
    entry.id !== null ? await db.publishedResult.findUnique({ where: { id: entry.id }, include: { components: true, criterionScores: true } }) : null;
  if (entry.id !== null && !stored) throw new NotFoundError(libTranslator("errors.results")("resultNotFound"));
  if (stored && entry.version === null) throw new ValidationError([{ field: "version", message: t()("versionMissing") }]);
  const indexCode = stored?.indexCode ?? entry.indexCode;
  const year = stored?.year ?? entry.year;
  const provinceId = stored?.provinceId ?? entry.provinceId;

  const unit = await db.province.findUnique({ where: { id: provinceId } });
  if (!unit) throw new ValidationError([{ field: "provinceId", message: t()("chooseProvince") }]);
  authorizeOnUnit(actor, "results.write", unit.id, links);

  const [index, framework, unitCount] = await Promise.all([
    db.performanceIndex.findUnique({ where: { code: indexCode } }),
    nationalFramework(indexCode, year),
    unitCountForYear(year),
  ]);
  if (index?.subject !== "PROVINCE") throw new UnknownIndexError(indexCode);

  const issues: Issue[] = [];
  if (year > currentYearInVietnam()) issues.push({ field: "year", message: t()("futureYear", { year }) });
  if (!isValidOn(unit, resultReferenceDate(year))) {
    issues.push({
      field: "provinceId",
      message: t()("notUnitOfYear", { name: unit.nameVi, code: unit.code, year }),
    });
  }
  const components = Object.fromEntries(Object.entries(entry.components).filter((e): e is [string, number] => e[1] !== null));
  const label = libTranslator("errors.results")("indexYear", { index: index.shortName, year });
  const total = resolveTotal({
    score: entry.score,
    components,
    defs: framework?.components ?? [],
    additive: framework?.componentsAreAdditive ?? false,
    maxScore: Number(index.maxScore),
    label,
    officialRank: entry.officialRank,
  });
  if (!total.ok) for (const issue of total.issues) issues.push({ field: issue.key === "score" ? "score" : `components.${issue.key}`, message: issue.message });
  if (entry.officialRank !== null && (entry.officialRank < 1 || entry.officialRank > unitCount)) {
    issues.push({
      field: "officialRank",
      message: t()("rankRange", { count: unitCount, year }),
    });
  }
  const fieldScores: Record<string, number> = {};
  for (const [criterionId, value] of Object.entries(entry.fieldScores)) {
    if (value === null) continue;
    const field = framework?.fields.find((f) => String(f.id) === criterionId);
    if (!field) issues.push({ field: `fieldScores.${criterionId}`, message: t()("noField", { label }) });
    else if (value < 0 || value > field.maxPoints) {
      issues.push({
        field: `fieldScores.${criterionId}`,
        message: t()("fieldRange", { name: field.name, max: libFormat().points(field.maxPoints), value: libFormat().points(value) }),
      });
    } else fieldScores[criterionId] = value;
  }
  if (issues.length > 0 || !total.ok) throw new ValidationError(issues);

  const next = { score: total.score, officialRank: entry.officialRank, source: entry.source, note: entry.note };
  const componentRows = (resultId: number) => Object.entries(components).map(([code, value]) => ({ resultId, code, value }));
  const fieldRows = (resultId: number) => Object.entries(fieldScores).map(([criterionId, score]) => ({ resultId, criterionId: Number(criterionId), score }));
  const who = t()("whose", { label, unit: unit.nameVi });

  try {
    return await db.$transaction(async (tx) => {
      if (!stored) {
        const existing = await tx.publishedResult.findUnique({ where: { indexCode_year_provinceId: { indexCode, year, provinceId } } });
        if (existing) {
          const current = await readStored(existing.id);
          throw new ConflictError(t()("exists", { who, values: describe(current!) }), current);
        }
        const created = await tx.publishedResult.create({ data: { ...next, indexCode, year, provinceId } });
        await tx.resultComponent.createMany({ data: componentRows(created.id) });
        await tx.resultCriterionScore.createMany({ data: fieldRows(created.id) });
        await writeAudit(tx, actor, {
          action: "publishedResult.create",
          entityType: "PublishedResult",
          entityId: created.id,
          provinceId,
          newValue: { indexCode, year, unitCode: unit.code, ...next, components, fieldScores, version: created.version },
        });
        return { id: created.id, version: created.version, created: true };
      }
      await writeVersioned({ id: stored.id, version: entry.version! }, (where) => tx.publishedResult.updateMany({ where, data: nextVersion(next) }), {
        current: () => readStored(stored.id),
        conflict: (current) => new ConflictError(t()("conflict", { who, values: describe(current), source: current.source }), current),
      });
      await tx.resultComponent.deleteMany({ where: { resultId: stored.id } });
      await tx.resultComponent.createMany({ data: componentRows(stored.id) });
      await tx.resultCriterionScore.deleteMany({ where: { resultId: stored.id } });
      await tx.resultCriterionScore.createMany({ data: fieldRows(stored.id) });
      await writeAudit(tx, actor, {
        action: "publishedResult.update",
        entityType: "PublishedResult",
        entityId: stored.id,
        provinceId,
        oldValue: { ...resultValuesWithFields(stored), version: stored.version },
        newValue: { ...next, components, fieldScores, version: stored.version + 1 },
      });
      return { id: stored.id, version: stored.version + 1, created: false };
    });
  } catch (error) {
    // Someone created the same result between our check and our insert.
    if (isUniqueViolation(error)) throw new ConflictError(t()("enteredMeanwhile", { who }), null);
    throw error;
  }
}

// ───────────────────────── Import of a national table ─────────────────────────

async function importContext(actor: Actor, year: number | null): Promise<ImportContext> {
  const [indices, componentCodes, units, stored, links] = await Promise.all([
    db.performanceIndex.findMany({ orderBy: { code: "asc" } }),
    db.frameworkComponent.findMany({
      where: { framework: { ownerProvinceId: null, index: { subject: "PROVINCE" } } },
      orderBy: [{ framework: { indexCode: "asc" } }, { sortOrder: "asc" }],
      select: { code: true },
    }),
    year === null ? Promise.resolve([]) : unitsForYear(year),
    year === null ? Promise.resolve([]) : db.publishedResult.findMany({ where: { year }, include: { components: true } }),
    lineageLinks(),
  ]);
  const frameworks = await Promise.all(indices.map((index) => (year === null || index.subject !== "PROVINCE" ? null : nationalFramework(index.code, year))));
  return {
    year,
    currentYear: currentYearInVietnam(),
    indices: indices.map((index, i) => ({
      code: index.code,
      shortName: index.shortName,
      subject: index.subject,
      maxScore: Number(index.maxScore),
      components: frameworks[i]?.components ?? [],
      componentsAreAdditive: frameworks[i]?.componentsAreAdditive ?? false,
    })),
    componentCodes: [...new Set(componentCodes.map((c) => c.code))],
    units: units.map((unit) => ({ id: unit.id, code: unit.code, nameVi: unit.nameVi })),
    stored: stored.map((result) => ({
      id: result.id,
      indexCode: result.indexCode,
      provinceId: result.provinceId,
      version: result.version,
      ...resultValues(result),
    })),
    mayWrite: (unit) => mayOnUnit(actor, "results.write", unit.id, links) || can(actor, "results.importNational", { provinceId: unit.id }),
  };
}

/**
 * Imports a year's national table (CSV or XLSX). All or nothing: any invalid row rejects the whole
 * file with every issue ({ row, column, message }); a dry run reports what would change and writes
 * nothing. Home Affairs staff write only their own province's rows (and its former units'); rows
 * of other provinces need the national table's permission ("results.importNational"), or must be unchanged.
 */
export async function importResults(actor: Actor | null, file: { name: string; bytes: Uint8Array }, options: { dryRun: boolean }): Promise<ImportOutcome> {
  authorizeOwnProvince(actor, "results.write");
  const table = await readTable(file.bytes, tableFormatOf(file.name));
  const ctx = await importContext(actor, fileYear(table, currentYearInVietnam()));
  const plan = planImport(table, ctx);
  if (plan.issues.length > 0) {
    throw new ValidationError(plan.issues, t()("fileErrors", { count: plan.issues.length }));
  }
  const year = ctx.year!;
  const outcome: ImportOutcome = {
    dryRun: options.dryRun,
    year,
    summary: {
      new: plan.rows.filter((r) => r.status === "new").length,
      updated: plan.rows.filter((r) => r.status === "updated").length,
      unchanged: plan.rows.filter((r) => r.status === "unchanged").length,
    },
    rows: plan.rows.map((r) => ({
      row: r.row,
      indexCode: r.indexCode,
      unitCode: r.unitCode,
      unitName: r.unitName,
      status: r.status,
      score: r.next.score,
      changes: r.changes,
    })),
  };
  if (options.dryRun) return outcome;

  const stale = () => new ConflictError(t()("stale"), null);
  try {
    await db.$transaction(
      async (tx) => {
        const audit: AuditEntry[] = [];
        for (const row of plan.rows) {
          if (row.status === "unchanged") continue;
          const { components, ...values } = row.next;
          let id: number;
          let version: number;
          if (row.status === "new") {
            const created = await tx.publishedResult.create({
              data: { ...values, indexCode: row.indexCode, year, provinceId: row.unitId },
            });
            id = created.id;
            version = created.version;
          } else {
            const stored = row.stored!;
            await writeVersioned({ id: stored.id, version: stored.version }, (where) => tx.publishedResult.updateMany({ where, data: nextVersion(values) }), {
              current: () => tx.publishedResult.findUnique({ where: { id: stored.id } }),
              conflict: stale,
              gone: stale,
            });
            await tx.resultComponent.deleteMany({ where: { resultId: stored.id } });
            id = stored.id;
            version = stored.version + 1;
          }
          await tx.resultComponent.createMany({ data: Object.entries(components).map(([code, value]) => ({ resultId: id, code, value })) });
          const old = row.stored;
          audit.push({
            action: "publishedResult.import",
            entityType: "PublishedResult",
            entityId: id,
            provinceId: row.unitId,
            oldValue: old
              ? {
                  score: old.score,
                  officialRank: old.officialRank,
                  source: old.source,
                  note: old.note,
                  components: old.components,
                  version: old.version,
                }
              : undefined,
            newValue: {
              indexCode: row.indexCode,
              year,
              unitCode: row.unitCode,
              ...row.next,
              version,
              fileName: file.name,
              fileRow: row.row,
            },
          });
        }
        await writeAudit(tx, actor, audit);
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw stale();
    throw error;
  }
  return outcome;
}
