import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { reachOf } from "@/lib/auth/policy";
import { getLeaderDashboard } from "@/lib/dashboards/leader/queries";
import { leaderDashboardParamsSchema, type SearchParams } from "@/lib/dashboards/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { LeaderDashboardView } from "@/components/dashboards/leader-dashboard";
import { Notice } from "@/components/dashboards/notice";

export const metadata: Metadata = { title: "Bảng điều khiển" };

export default async function LeaderDashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  // The dashboard is the leaders' and Home Affairs staff's; an agency head's is their agency's view.
  if (reachOf(actor.role, "province.read") === "agency") {
    return (
      <Notice title="Bảng điều khiển dành cho lãnh đạo tỉnh và Sở Nội vụ" testId="agency-head-landing">
        Thủ trưởng cơ quan theo dõi kết quả của cơ quan mình tại trang riêng:{" "}
        <Link href={`/co-quan/${actor.agencyId}`} className="font-semibold text-brand-700 underline" data-testid="own-agency-link">
          Kết quả của {actor.agencyName ?? "cơ quan"} →
        </Link>
      </Notice>
    );
  }
  const parsed = leaderDashboardParamsSchema.safeParse(await searchParams);
  if (!parsed.success) {
    return (
      <Notice title="Tham số không hợp lệ" tone="error">
        {parsed.error.issues[0].message}{" "}
        <Link href="/bang-dieu-khien" className="font-semibold underline">
          Mở lại bảng điều khiển
        </Link>
      </Notice>
    );
  }
  let data;
  try {
    data = await getLeaderDashboard(actor, { provinceId: parsed.data.tinh, year: parsed.data.nam });
  } catch (error) {
    if (error instanceof ForbiddenError) {
      return (
        <Notice title="Không có quyền xem" tone="error" testId="forbidden">
          Bạn chỉ xem được bảng điều khiển của tỉnh mình{actor.provinceName ? ` (${actor.provinceName})` : ""}.{" "}
          <Link href="/bang-dieu-khien" className="font-semibold underline">
            Mở bảng điều khiển của tỉnh mình
          </Link>
        </Notice>
      );
    }
    if (error instanceof NotFoundError) return <Notice title="Không tìm thấy" tone="error">{error.message}</Notice>;
    throw error;
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-brand-900">Bảng điều khiển CCHC{data.province ? ` · ${data.province.name}` : ""}</h1>
          {data.province ? (
            <p className="text-slate-600" data-testid="province-line">
              {data.province.label}
              {data.province.predecessors.length > 0 ? `, hình thành từ ${data.province.predecessors.join(" và ")}` : ""} · năm {data.year} ·{" "}
              <Link href={data.province.profilePath} className="no-print text-brand-700 hover:underline">
                Hồ sơ công khai của tỉnh
              </Link>
            </p>
          ) : (
            <p className="text-slate-600">Chọn một tỉnh, thành phố để xem.</p>
          )}
        </div>
        <form method="get" className="no-print flex flex-wrap items-end gap-3" aria-label="Chọn tỉnh và năm">
          {data.choices.length > 0 ? (
            <label className="text-sm">
              <span className="block text-slate-600">Tỉnh, thành phố</span>
              <select name="tinh" defaultValue={data.province ? String(data.province.id) : ""} className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
                <option value="">— Chọn —</option>
                {data.choices.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {data.province ? (
            <label className="text-sm">
              <span className="block text-slate-600">Năm</span>
              <select name="nam" defaultValue={String(data.year)} className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
                {data.years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
            Xem
          </button>
        </form>
      </div>
      {data.province ? <LeaderDashboardView data={{ ...data, province: data.province }} /> : null}
    </div>
  );
}
