import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { holds, reachOf } from "@/lib/auth/policy";
import { openingOptions, provincesWithInternalFrameworks } from "@/lib/assessments/periods/queries";
import { openPeriodAction } from "@/lib/assessments/actions";
import { ActionForm } from "@/components/forms/action-form";

export const metadata: Metadata = { title: "Mở kỳ đánh giá" };

const KIND_LABEL = { DEPARTMENT: "Sở, ban, ngành", DISTRICT: "UBND cấp huyện", COMMUNE: "UBND cấp xã" } as const;

export default async function OpenPeriodPage({ searchParams }: { searchParams: Promise<{ tinh?: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const chosen = Number((await searchParams).tinh) || null;
  // Whoever manages every province's assessments picks one; Home Affairs staff open their own.
  const everywhere = reachOf(actor.role, "assessment.manage") === "all";
  const provinceId = everywhere ? chosen : actor.provinceId;
  if (everywhere && !provinceId) {
    const provinces = await provincesWithInternalFrameworks(actor);
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold text-brand-900">Mở kỳ đánh giá: chọn tỉnh</h1>
        <ul className="list-inside list-disc">
          {provinces.map((p) => (
            <li key={p.id}>
              <Link href={`/danh-gia/mo-ky?tinh=${p.id}`} className="text-brand-700 hover:underline">
                {p.name}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (!provinceId || !holds(actor, "assessment.manage")) {
    return <p className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-800">Chỉ cán bộ Sở Nội vụ hoặc quản trị viên được mở kỳ đánh giá.</p>;
  }
  const options = await openingOptions(actor, provinceId);
  const nextYear = new Date().getFullYear();
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-brand-900">Mở kỳ đánh giá</h1>
        <p className="text-slate-600">Chọn bộ chỉ số, năm, hạn tự chấm điểm và các cơ quan, đơn vị được đánh giá.</p>
      </div>
      {options.frameworks.length === 0 ? (
        <p className="rounded-lg border border-amber-200 bg-amber-50 p-4">Tỉnh chưa có bộ chỉ số đánh giá nội bộ. Quản trị viên tạo bộ chỉ số trước.</p>
      ) : (
        <ActionForm action={openPeriodAction} submitLabel="Mở kỳ đánh giá" className="space-y-5 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" testId="open-period">
          <label className="block">
            <span className="block text-sm font-medium">Bộ chỉ số</span>
            <select name="frameworkId" className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5">
              {options.frameworks.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name} (phiên bản {f.version}, từ {f.validFromYear}
                  {f.validToYear ? ` đến ${f.validToYear}` : ""})
                </option>
              ))}
            </select>
          </label>
          <div className="flex flex-wrap gap-4">
            <label className="block">
              <span className="block text-sm font-medium">Năm đánh giá</span>
              <input name="year" type="number" defaultValue={nextYear} min={2000} max={2100} className="mt-1 w-32 rounded-md border border-slate-300 px-2 py-1.5" />
            </label>
            <label className="block">
              <span className="block text-sm font-medium">Hạn tự chấm điểm (hết ngày, giờ Việt Nam)</span>
              <input name="deadline" type="date" required className="mt-1 rounded-md border border-slate-300 px-2 py-1.5" />
            </label>
          </div>
          <fieldset>
            <legend className="text-sm font-medium">Cơ quan, đơn vị được đánh giá</legend>
            <div className="mt-2 grid gap-1 sm:grid-cols-2">
              {options.agencies.map((a) => (
                <label key={a.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="agencyIds" value={a.id} defaultChecked />
                  {a.name} <span className="text-xs text-slate-500">({KIND_LABEL[a.kind]})</span>
                </label>
              ))}
            </div>
          </fieldset>
        </ActionForm>
      )}
    </div>
  );
}
