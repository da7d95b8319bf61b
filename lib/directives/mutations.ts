// Writes of directives: the directive itself, its links to other directives and its attached files
// (its targets, tasks and reports: lib/targets, lib/tasks, ./reports). Each validates its input
// (zod, then the rules that need the database), authorizes on the directive's province through its
// lineage (lib/auth/reach.ts), then writes and audits in one transaction; a directive changed since
// the form read it is refused with what it is now.
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { authorizeOnUnit, mayOnUnit } from "@/lib/auth/reach";
import { writeAudit } from "@/lib/audit/log";
import { db, type Prisma } from "@/lib/db/client";
import { isUniqueViolation, nextVersion, writeVersioned } from "@/lib/db/concurrency";
import { ConflictError, NotFoundError, parseInput, ValidationError } from "@/lib/errors";
import { libFormat, libTranslator } from "@/lib/i18n/lib-translator";
import type { Upload } from "@/lib/io/upload";
import { attachFile, detachFile } from "@/lib/storage/attachments";
import { calendarDay, vietnamToday } from "@/lib/time";
import type { LineageLink } from "@/lib/units/lineage";
import { lineageLinks } from "@/lib/units/queries";
import { DIRECTIVE_KIND_LABELS, LINK_RELATION_NAMES } from "./labels";
import { directiveSchema, directiveUpdateSchema, linkSchema, unlinkSchema } from "./schema";

/** lib's messages about directives, in the language of the request (errors.directives). */
const t = () => libTranslator("errors.directives");

type DirectiveRow = Prisma.DirectiveGetPayload<object>;

async function loadDirective(id: number): Promise<DirectiveRow> {
  const directive = await db.directive.findUnique({ where: { id } });
  if (!directive) throw new NotFoundError(t()("notFound"));
  return directive;
}

// ───────────────────────── Directives ─────────────────────────

function directiveSnapshot(d: DirectiveRow) {
  return {
    number: d.number,
    kind: d.kind,
    issuer: d.issuer,
    signer: d.signer,
    issuedOn: d.issuedOn && calendarDay(d.issuedOn),
    title: d.title,
    summary: d.summary,
    years: d.years,
    reporting: d.reporting,
    note: d.note,
    provinceId: d.provinceId,
    version: d.version,
  };
}

/**
 * The number is unique per issuer; issuers are compared without regard to case. The directive
 * that has it is described only to a user who may read it.
 */
async function assertNumberFree(actor: Actor, links: readonly LineageLink[], issuer: string, number: string, exceptId: number | null) {
  const taken = await db.directive.findFirst({
    where: { number, issuer: { equals: issuer, mode: "insensitive" }, ...(exceptId !== null ? { id: { not: exceptId } } : {}) },
  });
  if (taken && !mayOnUnit(actor, "province.read", taken.provinceId, links)) throw numberTaken(issuer, number);
  if (taken) {
    throw new ValidationError([
      {
        field: "number",
        message: t()(taken.issuedOn ? "numberTakenOn" : "numberTakenShown", {
          issuer: taken.issuer,
          number: taken.number,
          day: taken.issuedOn ? libFormat().calendarDate(taken.issuedOn) : "",
          title: taken.title,
        }),
      },
    ]);
  }
}

function numberTaken(issuer: string, number: string): ValidationError {
  return new ValidationError([{ field: "number", message: t()("numberTaken", { issuer, number }) }]);
}

function assertNotFuture(issuedOn: Date | null, now: Date) {
  if (issuedOn && calendarDay(issuedOn) > vietnamToday(now)) {
    throw new ValidationError([{ field: "issuedOn", message: t()("issuedInFuture", { day: libFormat().calendarDate(issuedOn) }) }]);
  }
}

export async function createDirective(actor: Actor, input: unknown, now = new Date()): Promise<{ id: number }> {
  const data = parseInput(directiveSchema, input);
  const links = await lineageLinks();
  authorizeOnUnit(actor, "directive.write", data.provinceId, links);
  const province = await db.province.findUnique({ where: { id: data.provinceId } });
  if (!province) throw new ValidationError([{ field: "provinceId", message: t()("chooseProvince") }]);
  assertNotFuture(data.issuedOn, now);
  await assertNumberFree(actor, links, data.issuer, data.number, null);
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.directive.create({ data: { ...data, provinceId: province.id } });
      await writeAudit(tx, actor, {
        action: "directive.create",
        entityType: "Directive",
        entityId: created.id,
        provinceId: created.provinceId,
        newValue: directiveSnapshot(created),
      });
      return { id: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw numberTaken(data.issuer, data.number);
    throw error;
  }
}

