// The compiled periodic reports of a directive: who reported what for one period (or all), agency by
// agency, and who has not — what staff compile for the province, on a page and as a spreadsheet.
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { authorizeOnUnit } from "@/lib/auth/reach";
import { NotFoundError } from "@/lib/errors";
import { libFormat, libTranslator } from "@/lib/i18n/lib-translator";
import { messageLocale } from "@/lib/i18n/message-locale";
import { translator } from "@/lib/i18n/translator";
import type { Cell, TableDownload, TableSection } from "@/lib/io/table-file";
import { calendarDay, vietnamToday } from "@/lib/time";
import { unitLabel } from "@/lib/units/lineage";
import { lineageLinks } from "@/lib/units/queries";
import { DIRECTIVE_KIND_LABELS } from "../labels";
import { getDirective, loadDirective } from "../queries";
import { directivePeriods, periodState, reportingAgencies, reportMatrix } from "../rules";
import type { CompiledRow } from "../types";

/**
 * The reports of one period (or all), agency by agency, with who has not reported: what staff
 * compile for the province. Staff and leaders only: an agency head sees their own reports on the
 * directive's page.
 */
export async function getCompiledReport(actor: Actor, id: number, periodKey: string | null, now = new Date()) {
  const links = await lineageLinks();
  const directive = await loadDirective(id);
  authorizeOnUnit(actor, "province.read", directive.provinceId, links);
  const today = vietnamToday(now);
  const periods = directivePeriods(directive.reporting, directive.years);
  const selected = periodKey ? periods.filter((p) => p.key === periodKey) : periods;
  if (selected.length === 0 && periodKey)
    throw new NotFoundError(libTranslator("errors.reports")("noSuchPeriod", { number: directive.number, period: periodKey }));
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

/**
 * The compiled report as a spreadsheet for the people who read it, in the request's language
 * (lib/io/table-file writes it safely): the reports of the period(s), then, as the page shows them,
 * the directive's tasks and its targets with their evaluation today (their own sheets in an XLSX).
 */
export async function compiledReportTable(actor: Actor, id: number, periodKey: string | null, now = new Date()): Promise<TableDownload> {
  const [report, directive] = await Promise.all([getCompiledReport(actor, id, periodKey, now), getDirective(actor, id, now)]);
  const locale = messageLocale();
  const t = translator(locale, "directives.compiledFile");
  const state = translator(locale, "directives.reportCell");
  const taskStatus = translator(locale, "directives.taskStatus");
  const targetStatus = translator(locale, "directives.targetStatus");
  const format = libFormat();
  const rows: Cell[][] = report.rows.map((row) => [
    row.period.label,
    row.agency.name,
    state(row.state),
    row.submittedAt ? format.dateTime(row.submittedAt) : null,
    row.submittedBy,
    row.content,
  ]);
  const tasks: TableSection = {
    title: t("tasks"),
    columns: [t("number"), t("task"), t("lead"), t("coAgencies"), t("due"), t("status"), t("daysOverdue"), t("progress"), t("progressNote")],
    rows: directive.tasks.map((task) => [
      task.sortOrder,
      task.title,
      task.lead?.name ?? t("noLead"),
      task.coAgencies.map((c) => c.name).join(", ") || null,
      task.dueOn ? format.day(task.dueOn) : null,
      taskStatus(task.status),
      task.overdue ? task.daysOverdue : null,
      task.progressPercent,
      task.progressNote,
    ]),
  };
  const targets: TableSection = {
    title: t("targets"),
    columns: [t("target"), t("year"), t("unit"), t("evaluation"), t("explanation")],
    rows: directive.targets.map((target) => [
      target.text,
      target.year,
      target.agency?.name ?? t("province"),
      target.evaluation ? targetStatus(target.evaluation.status) : null,
      target.evaluation?.explanation ?? null,
    ]),
  };
  const slug = report.directive.number.replace(/[^0-9A-Za-z]+/g, "-").replace(/^-|-$/g, "");
  return {
    fileName: `bao-cao-${slug}${report.selected ? `-${report.selected.key}` : ""}`,
    sheetName: t("sheet", { number: report.directive.number }),
    columns: [t("period"), t("agency"), t("state"), t("submittedAt"), t("submittedBy"), t("content")],
    rows,
    locale,
    sections: [tasks, targets],
  };
}
