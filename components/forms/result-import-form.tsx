"use client";
// Upload of a national table: a dry run first (what would be new, updated, unchanged, or every
// error by row and column), then the commit of the same file, which the browser keeps meanwhile.
import Link from "next/link";
import { startTransition, useActionState, useState } from "react";
import type { ActionResult } from "@/lib/api/server-action";
import { importResultsAction } from "@/lib/results/actions";
import type { ImportOutcome } from "@/lib/results/types";
import { formatPoints, formatScore } from "@/lib/format";

const STATUS_LABELS = { new: "Mới", updated: "Cập nhật", unchanged: "Không đổi" } as const;
const STATUS_CLASSES = {
  new: "bg-emerald-100 text-emerald-800",
  updated: "bg-amber-100 text-amber-900",
  unchanged: "bg-slate-100 text-slate-600",
} as const;

const show = (value: string | number | null) => (value === null ? "(trống)" : typeof value === "number" ? formatPoints(value) : value);

export function ResultImportForm({ maxBytes }: { maxBytes: number }) {
  const [state, dispatch, pending] = useActionState<ActionResult<ImportOutcome> | null, FormData>(importResultsAction, null);
  const [file, setFile] = useState<File | null>(null);
  // The file the shown answer is about: a new choice hides the previous preview and its commit.
  const [answered, setAnswered] = useState<File | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const maxMb = Math.round(maxBytes / 1024 / 1024);
  const current = state && answered === file ? state : null;
  const outcome = current?.ok ? current.data : undefined;

  const send = (intent: "preview" | "commit") => {
    if (!file) return;
    const data = new FormData();
    data.set("file", file);
    data.set("intent", intent);
    setAnswered(file);
    startTransition(() => dispatch(data));
  };

  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
        data-testid="import-form"
        onSubmit={(event) => {
          event.preventDefault();
          send("preview");
        }}
      >
        <label className="group text-sm">
          <span className="block font-medium text-slate-700">Tệp bảng kết quả (.csv hoặc .xlsx, tối đa {maxMb} MB)</span>
          {/* The browser's own file button speaks the browser's language: this one speaks Vietnamese. */}
          <span className="mt-1 flex items-center gap-3">
            <span className="cursor-pointer rounded-md border border-slate-300 bg-slate-50 px-3 py-1.5 font-medium hover:bg-slate-100 group-focus-within:ring-2 group-focus-within:ring-brand-100">
              Chọn tệp…
            </span>
            <span className="text-slate-600" data-testid="chosen-file">
              {file?.name ?? "Chưa chọn tệp"}
            </span>
          </span>
          <input
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="sr-only"
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setTooBig(Boolean(chosen && chosen.size > maxBytes));
              setFile(chosen && chosen.size <= maxBytes ? chosen : null);
            }}
          />
        </label>
        <button
          type="submit"
          disabled={!file || pending}
          className="rounded-md border border-brand-600 bg-white px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-50"
        >
          {pending && !outcome ? "Đang kiểm tra…" : "Xem trước"}
        </button>
        {tooBig ? <p className="basis-full text-sm text-red-700">Tệp lớn hơn {maxMb} MB: chỉ gửi bảng kết quả của một năm.</p> : null}
      </form>

      {current && !current.ok ? (
        <div className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-900" data-testid="import-errors">
          <p className="font-semibold">{current.error}</p>
          {current.issues && current.issues.some((issue) => issue.row !== undefined || issue.column !== undefined) ? (
            <table className="mt-3 min-w-full bg-white text-left text-sm">
              <thead className="bg-red-100">
                <tr>
                  <th scope="col" className="px-3 py-1.5">Dòng</th>
                  <th scope="col" className="px-3 py-1.5">Cột</th>
                  <th scope="col" className="px-3 py-1.5">Lỗi</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-red-100">
                {current.issues.map((issue, i) => (
                  <tr key={i}>
                    <td className="px-3 py-1.5 tabular-nums">{issue.row ?? "—"}</td>
                    <td className="px-3 py-1.5 font-mono text-xs">{issue.column ?? "—"}</td>
                    <td className="px-3 py-1.5">{issue.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}

      {outcome ? (
        <section className="space-y-3" data-testid="import-preview" data-dry-run={outcome.dryRun ? "1" : "0"}>
          <div
            role="status"
            className={`rounded-xl border p-4 text-sm ${outcome.dryRun ? "border-brand-100 bg-brand-50 text-brand-900" : "border-emerald-200 bg-emerald-50 text-emerald-900"}`}
          >
            <p className="font-semibold">{current?.ok ? current.message : null}</p>
            <p className="mt-2 flex flex-wrap gap-2" data-testid="import-summary">
              {(["new", "updated", "unchanged"] as const).map((status) => (
                <span key={status} className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${STATUS_CLASSES[status]}`}>
                  {STATUS_LABELS[status]}: {outcome.summary[status]}
                </span>
              ))}
            </p>
            {outcome.dryRun ? (
              <div className="mt-3 flex flex-wrap items-center gap-3">
                <button
                  type="button"
                  onClick={() => send("commit")}
                  disabled={pending || outcome.summary.new + outcome.summary.updated === 0}
                  className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
                >
                  {pending ? "Đang nhập…" : "Nhập dữ liệu"}
                </button>
                <span className="text-xs text-slate-600">Ghi tất cả các dòng mới và cập nhật trong một lần; mỗi thay đổi được ghi nhật ký.</span>
              </div>
            ) : (
              <p className="mt-3 flex flex-wrap gap-3">
                {[...new Set(outcome.rows.map((r) => r.indexCode))].map((indexCode) => (
                  <Link key={indexCode} href={`/xep-hang?index=${indexCode}&year=${outcome.year}`} className="font-semibold text-brand-700 underline">
                    Xem bảng xếp hạng {indexCode.replace(/_/g, " ")} năm {outcome.year}
                  </Link>
                ))}
              </p>
            )}
          </div>
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full text-sm" data-testid="import-rows">
              <thead className="bg-slate-100 text-left text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2">Dòng</th>
                  <th scope="col" className="px-3 py-2">Chỉ số</th>
                  <th scope="col" className="px-3 py-2">Đơn vị</th>
                  <th scope="col" className="px-3 py-2 text-right">Điểm</th>
                  <th scope="col" className="px-3 py-2">Trạng thái</th>
                  <th scope="col" className="px-3 py-2">Thay đổi</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {outcome.rows.map((row) => (
                  <tr key={row.row} data-status={row.status} className="align-top">
                    <td className="px-3 py-2 tabular-nums">{row.row}</td>
                    <td className="px-3 py-2">{row.indexCode.replace(/_/g, " ")}</td>
                    <td className="px-3 py-2">
                      {row.unitName} <span className="text-xs text-slate-500">(mã {row.unitCode})</span>
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatScore(row.score)}</td>
                    <td className="px-3 py-2">
                      <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_CLASSES[row.status]}`}>{STATUS_LABELS[row.status]}</span>
                    </td>
                    <td className="px-3 py-2 text-xs text-slate-700">
                      {row.status === "updated" ? (
                        <ul>
                          {row.changes.map((change) => (
                            <li key={change.column}>
                              <span className="font-mono">{change.column}</span>: {show(change.old)} → {show(change.new)}
                            </li>
                          ))}
                        </ul>
                      ) : row.status === "new" ? (
                        <span className="text-slate-500">Kết quả mới</span>
                      ) : (
                        <span className="text-slate-400">—</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
