import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { reachOf } from "@/lib/auth/policy";
import { listAgencies } from "@/lib/dashboards/agency/queries";
import { agencyListParamsSchema, type SearchParams } from "@/lib/dashboards/schema";
import { ForbiddenError } from "@/lib/errors";
import { IllustrativeBadge } from "@/components/assessments/badges";
import { Notice } from "@/components/dashboards/notice";

export const metadata: Metadata = { title: "Cơ quan, đơn vị" };

// The landing of the agency views: an agency head goes straight to their agency; the agency
// switch of an agency's page (a GET form) lands here with ?co-quan=<id>.
export default async function AgenciesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const parsed = agencyListParamsSchema.safeParse(await searchParams);
  if (!parsed.success) return <Notice title="Tham số không hợp lệ" tone="error">{parsed.error.issues[0].message}</Notice>;
  const year = parsed.data.nam ? `?nam=${parsed.data.nam}` : "";
  if (parsed.data["co-quan"]) redirect(`/co-quan/${parsed.data["co-quan"]}${year}`);
  if (reachOf(actor.role, "province.read") === "agency" && actor.agencyId !== null) redirect(`/co-quan/${actor.agencyId}${year}`);

  let agencies;
  try {
    agencies = await listAgencies(actor, parsed.data.tinh ?? actor.provinceId);
  } catch (error) {
    if (error instanceof ForbiddenError) return <Notice title="Không có quyền xem" tone="error">Bạn chỉ xem được các cơ quan, đơn vị của tỉnh mình.</Notice>;
    throw error;
  }
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-900">Cơ quan, đơn vị</h1>
      {agencies.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-5 text-slate-700">
          {reachOf(actor.role, "province.read") === "all" && !parsed.data.tinh
            ? (
              <>
                Chọn một tỉnh trên{" "}
                <Link href="/bang-dieu-khien" className="font-semibold text-brand-700 underline">
                  bảng điều khiển
                </Link>
                , rồi mở cơ quan, đơn vị trong bảng xếp hạng cơ quan của tỉnh.
              </>
            )
            : "Tỉnh chưa có cơ quan, đơn vị nào trong dữ liệu."}
        </p>
      ) : (
        <ul className="grid gap-2 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:grid-cols-2">
          {agencies.map((agency) => (
            <li key={agency.id}>
              <Link href={`/co-quan/${agency.id}${year}`} className="text-brand-700 hover:underline">
                {agency.name}
              </Link>
              {agency.isDemo ? <IllustrativeBadge label="Đơn vị demo" /> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
