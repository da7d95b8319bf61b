"use client";
// The entry form of one published result. Submitted without React's automatic form reset, so a
// refused entry keeps what was typed next to the message that says what to fix.
import Link from "next/link";
import { startTransition, useActionState, useState } from "react";
import type { ActionResult } from "@/lib/api/server-action";
import { saveResultAction, type SaveResultData } from "@/lib/results/actions";
import type { ResultEntry } from "@/lib/results/types";
import { formatPoints } from "@/lib/format";

type Current = {
  id: number;
  version: number;
  score: number;
  officialRank: number | null;
  source: string;
  note: string | null;
  components: Record<string, number>;
};

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";
const decimal = (value: number | null | undefined) => (value === null || value === undefined ? "" : formatPoints(value).replace(/\./g, ""));

function FieldError({ name, state }: { name: string; state: ActionResult<SaveResultData> | null }) {
  const message = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  return message ? (
    <p id={`${name}-error`} className="mt-1 text-sm text-red-700" data-field-error={name}>
      {message}
    </p>
  ) : null;
}

export function ResultForm({ entry }: { entry: ResultEntry }) {
  const [state, dispatch, pending] = useActionState<ActionResult<SaveResultData> | null, FormData>(saveResultAction, null);
  const [provinceId, setProvinceId] = useState(String(entry.result?.provinceId ?? (entry.units.length === 1 ? entry.units[0].id : "")));
  const saved = state?.ok ? state.data : undefined;
  const id = saved?.id ?? entry.result?.id;
  const version = saved?.version ?? entry.result?.version;
  const taken = entry.result ? undefined : entry.taken.find((t) => String(t.provinceId) === provinceId && t.resultId !== saved?.id);
  const current = state && !state.ok ? (state.current as Current | null | undefined) : undefined;
  const invalid = (name: string) => Boolean(state && !state.ok && state.fieldErrors?.[name]);
  const describedBy = (name: string, hint?: string) => [invalid(name) ? `${name}-error` : null, hint].filter(Boolean).join(" ") || undefined;
  const framework = entry.framework;

  return (
    <form
      className="space-y-6"
      noValidate
      data-testid="result-form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => dispatch(data));
      }}
    >
      <input type="hidden" name="id" value={id ?? ""} />
      <input type="hidden" name="version" value={version ?? ""} />
      <input type="hidden" name="indexCode" value={entry.index.code} />
      <input type="hidden" name="year" value={entry.year} />

      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="font-semibold">Đơn vị và điểm tổng</h2>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="provinceId" className="block text-sm font-medium text-slate-700">
              Tỉnh, thành phố (đơn vị năm {entry.year})
            </label>
            {entry.result ? (
              <>
                <input type="hidden" name="provinceId" value={entry.result.provinceId} />
                <p id="provinceId" className="mt-1 py-2 font-semibold">
                  {entry.result.unitLabel}
                </p>
              </>
            ) : (
              <select
                id="provinceId"
                name="provinceId"
                value={provinceId}
                onChange={(event) => setProvinceId(event.target.value)}
                aria-invalid={invalid("provinceId")}
                aria-describedby={describedBy("provinceId")}
                className={inputClass}
              >
                {entry.units.length !== 1 ? <option value="">— Chọn tỉnh, thành phố —</option> : null}
                {entry.units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.label}
                  </option>
                ))}
              </select>
            )}
            <FieldError name="provinceId" state={state} />
            {taken ? (
              <p className="mt-1 text-sm text-amber-800" data-testid="taken">
                Đơn vị này đã có kết quả {entry.index.shortName} năm {entry.year} (điểm {formatPoints(taken.score)}).{" "}
                <Link href={`/ket-qua/nhap?id=${taken.resultId}`} className="font-semibold underline">
                  Mở để sửa
                </Link>
              </p>
            ) : null}
          </div>
          <div>
            <label htmlFor="score" className="block text-sm font-medium text-slate-700">
              Điểm tổng (0–{formatPoints(entry.index.maxScore)})
            </label>
            <input
              id="score"
              name="score"
              inputMode="decimal"
              placeholder="ví dụ 92,18"
              defaultValue={decimal(entry.result?.score)}
              aria-invalid={invalid("score")}
              aria-describedby={describedBy("score", "score-hint")}
              className={inputClass}
            />
            <p id="score-hint" className="mt-1 text-xs text-slate-500">
              {framework?.componentsAreAdditive && framework.components.length > 0
                ? `Để trống nếu nhập đủ ${framework.components.length} thành phần: điểm tổng là tổng các thành phần. Nếu nhập cả hai, chênh lệch tối đa 0,02 điểm (do làm tròn).`
                : "Dùng dấu phẩy hoặc dấu chấm cho phần thập phân."}
            </p>
            <FieldError name="score" state={state} />
          </div>
          <div>
            <label htmlFor="officialRank" className="block text-sm font-medium text-slate-700">
              Hạng công bố (1–{entry.unitCount}, nếu có)
            </label>
            <input
              id="officialRank"
              name="officialRank"
              inputMode="numeric"
              defaultValue={entry.result?.officialRank ?? ""}
              aria-invalid={invalid("officialRank")}
              aria-describedby={describedBy("officialRank", "officialRank-hint")}
              className={inputClass}
            />
            <p id="officialRank-hint" className="mt-1 text-xs text-slate-500">
              Để trống nếu nguồn không ghi hạng: hạng sẽ được tính từ điểm của các tỉnh trong năm.
            </p>
            <FieldError name="officialRank" state={state} />
          </div>
        </div>
      </section>

      {framework && framework.components.length > 0 ? (
        <fieldset className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <legend className="px-1 font-semibold">{framework.componentsAreAdditive ? "Điểm thành phần" : "Các yếu tố (tỷ lệ hài lòng, %)"}</legend>
          <p className="text-xs text-slate-500">Theo {framework.name}. Để trống phần nguồn không công bố.</p>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            {framework.components.map((component) => {
              const name = `components.${component.code}`;
              return (
                <div key={component.code}>
                  <label htmlFor={name} className="block text-sm font-medium text-slate-700">
                    {component.nameVi} <span className="font-normal text-slate-500">(tối đa {formatPoints(component.maxPoints)})</span>
                  </label>
                  <input
                    id={name}
                    name={name}
                    inputMode="decimal"
                    defaultValue={decimal(entry.result?.components[component.code])}
                    aria-invalid={invalid(name)}
                    aria-describedby={describedBy(name)}
                    className={inputClass}
                  />
                  <FieldError name={name} state={state} />
                </div>
              );
            })}
          </div>
        </fieldset>
      ) : null}

      {framework && framework.fields.length > 0 ? (
        <fieldset className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <legend className="px-1 font-semibold">Điểm theo lĩnh vực (nếu nguồn công bố)</legend>
          {framework.isIllustrative ? (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900">
              Điểm tối đa của các lĩnh vực trong bộ chỉ số này là <strong>minh họa</strong> (nguồn không công bố).
            </p>
          ) : null}
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            {framework.fields.map((field) => {
              const name = `fieldScores.${field.id}`;
              return (
                <div key={field.id}>
                  <label htmlFor={name} className="block text-sm font-medium text-slate-700">
                    {field.code}. {field.name}{" "}
                    <span className="font-normal text-slate-500">
                      (tối đa {formatPoints(field.maxPoints)}
                      {field.isIllustrative ? ", minh họa" : ""})
                    </span>
                  </label>
                  <input
                    id={name}
                    name={name}
                    inputMode="decimal"
                    defaultValue={decimal(entry.result?.fieldScores[String(field.id)])}
                    aria-invalid={invalid(name)}
                    aria-describedby={describedBy(name)}
                    className={inputClass}
                  />
                  <FieldError name={name} state={state} />
                </div>
              );
            })}
          </div>
        </fieldset>
      ) : null}

      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="font-semibold">Nguồn</h2>
        <div className="mt-4 space-y-4">
          <div>
            <label htmlFor="source" className="block text-sm font-medium text-slate-700">
              Nguồn công bố (bắt buộc)
            </label>
            <input
              id="source"
              name="source"
              placeholder="ví dụ: Quyết định công bố của Bộ Nội vụ, hoặc địa chỉ bài báo"
              defaultValue={entry.result?.source ?? ""}
              aria-invalid={invalid("source")}
              aria-describedby={describedBy("source")}
              className={inputClass}
            />
            <FieldError name="source" state={state} />
          </div>
          <div>
            <label htmlFor="note" className="block text-sm font-medium text-slate-700">
              Ghi chú
            </label>
            <textarea
              id="note"
              name="note"
              rows={2}
              defaultValue={entry.result?.note ?? ""}
              aria-invalid={invalid("note")}
              aria-describedby={describedBy("note")}
              className={inputClass}
            />
            <FieldError name="note" state={state} />
          </div>
        </div>
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Đang lưu…" : "Lưu kết quả"}
        </button>
        <Link href="/ket-qua" className="text-sm text-brand-700 hover:underline">
          Về danh sách kết quả
        </Link>
      </div>

      {state ? (
        <div
          role="status"
          data-testid="form-status"
          data-state={state.ok ? "ok" : "error"}
          className={`rounded-md border px-3 py-2 text-sm ${state.ok ? "border-emerald-200 bg-emerald-50 text-emerald-800" : "border-red-200 bg-red-50 text-red-800"}`}
        >
          {state.ok ? (
            <>
              {state.message}{" "}
              <Link href="/ket-qua" className="font-semibold underline">
                Xem kết quả của tỉnh
              </Link>
            </>
          ) : (
            <>
              <p>{state.error}</p>
              {current ? (
                <p className="mt-1">
                  <Link href={`/ket-qua/nhap?id=${current.id}`} className="font-semibold underline">
                    Mở giá trị hiện tại (phiên bản {current.version})
                  </Link>
                </p>
              ) : null}
            </>
          )}
        </div>
      ) : null}
    </form>
  );
}
