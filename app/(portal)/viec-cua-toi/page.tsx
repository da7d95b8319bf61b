import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { dayLabel } from "@/lib/directives/labels";
import { getMyWork } from "@/lib/my-work/queries";
import { formatPoints, formatScore } from "@/lib/format";
import { OverdueBadge, ReportCellBadge, TaskStatusBadge } from "@/components/directives/badges";

export const metadata: Metadata = { title: "Việc của tôi" };

const BASIS = { final: "điểm cuối cùng", appraised: "điểm thẩm định", self: "điểm tự chấm" } as const;

export default async function MyWorkPage() {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const work = await getMyWork(actor);
  const isAgency = work.forAgency;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-brand-900">Việc của tôi</h1>
        <p className="text-slate-600">
          {isAgency
            ? `${work.agencyName ?? "Cơ quan"}: nhiệm vụ đang thực hiện, báo cáo cần gửi và các tiêu chí nhiệm vụ cần cải thiện. Hôm nay ${dayLabel(work.today)}.`
            : `Nhiệm vụ quá hạn hoặc đến hạn trong 30 ngày và báo cáo định kỳ còn thiếu của các văn bản chỉ đạo trong tỉnh. Hôm nay ${dayLabel(work.today)}.`}
        </p>
      </div>

      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="my-tasks">
        <h2 id="my-tasks" className="text-lg font-semibold">
          {isAgency ? "Nhiệm vụ đang thực hiện" : "Nhiệm vụ cần đôn đốc"}
        </h2>
        {work.tasks.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">Không có nhiệm vụ nào đang chờ.</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="my-tasks">
              <thead className="bg-slate-100 text-left text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2">Văn bản</th>
                  <th scope="col" className="px-3 py-2">Nhiệm vụ</th>
                  {isAgency ? <th scope="col" className="px-3 py-2">Vai trò</th> : null}
                  <th scope="col" className="px-3 py-2">Hạn</th>
                  <th scope="col" className="px-3 py-2">Tình trạng</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {work.tasks.map((t) => (
                  <tr key={t.id} className={`align-top ${t.overdue ? "bg-red-50" : ""}`} data-task-id={t.id}>
                    <td className="px-3 py-2 whitespace-nowrap">
                      <Link href={`/van-ban/${t.directive.id}`} className="font-medium text-brand-700 hover:underline">
                        {t.directive.number}
                      </Link>
                    </td>
                    <td className="max-w-lg px-3 py-2">{t.title}</td>
                    {isAgency ? <td className="px-3 py-2">{t.part === "lead" ? "Chủ trì" : "Phối hợp"}</td> : null}
                    <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                      {dayLabel(t.dueOn)}
                      {t.overdue ? (
                        <div className="mt-1">
                          <OverdueBadge days={t.daysOverdue} />
                        </div>
                      ) : null}
                    </td>
                    <td className="px-3 py-2">
                      <TaskStatusBadge status={t.status} /> <span className="text-xs tabular-nums text-slate-600">{t.progressPercent}%</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="my-reports">
        <h2 id="my-reports" className="text-lg font-semibold">
          {isAgency ? "Báo cáo định kỳ cần gửi" : "Báo cáo định kỳ còn thiếu"}
        </h2>
        {work.reportsDue.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">Không có báo cáo nào còn thiếu.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm" data-testid="my-reports">
            {work.reportsDue.map((r) => (
              <li key={`${r.directive.id}-${r.agency.id}-${r.period.key}`} className="flex flex-wrap items-center gap-2">
                <ReportCellBadge state={r.state} />
                <span>
                  {r.period.label} (đến {dayLabel(r.period.end)}){isAgency ? "" : ` · ${r.agency.name}`}
                </span>
                <Link href={`/van-ban/${r.directive.id}`} className="text-brand-700 hover:underline">
                  {r.directive.number}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      {isAgency ? (
        <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="my-criteria">
          <h2 id="my-criteria" className="text-lg font-semibold">
            Tiêu chí nhiệm vụ cần cải thiện
          </h2>
          <p className="mt-1 text-sm text-slate-600">Các tiêu chí mà nhiệm vụ đang thực hiện nhắm tới, với điểm gần nhất của cơ quan; tiêu chí chưa đạt điểm tối đa đứng trước.</p>
          {work.weakCriteria.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">Nhiệm vụ đang thực hiện chưa gắn với tiêu chí nào.</p>
          ) : (
            <div className="mt-3 overflow-x-auto">
              <table className="min-w-full text-sm" data-testid="my-criteria">
                <thead className="bg-slate-100 text-left text-slate-700">
                  <tr>
                    <th scope="col" className="px-3 py-2">Tiêu chí</th>
                    <th scope="col" className="px-3 py-2 text-right">Điểm tối đa</th>
                    <th scope="col" className="px-3 py-2 text-right">Điểm gần nhất</th>
                    <th scope="col" className="px-3 py-2 text-right">Còn thiếu</th>
                    <th scope="col" className="px-3 py-2">Nhiệm vụ</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {work.weakCriteria.map((c) => (
                    <tr key={c.id} className="align-top" data-code={c.code}>
                      <td className="px-3 py-2">
                        <span className="font-medium">{c.code}</span> {c.name}
                        <div className="text-xs text-slate-500">{c.framework}</div>
                      </td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatPoints(c.maxPoints)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">
                        {c.score === null ? "—" : formatScore(c.score)}
                        {c.basis ? (
                          <div className="text-xs text-slate-500">
                            {BASIS[c.basis]} {c.year}
                          </div>
                        ) : null}
                      </td>
                      <td className={`px-3 py-2 text-right tabular-nums ${c.pointsLost ? "font-semibold text-red-700" : ""}`}>{c.pointsLost === null ? "—" : formatScore(c.pointsLost)}</td>
                      <td className="px-3 py-2 text-xs">{c.tasks.join("; ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
}
