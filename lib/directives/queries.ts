// Reads of directives, their targets (evaluated by lib/targets), tasks and periodic reports,
// authorized on the directive's province through its lineage (see access.ts).
import "server-only";
import { cents, numberOrNull } from "@/lib/numbers";
import { can, type Actor } from "@/lib/auth/policy";
import { appraisedScore } from "@/lib/assessments/workflow";
import { db, type Prisma } from "@/lib/db/client";
import type { AgencyKind, DirectiveKind, TargetKind, TaskStatus } from "@/lib/db/generated/enums";
import { NotFoundError } from "@/lib/errors";
import { compareCodes, compareVietnamese, formatDateTime } from "@/lib/format";
import type { Cell } from "@/lib/io/table-file";
import { lineageLinks } from "@/lib/units/queries";
import { getAgencyTargets, getProvinceTargets } from "@/lib/targets/queries";
import { TARGET_KIND_LABELS, targetText, type TargetEvaluation } from "@/lib/targets/evaluate";
import { unitAndPredecessors, unitAndSuccessors, unitLabel, type LineageLink } from "@/lib/units/lineage";
import { authorizeOnDirective, authorizeReadDirective, directiveScope, mayOnDirective } from "./access";
import { DIRECTIVE_KIND_LABELS, relationText, TASK_STATUS_LABELS } from "./labels";
import {
  directivePeriods,
  directiveProgress,
  matchesStatus,
  periodState,
  reportMatrix,
  reportsOwed,
  targetsOverall,
  type DirectiveProgress,
  type ReportingPeriod,
  type ReportMatrix,
  type TargetsOverall,
} from "./rules";
import type { ListFilters } from "./schema";
import { addDays, calendarDay, vietnamToday } from "@/lib/time";
import { daysOverdue, isOverdue, OPEN_TASK_STATUSES } from "@/lib/tasks/rules";

/** The directives an actor may read, as a where clause (the same rule as authorizeReadDirective). */
function visibleWhere(actor: Actor, links: readonly LineageLink[]): Prisma.DirectiveWhereInput {
  if (actor.role === "ADMIN") return {};
  if (actor.role === "AGENCY_HEAD") {
    const agencyId = actor.agencyId ?? -1;
    return {
      OR: [
        { tasks: { some: { leadAgencyId: agencyId } } },
        { tasks: { some: { coAgencies: { some: { agencyId } } } } },
        { targets: { some: { agencyId } } },
      ],
    };
  }
  return { provinceId: { in: actor.provinceId === null ? [] : unitAndPredecessors(actor.provinceId, links) } };
}

/** Agencies a directive involves: leads and coordinators of its tasks, and agencies it sets targets for. */
function involvedAgencyIds(directive: {
  tasks: { leadAgencyId: number | null; coAgencies: { agencyId: number }[] }[];
  targets: { agencyId: number | null }[];
}): number[] {
  const ids = [
    ...directive.tasks.flatMap((t) => [t.leadAgencyId, ...t.coAgencies.map((c) => c.agencyId)]),
    ...directive.targets.map((t) => t.agencyId),
  ];
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
  for (const directive of directives) {
    if (directive.targets.length === 0) continue;
    let provinceId: number | null = null;
    if (actor.role === "ADMIN") provinceId = directive.provinceId === null ? null : unitAndSuccessors(directive.provinceId, links).at(-1)!;
    else if (actor.role !== "AGENCY_HEAD") provinceId = directiveScope(actor, "province.read", directive.provinceId, links).provinceId;
    if (actor.role !== "AGENCY_HEAD" && provinceId === null) continue;
    for (const target of directive.targets) reads.set(`${provinceId}|${target.year}`, { provinceId, year: target.year });
  }
  for (const { provinceId, year } of reads.values()) {
    const evaluated =
      actor.role === "AGENCY_HEAD"
        ? actor.agencyId === null
          ? []
          : await getAgencyTargets(actor, actor.agencyId, year, now)
        : await getProvinceTargets(actor, provinceId!, year, now);
    for (const target of evaluated) evaluations.set(target.id, target.evaluation);
  }
  return evaluations;
}

// ───────────────────────── List ─────────────────────────

export type DirectiveListItem = {
  id: number;
  number: string;
  kind: DirectiveKind;
  kindLabel: string;
  issuer: string;
  issuedOn: string | null;
  title: string;
  years: number[];
  provinceLabel: string | null;
  taskCount: number;
  doneCount: number;
  overdueCount: number;
  progress: DirectiveProgress;
  targetCount: number;
  targets: TargetsOverall;
};

