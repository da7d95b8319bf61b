// Writes of a province's agencies: create, edit (a rename keeps the agency and its history),
// end, delete one nothing refers to, merge several into one and split one into several from a
// day with lineage. Authorized on the province ("agency.manage"), each in one transaction with its
// audit rows; edits under the version read.
import "server-only";
import { authorize, type Actor } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/log";
import { db, type Prisma } from "@/lib/db/client";
import { isUniqueViolation, nextVersion, writeVersioned } from "@/lib/db/concurrency";
import { ConflictError, NotFoundError, parseInput, ValidationError } from "@/lib/errors";
import { calendarDay } from "@/lib/time";
import { today } from "@/lib/accounts/queries";
import { managedProvince } from "./queries";
import { endingIssues, lastDayBefore, mayDeleteAgency } from "./rules";
import { agencyCreateSchema, agencyDeleteSchema, agencyMergeSchema, agencySplitSchema, agencyUpdateSchema } from "./schema";
import type { z } from "@/lib/validation/zod";
import type { agencyFieldsSchema } from "./schema";
import { libTranslator } from "@/lib/i18n/lib-translator";

const t = () => libTranslator("errors.agencies");

type Tx = Prisma.TransactionClient;
type Fields = z.output<typeof agencyFieldsSchema>;
type AgencyRecord = Prisma.AgencyGetPayload<{ include: { peerGroup: true } }>;

export const agencySnapshot = (a: Omit<AgencyRecord, "id" | "provinceId" | "isDemo" | "version" | "peerGroupId"> & { peerGroup: { name: string } | null }) => ({
  code: a.code,
  name: a.name,
  shortName: a.shortName,
  kind: a.kind,
  peerGroup: a.peerGroup?.name ?? null,
  contactEmail: a.contactEmail,
  contactPhone: a.contactPhone,
  validFrom: calendarDay(a.validFrom),
  validTo: a.validTo ? calendarDay(a.validTo) : null,
});

/** The province's peer group of this name, created (and audited) the first time it is named. */
export async function peerGroupId(tx: Tx, actor: Actor, provinceId: number, name: string | null): Promise<number | null> {
  if (!name) return null;
  const existing = await tx.peerGroup.findUnique({ where: { provinceId_name: { provinceId, name } } });
  if (existing) return existing.id;
  const created = await tx.peerGroup.create({ data: { provinceId, name } });
  await writeAudit(tx, actor, { action: "peerGroup.create", entityType: "PeerGroup", entityId: created.id, provinceId, newValue: { name } });
  return created.id;
}

const codeTaken = (code: string) => new ValidationError([{ field: "code", message: t()("codeTaken", { code }) }]);

async function insertAgency(
  tx: Tx,
  actor: Actor,
  provinceId: number,
  fields: Fields,
  validFrom: Date,
  action: "agency.create" | "agency.import" | "agency.merge" | "agency.split",
) {
  const { peerGroup, ...data } = fields;
  const created = await tx.agency.create({
    data: { ...data, provinceId, validFrom, peerGroupId: await peerGroupId(tx, actor, provinceId, peerGroup) },
    include: { peerGroup: true },
  });
  await writeAudit(tx, actor, { action, entityType: "Agency", entityId: created.id, provinceId, newValue: agencySnapshot(created) });
  return created;
}

async function codeFree(provinceId: number, codes: string[], exceptId: number | null = null) {
  const taken = await db.agency.findFirst({
    where: { provinceId, code: { in: codes }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { code: true },
  });
  if (taken) throw codeTaken(taken.code);
}

/** Unique-key races (two saves of the same code at once) answer like the check before them. */
async function guarded<T>(codes: string[], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(codes.join(", "));
    throw error;
  }
}

export async function createAgency(actor: Actor, raw: unknown) {
  const input = parseInput(agencyCreateSchema, raw);
  const province = await managedProvince(actor, input.provinceCode);
  const { provinceCode: _code, validFrom, ...fields } = input;
  await codeFree(province.id, [fields.code]);
  return guarded([fields.code], () => db.$transaction((tx) => insertAgency(tx, actor, province.id, fields, validFrom ?? today(), "agency.create")));
}

async function agencyRecord(id: number): Promise<AgencyRecord> {
  const agency = await db.agency.findUnique({ where: { id }, include: { peerGroup: true } });
  if (!agency) throw new NotFoundError(t()("notFound"));
  return agency;
}

