import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { dayLabel, DIRECTIVE_KIND_LABELS, DIRECTIVE_KINDS } from "@/lib/directives/labels";
import { listDirectives } from "@/lib/directives/queries";
import { STATUS_FILTER_LABELS, STATUS_FILTERS } from "@/lib/directives/rules";
import { listFiltersSchema } from "@/lib/directives/schema";
import { ProgressBadge, TargetsOverallBadge } from "@/components/directives/badges";

export const metadata: Metadata = { title: "Văn bản chỉ đạo" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const select = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export default async function DirectivesPage({ searchParams }: { searchParams: Search }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const raw = await searchParams;
  const filters = listFiltersSchema.parse({ q: one(raw.q), year: one(raw.year), kind: one(raw.kind), issuer: one(raw.issuer), status: one(raw.status) });
  const list = await listDirectives(actor, filters);
  const filtered = Boolean(filters.q || filters.year || filters.kind || filters.issuer || filters.status);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-brand-900">Văn bản chỉ đạo, chỉ tiêu và nhiệm vụ</h1>
          <p className="text-slate-600">Quyết định, kế hoạch, công văn về cải cách hành chính: chỉ tiêu, nhiệm vụ được giao và báo cáo định kỳ của các cơ quan.</p>
        </div>
        {list.canCreate ? (
          <Link href="/van-ban/moi" className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
            Thêm văn bản
          </Link>
        ) : null}
      </div>

      <form method="get" className="no-print grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-6" role="search" data-testid="directive-filters">
        <div className="sm:col-span-2">
          <label htmlFor="q" className="text-sm font-medium text-slate-700">
            Tìm theo số, ký hiệu hoặc trích yếu
          </label>
          <input id="q" name="q" defaultValue={filters.q ?? ""} placeholder="ví dụ 4183 hoặc SIPAS" className={select} />
        </div>
        <div>
          <label htmlFor="year" className="text-sm font-medium text-slate-700">
            Năm
          </label>
          <select id="year" name="year" defaultValue={filters.year ?? ""} className={select}>
            <option value="">Tất cả</option>
            {list.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="kind" className="text-sm font-medium text-slate-700">
            Loại
          </label>
          <select id="kind" name="kind" defaultValue={filters.kind ?? ""} className={select}>
            <option value="">Tất cả</option>
            {DIRECTIVE_KINDS.map((k) => (
              <option key={k} value={k}>
                {DIRECTIVE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="issuer" className="text-sm font-medium text-slate-700">
            Cơ quan ban hành
          </label>
          <select id="issuer" name="issuer" defaultValue={filters.issuer ?? ""} className={select}>
            <option value="">Tất cả</option>
            {list.issuers.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="text-sm font-medium text-slate-700">
            Tình trạng
          </label>
          <select id="status" name="status" defaultValue={filters.status ?? ""} className={select}>
            <option value="">Tất cả</option>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {STATUS_FILTER_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-3 sm:col-span-6">
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
            Lọc
          </button>
          {filtered ? (
            <Link href="/van-ban" className="text-sm text-brand-700 hover:underline">
              Bỏ lọc
            </Link>
          ) : null}
          <p className="ml-auto text-xs text-slate-500">
            Tình trạng: quá hạn khi có nhiệm vụ chưa xong đã qua hạn (giờ Việt Nam); chỉ tiêu theo kết quả công bố và điểm nội bộ.
          </p>
        </div>
      </form>

      {list.items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4" data-testid="no-directives">
          {filtered ? "Không có văn bản nào khớp bộ lọc." : "Chưa có văn bản nào."}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full text-sm" data-testid="directive-table">
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">Số, ký hiệu</th>
                <th scope="col" className="px-3 py-2">Trích yếu</th>
                <th scope="col" className="px-3 py-2">Ban hành</th>
                <th scope="col" className="px-3 py-2">Năm</th>
                <th scope="col" className="px-3 py-2">Nhiệm vụ</th>
                <th scope="col" className="px-3 py-2">Chỉ tiêu</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.items.map((d) => (
                <tr key={d.id} data-number={d.number} className="align-top">
                  <td className="px-3 py-2 font-semibold whitespace-nowrap">
                    <Link href={`/van-ban/${d.id}`} className="text-brand-700 hover:underline">
                      {d.number}
                    </Link>
                    <div className="text-xs font-normal text-slate-500">{d.kindLabel}</div>
                  </td>
                  <td className="max-w-md px-3 py-2">{d.title}</td>
                  <td className="px-3 py-2">
                    {d.issuer}
                    <div className="text-xs text-slate-500">{d.issuedOn ? dayLabel(d.issuedOn) : "Chưa rõ ngày"}</div>
                  </td>
                  <td className="px-3 py-2 tabular-nums">{d.years.join(", ")}</td>
                  <td className="px-3 py-2">
                    <ProgressBadge progress={d.progress} />
                    {d.taskCount > 0 ? (
                      <div className="mt-1 text-xs text-slate-600">
                        {d.doneCount}/{d.taskCount} hoàn thành {d.overdueCount > 0 ? <span className="font-semibold text-red-700">· {d.overdueCount} quá hạn</span> : null}
                      </div>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">
                    <TargetsOverallBadge overall={d.targets} />
                    {d.targetCount > 0 ? <div className="mt-1 text-xs text-slate-600">{d.targetCount} chỉ tiêu</div> : null}
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
