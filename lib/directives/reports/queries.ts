// The compiled periodic reports of a directive: who reported what for one period (or all), agency by
// agency, and who has not — what staff compile for the province, on a page and as a spreadsheet.
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { authorizeOnUnit } from "@/lib/auth/reach";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import type { Cell } from "@/lib/io/table-file";
import { calendarDay, vietnamToday } from "@/lib/time";
import { unitLabel } from "@/lib/units/lineage";
import { lineageLinks } from "@/lib/units/queries";
import { DIRECTIVE_KIND_LABELS } from "../labels";
import { loadDirective } from "../queries";
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
