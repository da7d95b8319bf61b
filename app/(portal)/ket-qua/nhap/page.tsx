import type { Metadata } from "next";
import Link from "next/link";
import { currentActor } from "@/lib/auth/actor";
import { getResultEntry } from "@/lib/results/queries";
import { currentYearInVietnam } from "@/lib/time";
import { indexCodeSchema, yearSchema } from "@/lib/results/schema";
import { ResultForm } from "@/components/forms/result-form";

export const metadata: Metadata = { title: "Nhập kết quả công bố" };

type Search = { id?: string; index?: string; year?: string };

export default async function ResultEntryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const actor = await currentActor();
  let entry;
  try {
    if (params.id !== undefined) {
      if (!/^\d+$/.test(params.id)) return <ErrorBox message="Đường dẫn sửa kết quả không hợp lệ: mở lại từ danh sách kết quả." />;
      entry = await getResultEntry(actor, { id: Number(params.id) });
    } else {
      const index = indexCodeSchema.safeParse(params.index ?? "PAR_INDEX");
      if (!index.success) return <ErrorBox message={index.error.issues[0].message} />;
      const year = yearSchema.safeParse(params.year ?? String(currentYearInVietnam() - 1));
      if (!year.success) return <ErrorBox message={year.error.issues[0].message} />;
      entry = await getResultEntry(actor, { indexCode: index.data, year: year.data });
    }
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403) return <ErrorBox message="Bạn chỉ được nhập, sửa kết quả của tỉnh mình; quản trị hệ thống nhập được cho mọi tỉnh." />;
    if (status === 400 || status === 404) return <ErrorBox message={(error as Error).message} />;
    throw error;
  }

  const editing = entry.result !== null;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/ket-qua" className="text-brand-700 hover:underline">
            ← Kết quả công bố
          </Link>
        </p>
        <h1 className="text-2xl font-bold text-brand-900">
          {editing ? "Sửa" : "Nhập"} kết quả {entry.index.shortName} năm {entry.year}
        </h1>
        <p className="text-slate-600">{entry.index.nameVi}, theo số liệu Bộ Nội vụ công bố. Mọi thay đổi được ghi nhật ký.</p>
      </div>

      {!editing ? (
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Chọn chỉ số và năm">
          <label className="text-sm">
            <span className="block text-slate-600">Chỉ số</span>
            <select name="index" defaultValue={entry.index.code} className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
              {entry.indices.map((index) => (
                <option key={index.code} value={index.code}>
                  {index.shortName}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block text-slate-600">Năm</span>
            <input
              name="year"
              type="number"
              min={2000}
              max={entry.currentYear}
              defaultValue={entry.year}
              className="w-28 rounded-md border border-slate-300 bg-white px-2 py-1.5"
            />
          </label>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-100">
            Đổi chỉ số, năm
          </button>
        </form>
      ) : null}

      {entry.year > entry.currentYear ? (
        <ErrorBox message={`Năm ${entry.year} chưa đến: chưa có kết quả công bố.`} />
      ) : entry.units.length === 0 ? (
        <ErrorBox message={`Tỉnh của bạn không có đơn vị nào trong năm ${entry.year}: chọn năm khác.`} />
      ) : (
        <>
          {!entry.framework ? (
            <p className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
              Chưa có bộ chỉ số {entry.index.shortName} áp dụng cho năm {entry.year}: chỉ nhập được điểm tổng.
            </p>
          ) : null}
          <ResultForm key={`${entry.index.code}-${entry.year}-${entry.result?.id ?? "new"}-${entry.result?.version ?? ""}`} entry={entry} />
        </>
      )}
    </div>
  );
}

function ErrorBox({ message }: { message: string }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-800">
      {message}{" "}
      <Link href="/ket-qua" className="font-semibold underline">
        Về danh sách kết quả
      </Link>
    </div>
  );
}
