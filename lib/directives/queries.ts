// Reads of directives: the list, one directive with its targets (evaluated by lib/targets), tasks
// and reporting matrix, the choices of the staff forms, and attached files; authorized on the
// directive's province through its lineage (lib/auth/reach.ts). Compiled reports: ./reports;
// "my work": lib/my-work.
import "server-only";
import { can, reachOf, type Actor } from "@/lib/auth/policy";
import { authorizeOnUnit, authorizeOwnProvince, lineageScope, mayOnUnit, reachedUnits, reachWhere } from "@/lib/auth/reach";
import { db, type Prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { compareVietnamese } from "@/lib/format";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { searchContains } from "@/lib/search";
import { TARGET_KIND_LABELS, targetSpec, targetText, type TargetEvaluation } from "@/lib/targets/evaluate";
import { getAgencyTargets, getProvinceTargets } from "@/lib/targets/queries";
import { TASK_STATUS_LABELS } from "@/lib/tasks/labels";
import { daysOverdue, isOverdue } from "@/lib/tasks/rules";
import { calendarDay, vietnamToday } from "@/lib/time";
import { unitAndSuccessors, unitLabel, type LineageLink } from "@/lib/units/lineage";
import { lineageLinks } from "@/lib/units/queries";
import { DIRECTIVE_KIND_LABELS, relationText } from "./labels";
import { directivePeriods, directiveProgress, matchesStatus, reportingAgencies, reportMatrix, targetsOverall } from "./rules";
import type { ListFilters } from "./schema";
import type { AgencyChoice, CriterionGroup, DirectiveDetail, DirectiveList, DirectiveListItem, FileItem } from "./types";

/** The directives an actor may read, as a where clause (the same rule as authorizeReadDirective). */
export function directivesWhere(actor: Actor, links: readonly LineageLink[]): Prisma.DirectiveWhereInput {
  return reachWhere<Prisma.DirectiveWhereInput>(
    actor,
    "province.read",
    {
      province: (unitIds) => ({ provinceId: { in: unitIds } }),
      // An agency reads the directives that involve it: a task it leads or coordinates, a target set for it.
      agency: (agencyId) => ({
        OR: [{ tasks: { some: { leadAgencyId: agencyId } } }, { tasks: { some: { coAgencies: { some: { agencyId } } } } }, { targets: { some: { agencyId } } }],
      }),
    },
    links,
  );
}

/**
 * Reading a directive: staff and leaders of the province (or of the province it went into); an
 * agency head when the directive involves their agency (a task it leads or coordinates, a target
 * set for it), since the policy gives agency heads their own agency's data only.
 */
function authorizeReadDirective(
  actor: Actor | null,
  unitId: number | null,
  links: readonly LineageLink[],
  involvedAgencyIds: readonly number[],
): asserts actor is Actor {
  const agencyId = actor?.agencyId != null && involvedAgencyIds.includes(actor.agencyId) ? actor.agencyId : null;
  authorizeOnUnit(actor, "province.read", unitId, links, agencyId);
}

/** Agencies a directive involves: leads and coordinators of its tasks, and agencies it sets targets for. */
function involvedAgencyIds(directive: {
  tasks: { leadAgencyId: number | null; coAgencies: { agencyId: number }[] }[];
  targets: { agencyId: number | null }[];
}): number[] {
  const ids = [...directive.tasks.flatMap((t) => [t.leadAgencyId, ...t.coAgencies.map((c) => c.agencyId)]), ...directive.targets.map((t) => t.agencyId)];
  return [...new Set(ids.filter((id): id is number => id !== null))];
}

// ───────────────────────── Target evaluation ─────────────────────────

type TargetRef = { id: number; year: number };

/**
 * Evaluations of directives' targets by lib/targets (the same facts and rule as the dashboards),
 * read once per province and year. Staff and leaders read the province the directive belongs to
 * (or went into, which keeps the old units' targets); an agency head reads its own agency's targets.
 */
async function evaluationsOf(actor: Actor, directives: { provinceId: number | null; targets: TargetRef[] }[], links: readonly LineageLink[], now: Date) {
  const evaluations = new Map<number, TargetEvaluation>();
  const reads = new Map<string, { provinceId: number | null; year: number }>();
  const reach = reachOf(actor.role, "province.read");
  for (const directive of directives) {
    if (directive.targets.length === 0) continue;
    let provinceId: number | null = null;
    if (reach === "all") provinceId = directive.provinceId === null ? null : unitAndSuccessors(directive.provinceId, links).at(-1)!;
    else if (reach === "province") provinceId = lineageScope(actor, "province.read", directive.provinceId, links).provinceId;
    if (reach !== "agency" && provinceId === null) continue;
    for (const target of directive.targets) reads.set(`${provinceId}|${target.year}`, { provinceId, year: target.year });
  }
  for (const { provinceId, year } of reads.values()) {
    const evaluated =
      reach === "agency"
        ? actor.agencyId === null
          ? []
          : await getAgencyTargets(actor, actor.agencyId, year, now)
        : await getProvinceTargets(actor, provinceId!, year, now);
    for (const target of evaluated) evaluations.set(target.id, target.evaluation);
  }
  return evaluations;
}

// ───────────────────────── List ─────────────────────────

export async function listDirectives(actor: Actor, filters: ListFilters, now = new Date()): Promise<DirectiveList> {
  const links = await lineageLinks();
  const visible = directivesWhere(actor, links);
  const q = filters.q;
  const where: Prisma.DirectiveWhereInput = {
    AND: [
      visible,
      // By number, title or summary, with or without diacritics, in any case (lib/search.ts).
      q ? { searchKey: { contains: searchContains(q) } } : {},
      filters.year ? { years: { has: filters.year } } : {},
      filters.kind ? { kind: filters.kind } : {},
      filters.issuer ? { issuer: filters.issuer } : {},
    ],
  };
  const [directives, options] = await Promise.all([
    db.directive.findMany({
      where,
      include: { province: true, tasks: { select: { status: true, dueOn: true } }, targets: { select: { id: true, year: true } } },
      orderBy: [{ issuedOn: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    }),
    db.directive.findMany({ where: visible, select: { years: true, issuer: true } }),
  ]);
  const today = vietnamToday(now);
  const evaluations = await evaluationsOf(actor, directives, links, now);
  const items = directives.map((d): DirectiveListItem => {
    const statuses = d.targets.map((t) => evaluations.get(t.id)?.status ?? "not_yet_known");
    return {
      id: d.id,
      number: d.number,
      kind: d.kind,
      kindLabel: DIRECTIVE_KIND_LABELS[d.kind],
      issuer: d.issuer,
      issuedOn: d.issuedOn ? calendarDay(d.issuedOn) : null,
      title: d.title,
      years: d.years,
      provinceLabel: d.province ? unitLabel(d.province) : null,
      taskCount: d.tasks.length,
      doneCount: d.tasks.filter((t) => t.status === "DONE").length,
      overdueCount: d.tasks.filter((t) => isOverdue(t, today)).length,
      progress: directiveProgress(d.tasks, today),
      targetCount: d.targets.length,
      targets: targetsOverall(statuses),
      canCompile: directivePeriods(d.reporting, d.years).length > 0 && mayOnUnit(actor, "province.read", d.provinceId, links),
    };
  });
  return {
    items: filters.status ? items.filter((item) => matchesStatus(filters.status!, item.progress, item.targets)) : items,
    years: [...new Set(options.flatMap((o) => o.years))].sort((a, b) => b - a),
    issuers: [...new Set(options.map((o) => o.issuer))].sort((a, b) => compareVietnamese(a, b)),
    canCreate: can(actor, "directive.write", { provinceId: actor.provinceId }),
  };
}

// ───────────────────────── Detail ─────────────────────────

const detailInclude = {
  province: true,
  targets: {
    include: { index: true, agency: true, criterion: { include: { framework: { select: { name: true } } } } },
    orderBy: [{ year: "asc" }, { agencyId: { sort: "asc", nulls: "first" } }, { id: "asc" }],
  },
  tasks: {
    include: {
      leadAgency: true,
      coAgencies: { include: { agency: true } },
      criteria: { include: { criterion: { include: { framework: { select: { name: true } } } } } },
      files: { orderBy: { uploadedAt: "asc" } },
    },
    orderBy: { sortOrder: "asc" },
  },
  files: { orderBy: { uploadedAt: "asc" } },
  linksFrom: { include: { to: true } },
  linksTo: { include: { from: true } },
  reports: { include: { submittedBy: { select: { name: true } } } },
} as const satisfies Prisma.DirectiveInclude;

type LoadedDirective = Prisma.DirectiveGetPayload<{ include: typeof detailInclude }>;

export async function loadDirective(id: number): Promise<LoadedDirective> {
  const directive = await db.directive.findUnique({ where: { id }, include: detailInclude });
  if (!directive) throw new NotFoundError(libTranslator("errors.directives")("notFoundAddress"));
  return directive;
}

const fileItem = (f: { id: number; fileName: string; sizeBytes: number; uploadedAt: Date }): FileItem => ({
  id: f.id,
  fileName: f.fileName,
  sizeBytes: f.sizeBytes,
  uploadedAt: f.uploadedAt,
});

/** Agencies of the directive's province, or of the province it went into, that exist today. */
async function agencyChoices(provinceId: number | null, links: readonly LineageLink[], today: string): Promise<AgencyChoice[]> {
  if (provinceId === null) return [];
  const agencies = await db.agency.findMany({
    where: {
      provinceId: { in: unitAndSuccessors(provinceId, links) },
      OR: [{ validTo: null }, { validTo: { gte: new Date(`${today}T00:00:00Z`) } }],
    },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
  });
  return agencies.map((a) => ({ id: a.id, code: a.code, name: a.name, kind: a.kind }));
}

/** Criteria a task may aim at: the province's internal frameworks, then the national ones in force for the directive's years. */
async function criterionChoices(provinceId: number | null, years: readonly number[], links: readonly LineageLink[], today: string): Promise<CriterionGroup[]> {
  // A directive without years (733/UBND-TH of the seed) offers the frameworks in force this year.
  const span = years.length > 0 ? years : [Number(today.slice(0, 4))];
  const from = Math.min(...span);
  const to = Math.max(...span);
  const frameworks = await db.framework.findMany({
    where: {
      status: { not: "DRAFT" },
      OR: [
        ...(provinceId !== null ? [{ ownerProvinceId: { in: unitAndSuccessors(provinceId, links) } }] : []),
        { ownerProvinceId: null, validFromYear: { lte: to }, OR: [{ validToYear: null }, { validToYear: { gte: from } }] },
      ],
    },
    include: { criteria: { orderBy: { sortOrder: "asc" } } },
    orderBy: [{ ownerProvinceId: { sort: "asc", nulls: "last" } }, { indexCode: "asc" }, { version: "desc" }],
  });
  return frameworks.map((f) => ({
    framework: f.name,
    internal: f.ownerProvinceId !== null,
    criteria: f.criteria.map((c) => ({ id: c.id, code: c.code, name: c.name, level: c.level })),
  }));
}

export async function getDirective(actor: Actor, id: number, now = new Date()): Promise<DirectiveDetail> {
  const links = await lineageLinks();
  const directive = await loadDirective(id);
  authorizeReadDirective(actor, directive.provinceId, links, involvedAgencyIds(directive));
  const today = vietnamToday(now);
  const canWrite = mayOnUnit(actor, "directive.write", directive.provinceId, links);
  const evaluations = await evaluationsOf(actor, [directive], links, now);

  const periods = directivePeriods(directive.reporting, directive.years);
  const agencies = reportingAgencies(directive);
  const matrix = reportMatrix(agencies, periods, directive.reports, today);
  const reportAgencyIds = agencies.filter((a) => mayOnUnit(actor, "task.report", directive.provinceId, links, a.id)).map((a) => a.id);
  // An agency head reads the reports of their own agency only; staff and leaders read all.
  const visibleReports = directive.reports.filter((r) => mayOnUnit(actor, "province.read", directive.provinceId, links, r.agencyId));

  const [agencyList, criteria, indices, linkable] = canWrite
    ? await Promise.all([
        agencyChoices(directive.provinceId, links, today),
        criterionChoices(directive.provinceId, directive.years, links, today),
        db.performanceIndex.findMany({ orderBy: [{ subject: "desc" }, { code: "asc" }] }),
        db.directive.findMany({
          where: { AND: [directivesWhere(actor, links), { id: { not: directive.id } }] },
          orderBy: [{ issuer: "asc" }, { number: "asc" }],
        }),
      ])
    : [[], [], [], []];

  return {
    id: directive.id,
    version: directive.version,
    number: directive.number,
    kind: directive.kind,
    kindLabel: DIRECTIVE_KIND_LABELS[directive.kind],
    issuer: directive.issuer,
    signer: directive.signer,
    issuedOn: directive.issuedOn ? calendarDay(directive.issuedOn) : null,
    title: directive.title,
    summary: directive.summary,
    years: directive.years,
    reporting: directive.reporting,
    note: directive.note,
    sourceNote: directive.sourceNote,
    province: directive.province ? { id: directive.province.id, label: unitLabel(directive.province) } : null,
    links: [
      ...directive.linksFrom.map((l) => ({ other: l.to, direction: "from" as const, relation: l.relation })),
      ...directive.linksTo.map((l) => ({ other: l.from, direction: "to" as const, relation: l.relation })),
    ].map(({ other, direction, relation }) => ({
      otherId: other.id,
      direction,
      relation,
      relationText: relationText(relation, direction),
      number: other.number,
      kindLabel: DIRECTIVE_KIND_LABELS[other.kind],
      title: other.title,
    })),
    targets: directive.targets.map((t) => ({
      id: t.id,
      version: t.version,
      kind: t.kind,
      kindLabel: TARGET_KIND_LABELS[t.kind],
      text: targetText(targetSpec(t)),
      indexCode: t.indexCode,
      indexName: t.index?.shortName ?? null,
      year: t.year,
      value: Number(t.value),
      valueMax: t.valueMax === null ? null : Number(t.valueMax),
      unit: t.unit,
      agency: t.agency ? { id: t.agency.id, name: t.agency.name } : null,
      criterion: t.criterion ? { id: t.criterion.id, code: t.criterion.code, name: t.criterion.name } : null,
      note: t.note,
      evaluation: evaluations.get(t.id) ?? null,
    })),
    tasks: directive.tasks.map((t) => ({
      id: t.id,
      version: t.version,
      sortOrder: t.sortOrder,
      title: t.title,
      lead: t.leadAgency ? { id: t.leadAgency.id, name: t.leadAgency.name } : null,
      coAgencies: t.coAgencies.map((c) => ({ id: c.agency.id, name: c.agency.name })).sort((a, b) => compareVietnamese(a.name, b.name)),
      dueOn: t.dueOn ? calendarDay(t.dueOn) : null,
      status: t.status,
      statusLabel: TASK_STATUS_LABELS[t.status],
      progressPercent: t.progressPercent,
      progressNote: t.progressNote,
      overdue: isOverdue(t, today),
      daysOverdue: daysOverdue(t, today),
      criteria: t.criteria.map((c) => ({
        id: c.criterion.id,
        code: c.criterion.code,
        name: c.criterion.name,
        framework: c.criterion.framework.name,
      })),
      files: t.files.map(fileItem),
      canReport: t.leadAgencyId !== null ? mayOnUnit(actor, "task.report", directive.provinceId, links, t.leadAgencyId) : canWrite,
    })),
    files: directive.files.map(fileItem),
    periods,
    matrix,
    reports: visibleReports.map((r) => ({
      id: r.id,
      version: r.version,
      agencyId: r.agencyId,
      period: r.period,
      content: r.content,
      submittedAt: r.submittedAt,
      submittedBy: r.submittedBy?.name ?? null,
    })),
    reportAgencyIds,
    today,
    progress: directiveProgress(directive.tasks, today),
    canWrite,
    canCompile: mayOnUnit(actor, "province.read", directive.provinceId, links),
    choices: {
      agencies: agencyList,
      criteria,
      indices: indices.map((i) => ({ code: i.code, shortName: i.shortName, subject: i.subject })),
      linkable: linkable.map((d) => ({ id: d.id, number: d.number, issuer: d.issuer, title: d.title })),
    },
  };
}

// ───────────────────────── New directive ─────────────────────────

/** The provinces an actor may record a directive for: their own and the old units it was formed from (an administrator: any). */
export async function getNewDirectiveOptions(actor: Actor) {
  const links = await lineageLinks();
  authorizeOwnProvince(actor, "directive.write");
  const reached = reachedUnits(actor, "directive.write", links);
  const units = await db.province.findMany({
    where: reached === null ? {} : { id: { in: reached } },
    orderBy: [{ validTo: { sort: "asc", nulls: "first" } }, { nameVi: "asc" }],
  });
  const own = units.find((u) => u.id === actor.provinceId) ?? null;
  const t = libTranslator("errors.directives");
  // The issuer as the document itself prints it, in Vietnamese whatever the interface's language.
  const issuer = libTranslator("errors.directives", "vi");
  return {
    provinces: units.map((u) => ({
      id: u.id,
      label: t("provinceChoice", { unit: unitLabel(u), code: u.code }),
      issuer: issuer(u.kind === "CITY" ? "issuerCity" : "issuerProvince", { name: u.nameVi }),
    })),
    defaultProvinceId: own?.id ?? null,
  };
}

// ───────────────────────── Files ─────────────────────────

/** An attachment of a directive or evidence of a task, to whoever may read the directive. */
export async function getDirectiveFile(actor: Actor, fileId: number) {
  const file = await db.storedFile.findUnique({ where: { id: fileId }, include: { task: { select: { directiveId: true } } } });
  const directiveId = file?.directiveId ?? file?.task?.directiveId ?? null;
  if (!file || directiveId === null) throw new NotFoundError(libTranslator("errors.directives")("fileGone"));
  const links = await lineageLinks();
  const directive = await db.directive.findUniqueOrThrow({
    where: { id: directiveId },
    include: {
      tasks: { select: { leadAgencyId: true, coAgencies: { select: { agencyId: true } } } },
      targets: { select: { agencyId: true } },
    },
  });
  authorizeReadDirective(actor, directive.provinceId, links, involvedAgencyIds(directive));
  return { storageKey: file.storageKey, fileName: file.fileName, contentType: file.contentType };
}
