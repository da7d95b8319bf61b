"use client";
// A framework version's description: what it scores, the years it is valid for, the decision
// that defines it, its maximum and caps. Creating also chooses the index and, for an internal
// index, the province.
import { useState } from "react";
import { createFrameworkAction, updateFrameworkMetaAction } from "@/lib/frameworks/actions";
import { AGENCY_KIND_LABELS, FRAMEWORK_AGENCY_KINDS, STATUS_LABELS, STATUSES } from "@/lib/frameworks/labels";
import type { FrameworkDetail, FrameworkFormOptions } from "@/lib/frameworks/types";
import { formatPoints } from "@/lib/format";
import { Feedback, useFormAction } from "@/components/forms/form-kit";

const INPUT = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100";
const points = (n: number) => formatPoints(n).replace(/\./g, "");

export type FrameworkMetaView = Pick<
  FrameworkDetail,
  | "id"
  | "revision"
  | "index"
  | "ownerProvinceId"
  | "agencyKind"
  | "name"
  | "decision"
  | "validFromYear"
  | "validToYear"
  | "maxScore"
  | "bonusCap"
  | "penaltyCap"
  | "status"
  | "note"
  | "componentsAreAdditive"
  | "isIllustrative"
>;

type Props = { mode: "create"; options: FrameworkFormOptions } | { mode: "edit"; framework: FrameworkMetaView };

function Field({ name, label, children, hint, error }: { name: string; label: string; children: React.ReactNode; hint?: string; error?: string }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {error ? (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function FrameworkMetaForm(props: Props) {
  const { state, pending, onSubmit, error } = useFormAction(props.mode === "create" ? createFrameworkAction : updateFrameworkMetaAction);
  const f = props.mode === "edit" ? props.framework : null;
  const indices = props.mode === "create" ? props.options.indices : [];
  const [indexCode, setIndexCode] = useState(props.mode === "create" ? (indices[0]?.code ?? "") : f!.index.code);
  const internal = props.mode === "create" ? indices.find((i) => i.code === indexCode)?.subject === "AGENCY" : f!.ownerProvinceId !== null;
  const describedBy = (name: string) => (error(name) ? `${name}-error` : undefined);
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label={props.mode === "create" ? "Tạo bộ chỉ số" : "Sửa thông tin bộ chỉ số"} data-testid="framework-form">
      {f ? (
        <>
          <input type="hidden" name="frameworkId" value={f.id} />
          <input type="hidden" name="revision" value={f.revision} />
        </>
      ) : null}
      {props.mode === "create" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="indexCode" error={error("indexCode")} label="Chỉ số">
            <select id="indexCode" name="indexCode" value={indexCode} onChange={(e) => setIndexCode(e.target.value)} className={INPUT}>
              {indices.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.shortName} — {i.nameVi}
                </option>
              ))}
            </select>
          </Field>
          <Field name="key" error={error("key")} label="Mã họ phiên bản (không bắt buộc)" hint="Để trống để tạo bộ chỉ số mới; nhập mã của bộ đã có (ví dụ par-index-provincial) để tạo phiên bản tiếp theo của nó.">
            <input id="key" name="key" className={INPUT} aria-invalid={error("key") ? true : undefined} aria-describedby={describedBy("key")} />
          </Field>
        </div>
      ) : null}
      {internal ? (
        <div className="grid gap-4 sm:grid-cols-2">
          {props.mode === "create" ? (
            <Field name="ownerProvinceId" error={error("ownerProvinceId")} label="Tỉnh, thành phố sử dụng">
              <select id="ownerProvinceId" name="ownerProvinceId" className={INPUT} defaultValue="" aria-describedby={describedBy("ownerProvinceId")}>
                <option value="">— Chọn tỉnh —</option>
                {props.options.provinces.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.nameVi}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          <Field name="agencyKind" error={error("agencyKind")} label="Đánh giá các cơ quan, đơn vị">
            <select id="agencyKind" name="agencyKind" className={INPUT} defaultValue={f?.agencyKind ?? ""}>
              <option value="">Tất cả</option>
              {FRAMEWORK_AGENCY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {AGENCY_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </Field>
        </div>
      ) : null}
      <Field name="name" error={error("name")} label="Tên bộ chỉ số">
        <input id="name" name="name" defaultValue={f?.name ?? ""} className={INPUT} aria-invalid={error("name") ? true : undefined} aria-describedby={describedBy("name")} />
      </Field>
      <Field name="decision" error={error("decision")} label="Văn bản quy định" hint="Ví dụ: Quyết định 876/QĐ-BNV ngày 10/11/2022">
        <input id="decision" name="decision" defaultValue={f?.decision ?? ""} className={INPUT} aria-describedby={describedBy("decision")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-5">
        <Field name="validFromYear" error={error("validFromYear")} label="Áp dụng từ năm">
          <input id="validFromYear" name="validFromYear" inputMode="numeric" defaultValue={f?.validFromYear ?? new Date().getFullYear()} className={INPUT} aria-describedby={describedBy("validFromYear")} />
        </Field>
        <Field name="validToYear" error={error("validToYear")} label="Đến năm (để trống: chưa hết hạn)">
          <input id="validToYear" name="validToYear" inputMode="numeric" defaultValue={f?.validToYear ?? ""} className={INPUT} aria-describedby={describedBy("validToYear")} />
        </Field>
        <Field name="maxScore" error={error("maxScore")} label="Điểm tối đa">
          <input id="maxScore" name="maxScore" inputMode="decimal" defaultValue={f ? points(f.maxScore) : "100"} className={INPUT} aria-describedby={describedBy("maxScore")} />
        </Field>
        <Field name="bonusCap" error={error("bonusCap")} label="Điểm thưởng tối đa">
          <input id="bonusCap" name="bonusCap" inputMode="decimal" defaultValue={f ? points(f.bonusCap) : "0"} className={INPUT} aria-describedby={describedBy("bonusCap")} />
        </Field>
        <Field name="penaltyCap" error={error("penaltyCap")} label="Điểm trừ tối đa">
          <input id="penaltyCap" name="penaltyCap" inputMode="decimal" defaultValue={f ? points(f.penaltyCap) : "0"} className={INPUT} aria-describedby={describedBy("penaltyCap")} />
        </Field>
      </div>
      {f ? (
        <Field name="status" error={error("status")} label="Trạng thái" hint="Chỉ bộ chỉ số có cây tiêu chí đủ điểm mới chuyển sang Đang áp dụng được; mỗi năm một bộ đang áp dụng.">
          <select id="status" name="status" defaultValue={f.status} className={INPUT} aria-describedby={describedBy("status")}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field name="note" error={error("note")} label="Ghi chú">
        <textarea id="note" name="note" rows={3} defaultValue={f?.note ?? ""} className={INPUT} aria-describedby={describedBy("note")} />
      </Field>
      <div className="flex flex-wrap gap-6 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="componentsAreAdditive" defaultChecked={f?.componentsAreAdditive ?? true} />
          Các thành phần cộng lại thành tổng điểm
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="isIllustrative" defaultChecked={f?.isIllustrative ?? false} />
          Dữ liệu minh họa (một phần điểm, tiêu chí tự đặt)
        </label>
      </div>
      <Feedback state={state} />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? "Đang lưu…" : props.mode === "create" ? "Tạo bộ chỉ số (bản nháp)" : "Lưu thông tin"}
      </button>
    </form>
  );
}
