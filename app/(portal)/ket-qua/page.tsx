import type { Metadata } from "next";
import Link from "next/link";
import { currentActor } from "@/lib/auth/actor";
import { getProvinceResults } from "@/lib/results/queries";
import { ProvinceResultsTable } from "@/components/tables/province-results-table";

export const metadata: Metadata = { title: "Kết quả công bố" };

export default async function ResultsPage({ searchParams }: { searchParams: Promise<{ tinh?: string }> }) {
  const { tinh } = await searchParams;
  const requested = tinh && /^\d+$/.test(tinh) ? Number(tinh) : null;
  const actor = await currentActor();
  let view;
  try {
    view = await getProvinceResults(actor, requested);
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 404) {
      return (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-800">
          {status === 403
            ? "Trang này dành cho cán bộ Sở Nội vụ và quản trị hệ thống: bạn không có quyền nhập kết quả công bố."
            : (error as Error).message}{" "}
          <Link href="/xep-hang" className="font-semibold underline">
            Xem bảng xếp hạng
          </Link>
        </div>
      );
    }
    throw error;
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-brand-900">Kết quả công bố</h1>
          <p className="text-slate-600">
            Kết quả PAR INDEX, SIPAS do Bộ Nội vụ công bố hằng năm
            {view.province ? (
              <>
                {" "}
                của <strong data-testid="province">{view.province.label}</strong>
              </>
            ) : null}
            .
          </p>
          {view.province && view.province.history.length > 0 ? (
            <p className="mt-1 text-sm text-slate-500">
              Gồm cả kết quả của các đơn vị trước sáp nhập: {view.province.history.join("; ")} (mỗi đơn vị một dòng, không cộng gộp).
            </p>
          ) : null}
        </div>
        <div className="no-print flex flex-wrap gap-2 text-sm">
          <Link href="/ket-qua/nhap" className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700">
            Nhập kết quả
          </Link>
          <Link href="/ket-qua/nhap-khau" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-semibold hover:bg-slate-100">
            Nhập khẩu bảng toàn quốc
          </Link>
        </div>
      </div>

      {view.choices.length > 0 ? (
        <form method="get" className="no-print flex flex-wrap items-end gap-3" aria-label="Chọn tỉnh, thành phố">
          <label className="text-sm">
            <span className="block text-slate-600">Tỉnh, thành phố</span>
            <select name="tinh" defaultValue={view.province ? String(view.province.id) : ""} className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
              <option value="" disabled>
                — Chọn tỉnh, thành phố —
              </option>
              {view.choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
            Xem
          </button>
        </form>
      ) : null}

      {!view.province ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">Chọn một tỉnh, thành phố để xem và sửa kết quả đã công bố.</p>
      ) : (
        view.indices.map((index) => (
          <section key={index.code} className="space-y-2" aria-labelledby={`index-${index.code}`}>
            <h2 id={`index-${index.code}`} className="text-lg font-semibold">
              {index.shortName}
            </h2>
            {index.rows.length === 0 ? (
              <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">Chưa có kết quả {index.shortName} nào.</p>
            ) : (
              <ProvinceResultsTable rows={index.rows} />
            )}
          </section>
        ))
      )}
      <p className="text-xs text-slate-500">
        Hạng là hạng công bố khi nguồn có ghi; nếu không, hạng được tính từ điểm của các tỉnh đã có trong dữ liệu năm đó (bằng điểm thì cùng hạng) hoặc hiển
        thị dưới dạng khoảng khi bảng chưa đầy đủ. Dấu ⚠ đánh dấu hạng công bố khác hạng tính từ điểm.
      </p>
    </div>
  );
}
