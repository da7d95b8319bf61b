import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { idParam } from "@/lib/api/params";
import { currentActor } from "@/lib/auth/actor";
import { dayLabel } from "@/lib/directives/labels";
import { getCompiledReport } from "@/lib/directives/reports/queries";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { ReportCellBadge } from "@/components/directives/badges";
import { PrintButton } from "@/components/directives/print-button";

export const metadata: Metadata = { title: "Báo cáo tổng hợp" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function CompiledReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Search }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const id = idParam((await params).id);
  const raw = (await searchParams).ky;
  const requested = typeof raw === "string" && raw !== "" ? raw : null;
  const report = await getCompiledReport(actor, id, requested === "tat-ca" ? null : requested).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) return null;
    throw error;
  });
  if (!report) {
    return (
      <p className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-amber-900" data-testid="forbidden">
        Báo cáo tổng hợp dành cho Sở Nội vụ và lãnh đạo tỉnh. Báo cáo của cơ quan bạn xem ở trang văn bản.
      </p>
    );
  }
  // Without a choice, the latest period that has ended (what staff compile now); else every period.
  if (requested === null && report.latestEnded) redirect(`/van-ban/${id}/bao-cao?ky=${report.latestEnded.key}`);
  const periodParam = report.selected ? report.selected.key : "";
  const exportHref = (format: string) => `/api/v1/directives/${id}/report?format=${format}${periodParam ? `&period=${periodParam}` : ""}`;
  const heading = report.selected ? report.selected.label : "Tất cả các kỳ";
  const column = report.selected ? report.columns[0] : null;

  return (
    <div className="space-y-6">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <Link href={`/van-ban/${id}`} className="text-sm text-brand-700 hover:underline">
          ← {report.directive.kindLabel} {report.directive.number}
        </Link>
        <div className="flex flex-wrap gap-2 text-sm">
          <a href={exportHref("xlsx")} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100" data-testid="download-xlsx">
            Tải XLSX
          </a>
          <a href={exportHref("csv")} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
            Tải CSV
          </a>
          <PrintButton />
        </div>
      </div>

      <nav aria-label="Kỳ báo cáo" className="no-print flex flex-wrap gap-2 text-sm">
        {report.periods.map((p) => (
          <Link
            key={p.key}
            href={`/van-ban/${id}/bao-cao?ky=${p.key}`}
            aria-current={report.selected?.key === p.key ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${report.selected?.key === p.key ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 hover:bg-slate-100"}`}
          >
            {p.label}
          </Link>
        ))}
        <Link
          href={`/van-ban/${id}/bao-cao?ky=tat-ca`}
          aria-current={report.selected ? undefined : "page"}
          className={`rounded-full border px-3 py-1 ${report.selected ? "border-slate-300 hover:bg-slate-100" : "border-brand-600 bg-brand-600 text-white"}`}
        >
          Tất cả các kỳ
        </Link>
      </nav>

      <header className="text-center">
        <p className="text-sm uppercase tracking-wide text-slate-600">{report.directive.issuer}</p>
        <h1 className="mt-1 text-xl font-bold text-brand-900" data-testid="report-heading">
          Báo cáo tổng hợp tình hình thực hiện {report.directive.kindLabel} số {report.directive.number}
        </h1>
        <p className="text-slate-700">{report.directive.title}</p>
        <p className="mt-1 font-semibold">Kỳ báo cáo: {heading}</p>
        <p className="text-xs text-slate-500">
          {report.directive.issuedOn ? `Văn bản ngày ${dayLabel(report.directive.issuedOn)} · ` : ""}Tổng hợp lúc {formatDateTime(report.generatedAt)}
        </p>
      </header>

      {report.agencyCount === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4">Chưa có cơ quan nào phải báo cáo theo văn bản này.</p>
      ) : (
        <>
          <p className="text-sm" data-testid="report-summary">
            {column
              ? `${column.submitted}/${report.agencyCount} cơ quan đã báo cáo${column.missing > 0 ? `; ${column.missing} cơ quan chưa báo cáo dù kỳ đã kết thúc` : ""}.`
              : `${report.rows.filter((r) => r.state === "submitted").length} báo cáo đã gửi; ${report.missing} báo cáo còn thiếu ở các kỳ đã kết thúc.`}
          </p>
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full text-sm" data-testid="compiled-table">
              <thead className="bg-slate-100 text-left text-slate-700">
                <tr>
                  {report.selected ? null : <th scope="col" className="px-3 py-2">Kỳ</th>}
                  <th scope="col" className="px-3 py-2">Cơ quan, đơn vị</th>
                  <th scope="col" className="px-3 py-2">Tình trạng</th>
                  <th scope="col" className="px-3 py-2">Gửi lúc</th>
                  <th scope="col" className="px-3 py-2">Nội dung báo cáo</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.rows.map((row) => (
                  <tr key={`${row.period.key}-${row.agency.id}`} className="align-top" data-agency-id={row.agency.id}>
                    {report.selected ? null : <td className="px-3 py-2 whitespace-nowrap">{row.period.label}</td>}
                    <td className="px-3 py-2 font-medium">{row.agency.name}</td>
                    <td className="px-3 py-2">
                      <ReportCellBadge state={row.state} />
                    </td>
                    <td className="px-3 py-2 text-xs whitespace-nowrap">
                      {row.submittedAt ? formatDateTime(row.submittedAt) : "—"}
                      {row.submittedBy ? <div className="text-slate-500">{row.submittedBy}</div> : null}
                    </td>
                    <td className="px-3 py-2 whitespace-pre-line">{row.content ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
