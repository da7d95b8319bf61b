"use client";
// Small framework forms: grade bands, published components, and importing the tree from a file.
import { importTreeAction, setComponentsAction, setGradeBandsAction } from "@/lib/frameworks/actions";
import { formatPoints } from "@/lib/format";
import { Feedback, useFormAction } from "@/components/forms/form-kit";

const CELL = "w-full rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100";
const SUBMIT = "rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60";
const points = (n: number) => formatPoints(n).replace(/\./g, "");
/** Room to add rows; blank rows are left out when saved. */
const BLANK_ROWS = 2;

type Target = { frameworkId: number; revision: number };

function Hidden({ frameworkId, revision }: Target) {
  return (
    <>
      <input type="hidden" name="frameworkId" value={frameworkId} />
      <input type="hidden" name="revision" value={revision} />
    </>
  );
}

export function GradeBandsForm({ bands, ...target }: Target & { bands: { label: string; minScore: number }[] }) {
  const { state, pending, onSubmit } = useFormAction(setGradeBandsAction);
  const rows = [...bands, ...Array.from({ length: BLANK_ROWS }, () => null)];
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label="Sửa xếp loại">
      <Hidden {...target} />
      <table className="w-full text-sm">
        <thead className="text-left text-slate-600">
          <tr>
            <th className="py-1 pr-2 font-medium">Xếp loại</th>
            <th className="py-1 font-medium">Từ điểm</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((band, i) => (
            <tr key={i}>
              <td className="py-1 pr-2">
                <input name={`bands.${i}.label`} defaultValue={band?.label ?? ""} aria-label={`Xếp loại dòng ${i + 1}`} className={CELL} />
              </td>
              <td className="py-1">
                <input name={`bands.${i}.minScore`} defaultValue={band ? points(band.minScore) : ""} inputMode="decimal" aria-label={`Điểm tối thiểu dòng ${i + 1}`} className={CELL} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-500">Để trống một dòng để xóa xếp loại đó.</p>
      <Feedback state={state} />
      <button type="submit" disabled={pending} className={SUBMIT}>
        {pending ? "Đang lưu…" : "Lưu xếp loại"}
      </button>
    </form>
  );
}

export function ComponentsForm({ components, ...target }: Target & { components: { code: string; nameVi: string; maxPoints: number }[] }) {
  const { state, pending, onSubmit } = useFormAction(setComponentsAction);
  const rows = [...components, ...Array.from({ length: BLANK_ROWS }, () => null)];
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label="Sửa thành phần điểm">
      <Hidden {...target} />
      <table className="w-full text-sm">
        <thead className="text-left text-slate-600">
          <tr>
            <th className="py-1 pr-2 font-medium">Mã</th>
            <th className="py-1 pr-2 font-medium">Tên thành phần</th>
            <th className="py-1 font-medium">Điểm tối đa</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c, i) => (
            <tr key={i}>
              <td className="w-32 py-1 pr-2">
                <input name={`components.${i}.code`} defaultValue={c?.code ?? ""} aria-label={`Mã thành phần dòng ${i + 1}`} className={CELL} />
              </td>
              <td className="py-1 pr-2">
                <input name={`components.${i}.nameVi`} defaultValue={c?.nameVi ?? ""} aria-label={`Tên thành phần dòng ${i + 1}`} className={CELL} />
              </td>
              <td className="w-24 py-1">
                <input name={`components.${i}.maxPoints`} defaultValue={c ? points(c.maxPoints) : ""} inputMode="decimal" aria-label={`Điểm tối đa dòng ${i + 1}`} className={CELL} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Feedback state={state} />
      <button type="submit" disabled={pending} className={SUBMIT}>
        {pending ? "Đang lưu…" : "Lưu thành phần"}
      </button>
    </form>
  );
}

export function ImportTreeForm(target: Target) {
  const { state, pending, onSubmit } = useFormAction(importTreeAction);
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label="Nhập cây tiêu chí từ tệp" data-testid="import-form">
      <Hidden {...target} />
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Tệp CSV hoặc XLSX</span>
        <input type="file" name="file" accept=".csv,.xlsx" className="mt-1 block text-sm" />
      </label>
      <p className="text-xs text-slate-600">
        Tệp thay cho cả cây: mục cùng mã được giữ lại và cập nhật, mục mới được thêm, mục không có trong tệp bị xóa. Cột:
        code, parent_code, level, name, max_points, method, guidance, required_evidence. Để trống max_points của mục có mục con thì điểm
        bằng tổng các mục con. Có lỗi ở bất kỳ dòng nào thì không thay đổi gì.
      </p>
      <Feedback state={state} />
      <button type="submit" disabled={pending} className={SUBMIT}>
        {pending ? "Đang nhập…" : "Nhập và thay cây tiêu chí"}
      </button>
    </form>
  );
}
