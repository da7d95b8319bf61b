import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { idParam } from "@/lib/api/params";
import { currentActor } from "@/lib/auth/actor";
import { getPeriod } from "@/lib/assessments/periods/queries";
import { importScoresAction, publishAction } from "@/lib/assessments/actions";
import { PERIOD_STATUS_LABELS } from "@/lib/assessments/workflow";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { formatDateTime, formatScore } from "@/lib/format";
import { ActionForm } from "@/components/forms/action-form";
import { IllustrativeBadge, StatusBadge } from "@/components/assessments/badges";

export const metadata: Metadata = { title: "Kỳ đánh giá" };

export default async function PeriodPage({ params }: { params: Promise<{ periodId: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const period = await getPeriod(actor, idParam((await params).periodId)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  });
  const published = period.status === "PUBLISHED";
  return (
    <div className="space-y-6">
      <div>
        <Link href="/danh-gia" className="text-sm text-brand-700 hover:underline">
          ← Các kỳ đánh giá
        </Link>
        <h1 className="mt-1 text-2xl font-bold text-brand-900">
          Đánh giá năm {period.year} · {period.provinceName}
        </h1>
        <p className="text-slate-600">
          {period.framework.name}
          {period.framework.isIllustrative || period.isDemo ? <IllustrativeBadge /> : null} · Hạn tự chấm: {formatDateTime(period.deadline)} ·{" "}
          {PERIOD_STATUS_LABELS[period.status]}
          {period.publishedAt ? ` ngày ${formatDateTime(period.publishedAt)}` : ""}
        </p>
      </div>

      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full text-sm" data-testid="period-table">
          <thead className="bg-slate-100 text-left text-slate-700">
            <tr>
              {published ? <th scope="col" className="px-3 py-2">Hạng</th> : null}
              <th scope="col" className="px-3 py-2">Cơ quan, đơn vị</th>
              <th scope="col" className="px-3 py-2">Trạng thái</th>
              <th scope="col" className="px-3 py-2 text-right">Tự chấm</th>
              <th scope="col" className="px-3 py-2 text-right">Thẩm định</th>
              <th scope="col" className="px-3 py-2 text-right">Điểm cuối cùng</th>
              <th scope="col" className="px-3 py-2">Xếp loại</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {period.assessments.map((a) => (
              <tr key={a.id} data-agency={a.agencyCode}>
                {published ? <td className="px-3 py-2 font-semibold tabular-nums">{a.rank ?? "—"}</td> : null}
                <td className="px-3 py-2 font-medium">
                  <Link href={`/danh-gia/phieu/${a.id}`} className="text-brand-700 hover:underline">
                    {a.agencyName}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  <StatusBadge status={a.status} />
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatScore(a.selfTotal)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatScore(a.appraisedTotal)}</td>
                <td className="px-3 py-2 text-right font-semibold tabular-nums">{formatScore(a.finalTotal)}</td>
                <td className="px-3 py-2">{a.classification ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section className="no-print grid gap-4 md:grid-cols-2">
        <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="font-semibold">Xuất điểm</h2>
          <p className="mt-1 text-sm text-slate-600">Mỗi dòng một tiêu chí thành phần: mã, tên, điểm tối đa, điểm tự chấm, điểm thẩm định, nhận xét.</p>
          <div className="mt-3 flex gap-3 text-sm">
            <a href={`/api/v1/assessment-periods/${period.id}/scores?format=xlsx`} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
              Tải XLSX
            </a>
            <a href={`/api/v1/assessment-periods/${period.id}/scores?format=csv`} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
              Tải CSV
            </a>
          </div>
        </div>
        {!published ? (
          <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="font-semibold">Nhập điểm từ tệp</h2>
            <p className="mt-1 text-sm text-slate-600">
              Cùng định dạng với tệp xuất. Phiếu đang tự chấm nhận điểm tự chấm; phiếu đang thẩm định nhận điểm thẩm định. Có lỗi ở bất kỳ dòng nào thì không ghi gì.
            </p>
            <ActionForm action={importScoresAction} submitLabel="Nhập" className="mt-3 flex flex-wrap items-center gap-3 text-sm" testId="import-scores">
              <input type="hidden" name="periodId" value={period.id} />
              <input type="file" name="file" accept=".xlsx,.csv" required className="text-sm" />
              <label className="flex items-center gap-1">
                <input type="checkbox" name="dryRun" value="1" defaultChecked /> Chỉ kiểm tra
              </label>
            </ActionForm>
          </div>
        ) : null}
        {period.canManage && !published ? (
          <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="font-semibold">Công bố kết quả</h2>
            <p className="mt-1 text-sm text-slate-600">
              Khi mọi cơ quan đã chốt điểm: xếp hạng theo điểm cuối cùng và xếp loại theo ngưỡng của bộ chỉ số (
              {period.framework.gradeBands.map((b) => `${b.label} ≥ ${formatScore(b.minScore)}`).join("; ")}).
            </p>
            <ActionForm action={publishAction} submitLabel="Công bố" className="mt-3 flex flex-wrap items-end gap-2" testId="publish">
              <input type="hidden" name="periodId" value={period.id} />
              <input type="hidden" name="version" value={period.version} />
            </ActionForm>
          </div>
        ) : null}
      </section>
    </div>
  );
}
