// Periodic reports: which agency has reported for which period, the form to send one, and the
// reports sent. Staff and leaders open the compiled report (print, XLSX) from here.
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { submitReportAction } from "@/lib/directives/actions";
import { REPORTING_KINDS, type ReportingKind } from "@/lib/directives/kinds";
import type { DirectiveDetail } from "@/lib/directives/types";
import { periodState } from "@/lib/directives/rules";
import { compareVietnamese } from "@/lib/format";
import { useFormat } from "@/lib/i18n/client";
import { ActionForm } from "@/components/forms/form-kit";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Th, THead } from "@/components/ui/data-table";
import { ReportCellBadge } from "./badges";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

const isReportingKind = (value: string): value is ReportingKind => (REPORTING_KINDS as readonly string[]).includes(value);

export function ReportsSection({ directive, canCompile }: { directive: DirectiveDetail; canCompile: boolean }) {
  const t = useTranslations("directives.reports");
  const reporting = useTranslations("directives.reporting");
  const format = useFormat();
  if (directive.periods.length === 0) {
    return (
      <Card as="section">
        <h2 className="text-lg font-semibold">{t("title")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("notRequired")}</p>
      </Card>
    );
  }
  const { matrix } = directive;
  const agencyName = new Map(matrix.rows.map((r) => [r.agency.id, r.agency.name]));
  const periodLabel = new Map(directive.periods.map((p) => [p.key, p.label]));
  const started = directive.periods.filter((p) => periodState(p, directive.today) !== "upcoming");
  const reporters = directive.reportAgencyIds;
  return (
    <Card as="section" aria-labelledby="reports-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="reports-heading" className="text-lg font-semibold">
          {t("title")}
        </h2>
        {canCompile ? (
          <Link href={`/van-ban/${directive.id}/bao-cao`} className="no-print text-sm font-medium link">
            {t("compiled")}
          </Link>
        ) : null}
      </div>
      <p className="mt-1 text-sm text-slate-600">
        {t("regime", { kinds: directive.reporting.map((r) => (isReportingKind(r) ? reporting(r) : r)).join(", ") })}
      </p>
      {matrix.rows.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("noAgencies")}</p>
      ) : (
        <div className="relative mt-3 overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="report-matrix">
            <THead>
              <Th>{t("agency")}</Th>
              {matrix.columns.map((c) => (
                <Th key={c.period.key} className="whitespace-nowrap">
                  {c.period.label}
                </Th>
              ))}
            </THead>
            <tbody className="divide-y divide-slate-100">
              {matrix.rows.map((row) => (
                <tr key={row.agency.id} data-agency-id={row.agency.id}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {row.agency.name}
                  </th>
                  {row.cells.map((cell) => (
                    <td key={cell.period} className="px-3 py-2" data-period={cell.period}>
                      <ReportCellBadge state={cell.state} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot className="bg-slate-50 text-xs text-slate-700">
              <tr>
                <th scope="row" className="px-3 py-2 text-left">
                  {t("submitted")}
                </th>
                {matrix.columns.map((c) => (
                  <td key={c.period.key} className="px-3 py-2 tabular-nums">
                    {c.submitted}/{matrix.rows.length}
                    {c.missing > 0 ? <span className="text-red-700">{t("missing", { count: c.missing })}</span> : null}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}

      {reporters.length > 0 && started.length > 0 ? (
        <div className="no-print mt-4 rounded-md border border-slate-200 p-3">
          <h3 className="font-medium">{t("send")}</h3>
          <ActionForm
            action={submitReportAction}
            submitLabel={t("send")}
            testId="report-submit"
            className="mt-2 grid gap-3 sm:grid-cols-3"
            buttonClassName={buttonClass("primary", "sm", "justify-self-start")}
          >
            <input type="hidden" name="directiveId" value={directive.id} />
            <input type="hidden" name="version" value="" />
            <label className="text-sm">
              {t("agencyShort")}
              <select name="agencyId" defaultValue={reporters[0]} className={input}>
                {reporters.map((id) => (
                  <option key={id} value={id}>
                    {agencyName.get(id)}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm">
              {t("period")}
              <select name="period" defaultValue={started.at(-1)!.key} className={input}>
                {started.map((p) => (
                  <option key={p.key} value={p.key}>
                    {p.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm sm:col-span-3">
              {t("content")}
              <textarea name="content" rows={3} className={input} />
            </label>
          </ActionForm>
        </div>
      ) : null}

      {directive.reports.length > 0 ? (
        <div className="mt-4">
          <h3 className="font-medium">{t("sent")}</h3>
          <ul className="mt-2 space-y-3" data-testid="reports-list">
            {[...directive.reports]
              .sort((a, b) => b.period.localeCompare(a.period) || compareVietnamese(agencyName.get(a.agencyId) ?? "", agencyName.get(b.agencyId) ?? ""))
              .map((r) => (
                <li key={r.id} className="rounded-md border border-slate-200 p-3 text-sm">
                  <p className="font-medium">
                    {agencyName.get(r.agencyId) ?? t("agencyShort")} · {periodLabel.get(r.period) ?? r.period}
                  </p>
                  <p className="text-xs text-slate-500">
                    {r.submittedBy
                      ? t("sentAtBy", { date: format.dateTime(r.submittedAt), by: r.submittedBy })
                      : t("sentAt", { date: format.dateTime(r.submittedAt) })}
                  </p>
                  <p className="mt-1 whitespace-pre-line">{r.content}</p>
                  {reporters.includes(r.agencyId) ? (
                    <details className="no-print mt-2">
                      <summary className="cursor-pointer text-xs text-brand-700">{t("edit")}</summary>
                      <ActionForm
                        action={submitReportAction}
                        submitLabel={t("save")}
                        testId={`report-edit-${r.id}`}
                        className="mt-2 flex flex-col items-start gap-2"
                      >
                        <input type="hidden" name="directiveId" value={directive.id} />
                        <input type="hidden" name="agencyId" value={r.agencyId} />
                        <input type="hidden" name="period" value={r.period} />
                        <input type="hidden" name="version" value={r.version} />
                        <textarea name="content" rows={3} defaultValue={r.content} className={input} aria-label={t("contentShort")} />
                      </ActionForm>
                    </details>
                  ) : null}
                </li>
              ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