export type DirectiveList = {
  items: DirectiveListItem[];
  /** Values the filters offer, from the directives the actor may read. */
  years: number[];
  issuers: string[];
  canCreate: boolean;
};

export async function listDirectives(actor: Actor, filters: ListFilters, now = new Date()): Promise<DirectiveList> {
  const links = await lineageLinks();
  const visible = visibleWhere(actor, links);
  const q = filters.q;
  const where: Prisma.DirectiveWhereInput = {
    AND: [
      visible,
      q ? { OR: [{ number: { contains: q, mode: "insensitive" } }, { title: { contains: q, mode: "insensitive" } }, { summary: { contains: q, mode: "insensitive" } }] } : {},
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
    };
  });
  return {
    items: filters.status ? items.filter((item) => matchesStatus(filters.status!, item.progress, item.targets)) : items,
    years: [...new Set(options.flatMap((o) => o.years))].sort((a, b) => b - a),
    issuers: [...new Set(options.map((o) => o.issuer))].sort((a, b) => compareVietnamese(a, b)),
    canCreate: actor.role === "ADMIN" || (actor.provinceId !== null && can(actor, "directive.write", { provinceId: actor.provinceId })),
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

export type FileItem = { id: number; fileName: string; sizeBytes: number; uploadedAt: Date };

export type TargetItem = {
  id: number;
  version: number;
  kind: TargetKind;
  kindLabel: string;
  /** The target as a phrase: "PAR INDEX ≥ 80% điểm tối đa", "PAR INDEX: tăng 10–15 bậc". */
  text: string;
  indexCode: string | null;
  indexName: string | null;
  year: number;
  value: number;
  valueMax: number | null;
  unit: string | null;
  agency: { id: number; name: string } | null;
  criterion: { id: number; code: string; name: string } | null;
  note: string | null;
  /** Null when the actor may not see it (an agency head, for a target of the province). */
  evaluation: TargetEvaluation | null;
};

export type TaskItem = {
  id: number;
  version: number;
  sortOrder: number;
  title: string;
  lead: { id: number; name: string } | null;
  coAgencies: { id: number; name: string }[];
  dueOn: string | null;
  status: TaskStatus;
  statusLabel: string;
  progressPercent: number;
  progressNote: string | null;
  overdue: boolean;
  daysOverdue: number;
  criteria: { id: number; code: string; name: string; framework: string }[];
  files: FileItem[];
  /** The actor may update its progress and evidence (the lead agency's head, or staff). */
  canReport: boolean;
};

export type ReportItem = { id: number; version: number; agencyId: number; period: string; content: string; submittedAt: Date; submittedBy: string | null };

export type AgencyChoice = { id: number; code: string; name: string; kind: AgencyKind };
export type CriterionGroup = { framework: string; internal: boolean; criteria: { id: number; code: string; name: string; level: string }[] };

export type DirectiveDetail = {
  id: number;
  version: number;
  number: string;
  kind: DirectiveKind;
  kindLabel: string;
  issuer: string;
  signer: string | null;
  issuedOn: string | null;
  title: string;
  summary: string | null;
  years: number[];
  reporting: string[];
  note: string | null;
  sourceNote: string | null;
  province: { id: number; label: string } | null;
  links: { otherId: number; direction: "from" | "to"; relation: string; relationText: string; number: string; kindLabel: string; title: string }[];
  targets: TargetItem[];
  tasks: TaskItem[];
  files: FileItem[];
  periods: ReportingPeriod[];
  matrix: ReportMatrix<{ id: number; name: string }>;
  reports: ReportItem[];
  /** Agencies the actor may submit periodic reports for. */
  reportAgencyIds: number[];
  today: string;
  progress: DirectiveProgress;
  canWrite: boolean;
  /** Choices of the staff forms (empty for readers). */
  choices: {
    agencies: AgencyChoice[];
    criteria: CriterionGroup[];
    indices: { code: string; shortName: string; subject: string }[];
    linkable: { id: number; number: string; issuer: string; title: string }[];
  };
};

async function loadDirective(id: number): Promise<LoadedDirective> {
  const directive = await db.directive.findUnique({ where: { id }, include: detailInclude });
  if (!directive) throw new NotFoundError("Không tìm thấy văn bản: có thể đã bị xóa hoặc đường dẫn sai.");
  return directive;
}

/** The agencies expected to send periodic reports: those the directive involves through its live tasks and its targets. */
function reportingAgencies(directive: LoadedDirective): { id: number; name: string }[] {
  const agencies = new Map<number, string>();
  for (const task of directive.tasks) {
    if (task.status === "CANCELLED") continue;
    if (task.leadAgency) agencies.set(task.leadAgency.id, task.leadAgency.name);
    for (const co of task.coAgencies) agencies.set(co.agency.id, co.agency.name);
  }
  for (const target of directive.targets) if (target.agency) agencies.set(target.agency.id, target.agency.name);
  return [...agencies].map(([id, name]) => ({ id, name })).sort((a, b) => compareVietnamese(a.name, b.name));
}

const fileItem = (f: { id: number; fileName: string; sizeBytes: number; uploadedAt: Date }): FileItem => ({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes, uploadedAt: f.uploadedAt });

/** Agencies of the directive's province, or of the province it went into, that exist today. */
async function agencyChoices(provinceId: number | null, links: readonly LineageLink[], today: string): Promise<AgencyChoice[]> {
  if (provinceId === null) return [];
  const agencies = await db.agency.findMany({
    where: { provinceId: { in: unitAndSuccessors(provinceId, links) }, OR: [{ validTo: null }, { validTo: { gte: new Date(`${today}T00:00:00Z`) } }] },
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
  const canWrite = mayOnDirective(actor, "directive.write", directive.provinceId, links);
  const evaluations = await evaluationsOf(actor, [directive], links, now);

  const periods = directivePeriods(directive.reporting, directive.years);
  const agencies = reportingAgencies(directive);
  const matrix = reportMatrix(agencies, periods, directive.reports, today);
  const reportAgencyIds = agencies.filter((a) => mayOnDirective(actor, "task.report", directive.provinceId, links, a.id)).map((a) => a.id);
  // An agency head reads the reports of their own agency only; staff and leaders read all.
  const readsAllReports = actor.role !== "AGENCY_HEAD";
  const visibleReports = directive.reports.filter((r) => readsAllReports || r.agencyId === actor.agencyId);

  const [agencyList, criteria, indices, linkable] = canWrite
    ? await Promise.all([
        agencyChoices(directive.provinceId, links, today),
        criterionChoices(directive.provinceId, directive.years, links, today),
        db.performanceIndex.findMany({ orderBy: [{ subject: "desc" }, { code: "asc" }] }),
        db.directive.findMany({ where: { AND: [visibleWhere(actor, links), { id: { not: directive.id } }] }, orderBy: [{ issuer: "asc" }, { number: "asc" }] }),
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
      text: targetText({
        kind: t.kind,
        year: t.year,
        value: Number(t.value),
        valueMax: t.valueMax === null ? null : Number(t.valueMax),
        unit: t.unit,
        subject: t.criterion ? `${t.agency?.name ?? "Cơ quan"} – tiêu chí ${t.criterion.code}` : t.kind === "COMMITMENT_COMPLETION" ? (t.agency?.name ?? "Các cơ quan, đơn vị") : (t.agency?.name ?? t.index?.shortName ?? "Chỉ tiêu"),
      }),
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
      criteria: t.criteria.map((c) => ({ id: c.criterion.id, code: c.criterion.code, name: c.criterion.name, framework: c.criterion.framework.name })),
      files: t.files.map(fileItem),
      canReport: t.leadAgencyId !== null ? mayOnDirective(actor, "task.report", directive.provinceId, links, t.leadAgencyId) : canWrite,
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
    choices: {
      agencies: agencyList,
      criteria,
      indices: indices.map((i) => ({ code: i.code, shortName: i.shortName, subject: i.subject })),
      linkable: linkable.map((d) => ({ id: d.id, number: d.number, issuer: d.issuer, title: d.title })),
    },
  };
}

// ───────────────────────── New directive ─────────────────────────

/** The provinces an actor may record a directive for: their own and the old units it was formed from (ADMIN: any). */
export async function getNewDirectiveOptions(actor: Actor) {
  const links = await lineageLinks();
  if (actor.role !== "ADMIN") authorizeOnDirective(actor, "directive.write", actor.provinceId, links);
  const units = await db.province.findMany({
    where: actor.role === "ADMIN" ? {} : { id: { in: unitAndPredecessors(actor.provinceId!, links) } },
    orderBy: [{ validTo: { sort: "asc", nulls: "first" } }, { nameVi: "asc" }],
  });
  const own = units.find((u) => u.id === actor.provinceId) ?? null;
  return {
    provinces: units.map((u) => ({ id: u.id, label: `${unitLabel(u)} · mã ${u.code}`, issuer: `UBND ${u.kind === "CITY" ? "thành phố" : "tỉnh"} ${u.nameVi}` })),
    defaultProvinceId: own?.id ?? null,
  };
}

// ───────────────────────── Compiled periodic report ─────────────────────────

export type CompiledRow = {
  period: ReportingPeriod;
  agency: { id: number; name: string };
  state: "submitted" | "missing" | "open" | "upcoming";
  submittedAt: Date | null;
  submittedBy: string | null;
  content: string | null;
};

/**
 * The reports of one period (or all), agency by agency, with who has not reported: what staff
 * compile for the province. Staff and leaders only: an agency head sees their own reports on the
 * directive's page.
 */
export async function getCompiledReport(actor: Actor, id: number, periodKey: string | null, now = new Date()) {
  const links = await lineageLinks();
  const directive = await loadDirective(id);
  authorizeOnDirective(actor, "province.read", directive.provinceId, links);
  const today = vietnamToday(now);
  const periods = directivePeriods(directive.reporting, directive.years);
  const selected = periodKey ? periods.filter((p) => p.key === periodKey) : periods;
  if (selected.length === 0 && periodKey) throw new NotFoundError(`Văn bản ${directive.number} không có kỳ báo cáo "${periodKey}".`);
  const agencies = reportingAgencies(directive);
  const matrix = reportMatrix(agencies, selected, directive.reports, today);
  const byId = new Map(directive.reports.map((r) => [r.id, r]));
  const rows: CompiledRow[] = selected.flatMap((period, i) =>
    matrix.rows.map((row) => {
      const cell = row.cells[i];
      const report = cell.reportId !== null ? byId.get(cell.reportId)! : null;
      return {
        period,
        agency: row.agency,
        state: cell.state,
        submittedAt: report?.submittedAt ?? null,
        submittedBy: report?.submittedBy?.name ?? null,
        content: report?.content ?? null,
      };
    }),
  );
  // The period shown first by default: the latest one that has ended.
  const latestEnded = [...periods].reverse().find((p) => periodState(p, today) === "ended") ?? null;
  return {
    directive: {
      id: directive.id,
      number: directive.number,
      kindLabel: DIRECTIVE_KIND_LABELS[directive.kind],
      issuer: directive.issuer,
      title: directive.title,
      issuedOn: directive.issuedOn ? calendarDay(directive.issuedOn) : null,
      province: directive.province ? unitLabel(directive.province) : null,
    },
    periods,
    selected: periodKey && selected.length === 1 ? selected[0] : null,
    latestEnded,
    columns: matrix.columns,
    rows,
    missing: matrix.missing,
    agencyCount: agencies.length,
    generatedAt: now,
  };
}

const COMPILED_COLUMNS = ["Kỳ báo cáo", "Cơ quan, đơn vị", "Tình trạng", "Ngày gửi", "Người gửi", "Nội dung báo cáo"];

const STATE_TEXT: Record<CompiledRow["state"], string> = {
  submitted: "Đã báo cáo",
  missing: "Chưa báo cáo",
  open: "Đang trong kỳ, chưa báo cáo",
  upcoming: "Chưa đến kỳ",
};

/** The compiled report as rows of a spreadsheet (lib/io/table-file writes them safely). */
export async function compiledReportTable(actor: Actor, id: number, periodKey: string | null, now = new Date()) {
  const report = await getCompiledReport(actor, id, periodKey, now);
  const rows: Cell[][] = report.rows.map((row) => [
    row.period.label,
    row.agency.name,
    STATE_TEXT[row.state],
    row.submittedAt ? formatDateTime(row.submittedAt) : null,
    row.submittedBy,
    row.content,
  ]);
  const slug = report.directive.number.replace(/[^0-9A-Za-z]+/g, "-").replace(/^-|-$/g, "");
  return {
    fileName: `bao-cao-${slug}${report.selected ? `-${report.selected.key}` : ""}`,
    sheetName: `Báo cáo ${report.directive.number}`.replace(/[\\/*?:[\]]/g, "-"),
    columns: COMPILED_COLUMNS,
    rows,
  };
}

// ───────────────────────── Files ─────────────────────────

/** An attachment of a directive or evidence of a task, to whoever may read the directive. */
export async function getDirectiveFile(actor: Actor, fileId: number) {
  const file = await db.storedFile.findUnique({ where: { id: fileId }, include: { task: { select: { directiveId: true } } } });
  const directiveId = file?.directiveId ?? file?.task?.directiveId ?? null;
  if (!file || directiveId === null) throw new NotFoundError("Không tìm thấy tệp.");
  const links = await lineageLinks();
  const directive = await db.directive.findUniqueOrThrow({
    where: { id: directiveId },
    include: { tasks: { select: { leadAgencyId: true, coAgencies: { select: { agencyId: true } } } }, targets: { select: { agencyId: true } } },
  });
  authorizeReadDirective(actor, directive.provinceId, links, involvedAgencyIds(directive));
  return { storageKey: file.storageKey, fileName: file.fileName, contentType: file.contentType };
}

// ───────────────────────── My work ─────────────────────────

export type MyTask = {
  id: number;
  directive: { id: number; number: string; title: string };
  title: string;
  role: "lead" | "coordinating";
  dueOn: string | null;
  status: TaskStatus;
  statusLabel: string;
  progressPercent: number;
  overdue: boolean;
  daysOverdue: number;
};

export type MyReportDue = { directive: { id: number; number: string; title: string }; agency: { id: number; name: string }; period: ReportingPeriod; state: "missing" | "open" };

export type WeakCriterion = {
  id: number;
  code: string;
  name: string;
  framework: string;
  maxPoints: number;
  /** The agency's latest score on it (final, else appraised, else self), with the year. */
  score: number | null;
  year: number | null;
  basis: "final" | "appraised" | "self" | null;
  pointsLost: number | null;
  tasks: string[];
};

export type MyWork = {
  agencyName: string | null;
  tasks: MyTask[];
  reportsDue: MyReportDue[];
  weakCriteria: WeakCriterion[];
  today: string;
};

/**
 * What is on the actor's plate. An agency head: open tasks their agency leads or coordinates, the
 * periodic reports it owes, and the criteria those tasks are meant to improve with its latest
 * score. Staff and leaders: the open tasks and missing reports of their province's directives.
 */
export async function getMyWork(actor: Actor, now = new Date()): Promise<MyWork> {
  const links = await lineageLinks();
  const today = vietnamToday(now);
  const agencyId = actor.role === "AGENCY_HEAD" ? actor.agencyId : null;
  if (actor.role === "AGENCY_HEAD" && agencyId === null) return { agencyName: null, tasks: [], reportsDue: [], weakCriteria: [], today };

  const directives = await db.directive.findMany({
    where: visibleWhere(actor, links),
    include: {
      tasks: { include: { coAgencies: { include: { agency: true } }, leadAgency: true, criteria: { include: { criterion: { include: { framework: true } } } } }, orderBy: { sortOrder: "asc" } },
      targets: { select: { agencyId: true, agency: { select: { id: true, name: true } } } },
      reports: { select: { agencyId: true, period: true } },
    },
    orderBy: [{ issuedOn: { sort: "desc", nulls: "last" } }, { id: "desc" }],
  });

  const tasks: MyTask[] = [];
  const reportsDue: MyReportDue[] = [];
  const aimedAt = new Map<number, { criterion: (typeof directives)[number]["tasks"][number]["criteria"][number]["criterion"]; tasks: string[] }>();
  for (const d of directives) {
    const ref = { id: d.id, number: d.number, title: d.title };
    for (const t of d.tasks) {
      if (!OPEN_TASK_STATUSES.includes(t.status)) continue;
      const role = agencyId === null ? "lead" : t.leadAgencyId === agencyId ? "lead" : t.coAgencies.some((c) => c.agencyId === agencyId) ? "coordinating" : null;
      if (!role) continue;
      // Staff see what needs chasing: overdue tasks, and tasks due within 30 days.
      if (agencyId === null && !(isOverdue(t, today) || (t.dueOn && calendarDay(t.dueOn) <= addDays(today, 30)))) continue;
      tasks.push({
        id: t.id,
        directive: ref,
        title: t.title,
        role,
        dueOn: t.dueOn ? calendarDay(t.dueOn) : null,
        status: t.status,
        statusLabel: TASK_STATUS_LABELS[t.status],
        progressPercent: t.progressPercent,
        overdue: isOverdue(t, today),
        daysOverdue: daysOverdue(t, today),
      });
      if (agencyId !== null) {
        for (const link of t.criteria) {
          const entry = aimedAt.get(link.criterion.id) ?? { criterion: link.criterion, tasks: [] };
          entry.tasks.push(`${d.number}: ${t.title}`);
          aimedAt.set(link.criterion.id, entry);
        }
      }
    }
    const periods = directivePeriods(d.reporting, d.years);
    if (periods.length === 0) continue;
    const reporters = new Map<number, string>();
    for (const t of d.tasks) {
      if (t.status === "CANCELLED") continue;
      if (t.leadAgency) reporters.set(t.leadAgency.id, t.leadAgency.name);
      for (const c of t.coAgencies) reporters.set(c.agency.id, c.agency.name);
    }
    for (const target of d.targets) if (target.agency) reporters.set(target.agency.id, target.agency.name);
    for (const [id, name] of reporters) {
      if (agencyId !== null && id !== agencyId) continue;
      const sent = new Set(d.reports.filter((r) => r.agencyId === id).map((r) => r.period));
      // Staff chase the missing reports; the agency also sees the period in progress.
      for (const due of reportsOwed(periods, sent, today)) {
        if (agencyId !== null || due.state === "missing") reportsDue.push({ directive: ref, agency: { id, name }, ...due });
      }
    }
  }
  tasks.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999"));
  const agencyName = agencyId === null ? null : actor.agencyName;
  const weakCriteria = agencyId === null ? [] : await latestScores(actor, agencyId, [...aimedAt.values()]);
  return { agencyName, tasks, reportsDue, weakCriteria, today };
}

type AimedCriterion = {
  criterion: { id: number; code: string; name: string; maxPoints: Prisma.Decimal; frameworkId: number; framework: { name: string; key: string } };
  tasks: string[];
};

/**
 * The agency's latest score on each criterion its tasks aim at. Frameworks get new versions, so a
 * criterion is matched by code within the same framework family; a criterion above the
 * sub-criteria scores the sum of its sub-criteria.
 */
async function latestScores(actor: Actor, agencyId: number, aimed: AimedCriterion[]): Promise<WeakCriterion[]> {
  if (aimed.length === 0) return [];
  const keys = [...new Set(aimed.map((a) => a.criterion.framework.key))];
  const assessments = await db.assessment.findMany({
    where: { agencyId, period: { framework: { key: { in: keys } } } },
    include: { period: { include: { framework: { include: { criteria: { select: { id: true, parentId: true, code: true } } } } } }, scores: true },
    orderBy: { period: { year: "desc" } },
  });
  const rows = aimed.map(({ criterion, tasks }): WeakCriterion => {
    const maxPoints = Number(criterion.maxPoints);
    const base = { id: criterion.id, code: criterion.code, name: criterion.name, framework: criterion.framework.name, maxPoints, tasks };
    const assessment = assessments.find((a) => a.period.framework.key === criterion.framework.key);
    if (!assessment) return { ...base, score: null, year: null, basis: null, pointsLost: null };
    // The agency sees its appraisal once released, and everything once the year is published.
    const released = actor.role !== "AGENCY_HEAD" || assessment.appraisalReleasedAt !== null || assessment.period.status === "PUBLISHED";
    const nodes = assessment.period.framework.criteria;
    const node = nodes.find((c) => c.code === criterion.code);
    if (!node) return { ...base, score: null, year: assessment.period.year, basis: null, pointsLost: null };
    const leaves = new Set<number>();
    const walk = (id: number) => {
      const children = nodes.filter((c) => c.parentId === id);
      if (children.length === 0) leaves.add(id);
      for (const child of children) walk(child.id);
    };
    walk(node.id);
    const scores = assessment.scores.filter((s) => leaves.has(s.criterionId));
    const final = released && assessment.status === "FINALIZED" && scores.every((s) => s.finalScore !== null);
    const appraised = released && scores.some((s) => s.round1Score !== null || s.round2Score !== null);
    const basis = final ? "final" : appraised ? "appraised" : "self";
    const value = (s: (typeof scores)[number]) =>
      basis === "final"
        ? Number(s.finalScore)
        : basis === "appraised"
          ? (appraisedScore({ round1Score: numberOrNull(s.round1Score), round2Score: numberOrNull(s.round2Score) }) ?? 0)
          : (numberOrNull(s.selfScore) ?? 0);
    const anyScore = basis !== "self" || scores.some((s) => s.selfScore !== null);
    const score = anyScore ? cents(scores.reduce((sum, s) => sum + value(s), 0)) : null;
    return {
      ...base,
      score,
      year: assessment.period.year,
      basis: score === null ? null : basis,
      pointsLost: score === null ? null : Math.max(0, cents(maxPoints - score)),
    };
  });
  return rows.sort((a, b) => (b.pointsLost ?? -1) - (a.pointsLost ?? -1) || compareCodes(a.code, b.code));
}