export async function updateDirective(actor: Actor, input: unknown, now = new Date()): Promise<{ version: number }> {
  const data = parseInput(directiveUpdateSchema, input);
  const links = await lineageLinks();
  const stored = await loadDirective(data.id);
  authorizeOnUnit(actor, "directive.write", stored.provinceId, links);
  assertNotFuture(data.issuedOn, now);
  const orphanYears = (await db.target.findMany({ where: { directiveId: stored.id }, select: { year: true } }))
    .map((t) => t.year)
    .filter((year, i, all) => !data.years.includes(year) && all.indexOf(year) === i);
  if (orphanYears.length > 0) {
    throw new ValidationError([
      {
        field: "years",
        message: t()("yearsHaveTargets", { years: orphanYears.join(", ") }),
      },
    ]);
  }
  await assertNumberFree(actor, links, data.issuer, data.number, stored.id);
  const { id: _id, version: _version, ...next } = data;
  try {
    return await db.$transaction(async (tx) => {
      await writeVersioned({ id: stored.id, version: data.version }, (where) => tx.directive.updateMany({ where, data: nextVersion(next) }), {
        current: () => tx.directive.findUnique({ where: { id: stored.id } }),
        conflict: (current) =>
          new ConflictError(
            t()("conflict", {
              kind: DIRECTIVE_KIND_LABELS[current.kind],
              number: current.number,
              issuer: current.issuer,
              title: current.title,
              years: current.years.join(", "),
            }),
            directiveSnapshot(current),
          ),
      });
      const updated = await tx.directive.findUniqueOrThrow({ where: { id: stored.id } });
      await writeAudit(tx, actor, {
        action: "directive.update",
        entityType: "Directive",
        entityId: stored.id,
        provinceId: stored.provinceId,
        oldValue: directiveSnapshot(stored),
        newValue: directiveSnapshot(updated),
      });
      return { version: updated.version };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw numberTaken(data.issuer, data.number);
    throw error;
  }
}

// ───────────────────────── Links between directives ─────────────────────────

export async function linkDirectives(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(linkSchema, input);
  if (!LINK_RELATION_NAMES.includes(data.relation)) {
    throw new ValidationError([{ field: "relation", message: t()("chooseRelation", { relations: LINK_RELATION_NAMES.join(", ") }) }]);
  }
  if (data.fromId === data.toId) throw new ValidationError([{ field: "toId", message: t()("linkSelf") }]);
  const links = await lineageLinks();
  const [from, to] = await Promise.all([loadDirective(data.fromId), db.directive.findUnique({ where: { id: data.toId } })]);
  authorizeOnUnit(actor, "directive.write", from.provinceId, links);
  if (!to) throw new ValidationError([{ field: "toId", message: t()("linkTargetNotFound") }]);
  authorizeOnUnit(actor, "province.read", to.provinceId, links);
  const existing = await db.directiveLink.findFirst({
    where: {
      OR: [
        { fromId: from.id, toId: to.id },
        { fromId: to.id, toId: from.id },
      ],
    },
  });
  if (existing) {
    throw new ValidationError([
      {
        field: "toId",
        message: t()("alreadyLinkedAs", { from: from.number, to: to.number, relation: existing.relation }),
      },
    ]);
  }
  try {
    await db.$transaction(async (tx) => {
      await tx.directiveLink.create({ data: { fromId: from.id, toId: to.id, relation: data.relation } });
      await writeAudit(tx, actor, {
        action: "directive.link",
        entityType: "DirectiveLink",
        entityId: `${from.id}-${to.id}`,
        provinceId: from.provinceId,
        newValue: { from: from.number, to: to.number, relation: data.relation },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError([{ field: "toId", message: t()("alreadyLinked", { from: from.number, to: to.number }) }]);
    throw error;
  }
}

export async function unlinkDirectives(actor: Actor, input: unknown): Promise<void> {
  const data = parseInput(unlinkSchema, input);
  const links = await lineageLinks();
  const link = await db.directiveLink.findUnique({
    where: { fromId_toId: { fromId: data.fromId, toId: data.toId } },
    include: { from: true, to: true },
  });
  if (!link) throw new NotFoundError(t()("linkGone"));
  authorizeOnUnit(actor, "directive.write", link.from.provinceId, links);
  await db.$transaction(async (tx) => {
    await tx.directiveLink.delete({ where: { fromId_toId: { fromId: data.fromId, toId: data.toId } } });
    await writeAudit(tx, actor, {
      action: "directive.unlink",
      entityType: "DirectiveLink",
      entityId: `${data.fromId}-${data.toId}`,
      provinceId: link.from.provinceId,
      oldValue: { from: link.from.number, to: link.to.number, relation: link.relation },
    });
  });
}

// ───────────────────────── Files ─────────────────────────

export async function addDirectiveFile(actor: Actor, directiveId: number, file: Upload) {
  const directive = await loadDirective(directiveId);
  authorizeOnUnit(actor, "directive.write", directive.provinceId, await lineageLinks());
  return attachFile(actor, file, { directiveId }, { action: "directive.file.add", provinceId: directive.provinceId, what: { directive: directive.number } });
}

export async function removeDirectiveFile(actor: Actor, fileId: number): Promise<void> {
  const file = await db.storedFile.findUnique({ where: { id: fileId }, include: { directive: true } });
  if (!file?.directive) throw new NotFoundError(t()("fileNotFound"));
  authorizeOnUnit(actor, "directive.write", file.directive.provinceId, await lineageLinks());
  await detachFile(actor, file, {
    action: "directive.file.remove",
    provinceId: file.directive.provinceId,
    what: { directive: file.directive.number },
  });
}
