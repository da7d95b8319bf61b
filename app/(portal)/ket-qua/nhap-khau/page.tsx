import type { Metadata } from "next";
import Link from "next/link";
import { currentActor } from "@/lib/auth/actor";
import { getImportOptions } from "@/lib/results/queries";
import { ResultImportForm } from "@/components/forms/result-import-form";

export const metadata: Metadata = { title: "Nhập khẩu bảng kết quả toàn quốc" };

export default async function ResultImportPage() {
  const actor = await currentActor();
  let options;
  try {
    options = await getImportOptions(actor);
  } catch (error) {
    if ((error as { status?: number }).status === 403) {
      return (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-800">
          Chỉ cán bộ Sở Nội vụ và quản trị hệ thống được nhập khẩu bảng kết quả.{" "}
          <Link href="/xep-hang" className="font-semibold underline">
            Xem bảng xếp hạng
          </Link>
        </div>
      );
    }
    throw error;
  }
  const lastYear = options.currentYear - 1;

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/ket-qua" className="text-brand-700 hover:underline">
            ← Kết quả công bố
          </Link>
        </p>
        <h1 className="text-2xl font-bold text-brand-900">Nhập khẩu bảng kết quả toàn quốc</h1>
        <p className="text-slate-600">
          Tải lên bảng kết quả của một năm do Bộ Nội vụ công bố (CSV UTF-8 hoặc Excel .xlsx). Hệ thống kiểm tra toàn bộ tệp và cho xem trước; dữ liệu
          chỉ được ghi khi mọi dòng hợp lệ và bạn bấm &quot;Nhập dữ liệu&quot;.
        </p>
      </div>

      <ResultImportForm maxBytes={options.maxImportBytes} />

      <section className="grid gap-4 lg:grid-cols-2">
        <div className="rounded-xl border border-slate-200 bg-white p-6 text-sm shadow-sm">
          <h2 className="font-semibold">Định dạng tệp</h2>
          <ul className="mt-2 list-inside list-disc space-y-1 text-slate-700">
            <li>
              Dòng 1 là tiêu đề, bắt buộc có các cột <code>year, index, unit_code, score, rank, source</code>; mỗi dòng sau là kết quả của một tỉnh, thành
              phố.
            </li>
            <li>
              Với PAR INDEX có thể thêm các cột thành phần <code>appraisal, sipas, leader_survey, socio_economic</code> (tối đa theo bộ chỉ số của năm); bỏ
              trống <code>score</code> thì điểm tổng là tổng các thành phần, nhập cả hai thì chênh lệch không quá 0,02. Cột <code>note</code> (ghi chú) và{" "}
              <code>unit_name</code> (tên, chỉ để đọc) không bắt buộc.
            </li>
            <li>
              Mọi dòng cùng một năm, không phải năm tương lai. <code>unit_code</code> là mã tỉnh của năm đó: đến năm 2024 là mã của 63 tỉnh cũ, từ 2025 là mã
              của 34 tỉnh mới.
            </li>
            <li>
              Điểm từ 0 đến 100, viết <code>92.18</code> hoặc <code>92,18</code>; <code>rank</code> là hạng công bố (để trống nếu nguồn không ghi);{" "}
              <code>source</code> là nguồn công bố (bắt buộc).
            </li>
            <li>Chỉ cần một dòng sai là cả tệp không được ghi; mọi lỗi được liệt kê theo dòng và cột.</li>
            {!options.canChangeOtherProvinces ? (
              <li>
                Cán bộ Sở Nội vụ nhập kết quả của tỉnh mình (kể cả các đơn vị cũ đã hợp thành tỉnh); chỉ quản trị hệ thống nhập kết quả của tỉnh khác vào
                bảng toàn quốc. Dòng của tỉnh khác giữ nguyên giá trị đang lưu (như trong tệp xuất) vẫn được chấp nhận.
              </li>
            ) : null}
          </ul>
        </div>

        <div className="rounded-xl border border-slate-200 bg-white p-6 text-sm shadow-sm">
          <h2 className="font-semibold">Tải mẫu hoặc bảng hiện có</h2>
          <p className="mt-1 text-slate-600">
            Tệp tải về có đúng các cột của mẫu nhập: sửa rồi tải lên lại. Năm chưa có dữ liệu cho ra tệp mẫu chỉ có dòng tiêu đề.
          </p>
          <form method="get" action="/api/v1/exports/results" className="mt-3 flex flex-wrap items-end gap-3" aria-label="Tải bảng kết quả">
            <label>
              <span className="block text-slate-600">Chỉ số</span>
              <select name="index" defaultValue="PAR_INDEX" className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
                {options.indices.map((index) => (
                  <option key={index.code} value={index.code}>
                    {index.shortName}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span className="block text-slate-600">Năm</span>
              <input
                name="year"
                type="number"
                min={2000}
                max={options.currentYear}
                defaultValue={lastYear}
                className="w-24 rounded-md border border-slate-300 bg-white px-2 py-1.5"
              />
            </label>
            <label>
              <span className="block text-slate-600">Định dạng</span>
              <select name="format" defaultValue="xlsx" className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
                <option value="xlsx">Excel (.xlsx)</option>
                <option value="csv">CSV (UTF-8)</option>
              </select>
            </label>
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-semibold hover:bg-slate-100">
              Tải về
            </button>
          </form>
          {options.tables.length > 0 ? (
            <>
              <h3 className="mt-4 font-medium">Các bảng đã có</h3>
              <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {options.tables.map((table) => (
                  <li key={`${table.indexCode}-${table.year}`}>
                    <a href={`/api/v1/exports/results?index=${table.indexCode}&year=${table.year}&format=xlsx`} className="text-brand-700 hover:underline">
                      {table.indexCode.replace(/_/g, " ")} {table.year}
                    </a>{" "}
                    <span className="text-slate-500">({table.rows} tỉnh)</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </section>
    </div>
  );
}