/** Edits an agency (a rename included: the same agency, its history kept); setting "to" ends it. */
export async function updateAgency(actor: Actor, id: number, raw: unknown) {
  const current = await agencyRecord(id);
  authorize(actor, "agency.manage", { provinceId: current.provinceId });
  const input = parseInput(agencyUpdateSchema, raw);
  const has = (key: string) => typeof raw === "object" && raw !== null && key in raw;
  const validFrom = input.validFrom ?? current.validFrom;
  const validTo = has("validTo") ? input.validTo : current.validTo;
  if (validTo && calendarDay(validTo) < calendarDay(validFrom)) throw new ValidationError([{ field: "validTo", message: t()("endBeforeStart") }]);
  if (input.code && input.code !== current.code) await codeFree(current.provinceId, [input.code], current.id);
  return guarded([input.code ?? current.code], () =>
    db.$transaction(async (tx) => {
      const peer = has("peerGroup") ? await peerGroupId(tx, actor, current.provinceId, input.peerGroup) : current.peerGroupId;
      const data = {
        code: input.code ?? current.code,
        name: input.name ?? current.name,
        shortName: has("shortName") ? input.shortName : current.shortName,
        kind: input.kind ?? current.kind,
        contactEmail: has("contactEmail") ? input.contactEmail : current.contactEmail,
        contactPhone: has("contactPhone") ? input.contactPhone : current.contactPhone,
        validFrom,
        validTo,
        peerGroupId: peer,
      };
      await writeVersioned({ id: current.id, version: input.version }, (where) => tx.agency.updateMany({ where, data: nextVersion(data) }), {
        current: () => tx.agency.findUnique({ where: { id: current.id }, include: { peerGroup: true } }),
        conflict: (now) => new ConflictError(t()("conflictEdit"), { ...agencySnapshot(now), version: now.version }),
        gone: t()("notFound"),
      });
      const after = await tx.agency.findUniqueOrThrow({ where: { id: current.id }, include: { peerGroup: true } });
      const [old, now] = [agencySnapshot(current), agencySnapshot(after)];
      const changed = (Object.keys(old) as (keyof typeof old)[]).filter((k) => old[k] !== now[k]);
      if (changed.length) {
        await writeAudit(tx, actor, {
          action: !current.validTo && after.validTo ? "agency.end" : "agency.update",
          entityType: "Agency",
          entityId: current.id,
          provinceId: current.provinceId,
          oldValue: Object.fromEntries(changed.map((k) => [k, old[k]])),
          newValue: Object.fromEntries(changed.map((k) => [k, now[k]])),
        });
      }
      return after;
    }),
  );
}

/** Deletes an agency nothing refers to (entered by mistake); any other is ended instead. */
export async function deleteAgency(actor: Actor, raw: unknown) {
  const input = parseInput(agencyDeleteSchema, raw);
  const current = await agencyRecord(input.id);
  authorize(actor, "agency.manage", { provinceId: current.provinceId });
  const [assessments, tasks, coTasks, reports, targets, accounts, formed, went] = await Promise.all([
    db.assessment.count({ where: { agencyId: current.id } }),
    db.task.count({ where: { leadAgencyId: current.id } }),
    db.taskAgency.count({ where: { agencyId: current.id } }),
    db.periodicReport.count({ where: { agencyId: current.id } }),
    db.target.count({ where: { agencyId: current.id } }),
    db.user.count({ where: { agencyId: current.id } }),
    db.agencyLineage.count({ where: { successorId: current.id } }),
    db.agencyLineage.count({ where: { predecessorId: current.id } }),
  ]);
  if (!mayDeleteAgency({ assessments, tasks: tasks + coTasks, reports, targets, accounts, lineage: formed + went })) {
    throw new ValidationError([
      {
        field: "id",
        message: t()("usedNoDelete", { name: current.name }),
      },
    ]);
  }
  await db.$transaction(async (tx) => {
    await writeVersioned({ id: current.id, version: input.version }, (where) => tx.agency.deleteMany({ where }), {
      current: () => tx.agency.findUnique({ where: { id: current.id }, include: { peerGroup: true } }),
      conflict: (now) => new ConflictError(t()("conflictRetry"), { ...agencySnapshot(now), version: now.version }),
      gone: t()("gone"),
    });
    await writeAudit(tx, actor, {
      action: "agency.delete",
      entityType: "Agency",
      entityId: current.id,
      provinceId: current.provinceId,
      oldValue: agencySnapshot(current),
    });
  });
}

