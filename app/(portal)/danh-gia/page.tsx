import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { holds } from "@/lib/auth/policy";
import { listPeriods } from "@/lib/assessments/periods/queries";
import { PERIOD_STATUS_LABELS } from "@/lib/assessments/workflow";
import { formatDateTime } from "@/lib/format";
import { IllustrativeBadge } from "@/components/assessments/badges";

export const metadata: Metadata = { title: "Đánh giá nội bộ" };

export default async function PeriodsPage() {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const periods = await listPeriods(actor);
  const canOpen = holds(actor, "assessment.manage");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-brand-900">Đánh giá Chỉ số CCHC các cơ quan, đơn vị</h1>
          <p className="text-slate-600">Tự chấm điểm, thẩm định hai vòng, giải trình và công bố kết quả xếp hạng trong tỉnh.</p>
        </div>
        {canOpen ? (
          <Link href="/danh-gia/mo-ky" className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
            Mở kỳ đánh giá
          </Link>
        ) : null}
      </div>
      {periods.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4">Chưa có kỳ đánh giá nào.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">Năm</th>
                <th scope="col" className="px-3 py-2">Tỉnh</th>
                <th scope="col" className="px-3 py-2">Bộ chỉ số</th>
                <th scope="col" className="px-3 py-2">Hạn tự chấm</th>
                <th scope="col" className="px-3 py-2">Trạng thái</th>
                <th scope="col" className="px-3 py-2 text-right">Đã chốt điểm</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {periods.map((p) => (
                <tr key={p.id}>
                  <td className="px-3 py-2 font-semibold">
                    <Link href={`/danh-gia/${p.id}`} className="text-brand-700 hover:underline">
                      Năm {p.year}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{p.provinceName}</td>
                  <td className="px-3 py-2">
                    {p.frameworkName} {p.frameworkIllustrative || p.isDemo ? <IllustrativeBadge /> : null}
                  </td>
                  <td className="px-3 py-2 tabular-nums">{formatDateTime(p.deadline)}</td>
                  <td className="px-3 py-2">{PERIOD_STATUS_LABELS[p.status]}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {p.finalizedCount}/{p.agencyCount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