type Lineage = { effectiveOn: Date; legalBasis: string };

/** Ends the sources the day before and links each to its successors, with the audit of both sides. */
async function writeLineage(
  tx: Tx,
  actor: Actor,
  action: "agency.merge" | "agency.split",
  sources: AgencyRecord[],
  successors: { id: number; code: string }[],
  lineage: Lineage,
) {
  const lastDay = lastDayBefore(lineage.effectiveOn);
  for (const source of sources) {
    await tx.agency.update({ where: { id: source.id }, data: { validTo: lastDay, version: { increment: 1 } } });
    for (const successor of successors) {
      await tx.agencyLineage.create({
        data: { predecessorId: source.id, successorId: successor.id, effectiveOn: lineage.effectiveOn, legalBasis: lineage.legalBasis },
      });
    }
    await writeAudit(tx, actor, {
      action,
      entityType: "Agency",
      entityId: source.id,
      provinceId: source.provinceId,
      oldValue: { validTo: source.validTo ? calendarDay(source.validTo) : null },
      newValue: {
        validTo: calendarDay(lastDay),
        into: successors.map((s) => s.code),
        effectiveOn: calendarDay(lineage.effectiveOn),
        legalBasis: lineage.legalBasis,
      },
    });
  }
}

/** Several agencies become one from a day (communes merged in 2025): into an existing agency or a new one. */
export async function mergeAgencies(actor: Actor, raw: unknown) {
  const input = parseInput(agencyMergeSchema, raw);
  if ((input.intoId === undefined) === (input.into === undefined)) {
    throw new ValidationError([{ field: "intoId", message: t()("intoOrNew") }]);
  }
  const ids = [...new Set(input.sourceIds)].filter((id) => id !== input.intoId);
  if (ids.length < (input.intoId ? 1 : 2)) throw new ValidationError([{ field: "sourceIds", message: t()("mergeTwo") }]);
  const sources = await db.agency.findMany({ where: { id: { in: ids } }, include: { peerGroup: true } });
  if (sources.length !== ids.length) throw new NotFoundError(t()("mergedNotFound"));
  const provinceId = sources[0].provinceId;
  authorize(actor, "agency.manage", { provinceId });
  const target = input.intoId ? await agencyRecord(input.intoId) : null;
  if (target) authorize(actor, "agency.manage", { provinceId: target.provinceId });
  const issues = endingIssues(sources, provinceId, input.effectiveOn, "sourceIds");
  if (target && target.provinceId !== provinceId) issues.push({ field: "intoId", message: t()("intoOtherProvince") });
  if (issues.length) throw new ValidationError(issues);
  if (input.into) await codeFree(provinceId, [input.into.code]);
  return guarded([input.into?.code ?? ""], () =>
    db.$transaction(async (tx) => {
      const successor = target ?? (await insertAgency(tx, actor, provinceId, input.into!, input.effectiveOn, "agency.merge"));
      await writeLineage(tx, actor, "agency.merge", sources, [successor], input);
      return successor;
    }),
  );
}

/** One agency becomes several new ones from a day. */
export async function splitAgency(actor: Actor, raw: unknown) {
  const input = parseInput(agencySplitSchema, raw);
  const source = await agencyRecord(input.sourceId);
  authorize(actor, "agency.manage", { provinceId: source.provinceId });
  const issues = endingIssues([source], source.provinceId, input.effectiveOn, "sourceId");
  const codes = input.parts.map((p) => p.code);
  if (new Set(codes).size !== codes.length) issues.push({ field: "parts", message: t()("partCodes") });
  if (issues.length) throw new ValidationError(issues);
  await codeFree(source.provinceId, codes);
  return guarded(codes, () =>
    db.$transaction(async (tx) => {
      const parts = [];
      for (const part of input.parts) parts.push(await insertAgency(tx, actor, source.provinceId, part, input.effectiveOn, "agency.split"));
      await writeLineage(tx, actor, "agency.split", [source], parts, input);
      return parts;
    }),
  );
}
