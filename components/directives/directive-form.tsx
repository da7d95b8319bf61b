"use client";
// The directive's metadata: number and symbol, kind, issuer, signer, date, title, summary, years
// and the reports it requires. Creating one opens its page; editing names the version it read.
import { useState } from "react";
import { createDirectiveAction, updateDirectiveAction } from "@/lib/directives/actions";
import { DIRECTIVE_KIND_LABELS, DIRECTIVE_KINDS, REPORTING_KINDS, REPORTING_LABELS } from "@/lib/directives/labels";
import { Feedback, FieldError, inputClass, labelClass, primaryButton, useFormAction } from "@/components/forms/form-kit";

type Values = {
  id: number;
  version: number;
  number: string;
  kind: string;
  issuer: string;
  signer: string | null;
  issuedOn: string | null;
  title: string;
  summary: string | null;
  years: number[];
  reporting: string[];
  note: string | null;
};

type Props =
  | { mode: "create"; provinces: { id: number; label: string; issuer: string }[]; defaultProvinceId: number | null; values?: undefined }
  | { mode: "edit"; values: Values; provinces?: undefined; defaultProvinceId?: undefined };

export function DirectiveForm(props: Props) {
  const { state, pending, onSubmit, error, invalid } = useFormAction(props.mode === "create" ? createDirectiveAction : updateDirectiveAction);
  const v = props.values;
  const initialProvince = props.mode === "create" ? props.provinces.find((p) => p.id === props.defaultProvinceId) ?? null : null;
  const [issuer, setIssuer] = useState(v?.issuer ?? initialProvince?.issuer ?? "");
  const [issuerTouched, setIssuerTouched] = useState(false);
  const described = (name: string, hint?: string) => [invalid(name) ? `${name}-error` : null, hint].filter(Boolean).join(" ") || undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid={props.mode === "create" ? "directive-create" : "directive-edit"}>
      {v ? (
        <>
          <input type="hidden" name="id" value={v.id} />
          <input type="hidden" name="version" value={v.version} />
        </>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {props.mode === "create" ? (
          <div className="sm:col-span-2">
            <label htmlFor="provinceId" className={labelClass}>
              Tỉnh, thành phố ban hành
            </label>
            <select
              id="provinceId"
              name="provinceId"
              defaultValue={props.defaultProvinceId ?? ""}
              className={inputClass}
              aria-invalid={invalid("provinceId")}
              aria-describedby={described("provinceId", "provinceId-hint")}
              onChange={(event) => {
                const chosen = props.provinces.find((p) => String(p.id) === event.target.value);
                if (chosen && !issuerTouched) setIssuer(chosen.issuer);
              }}
            >
              {props.defaultProvinceId === null ? <option value="">— Chọn tỉnh, thành phố —</option> : null}
              {props.provinces.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
            <p id="provinceId-hint" className="mt-1 text-xs text-slate-500">
              Văn bản trước ngày 01/07/2025 thuộc tỉnh cũ đã ban hành; Sở Nội vụ của tỉnh mới tiếp tục theo dõi.
            </p>
            <FieldError name="provinceId" message={error("provinceId")} />
          </div>
        ) : null}
        <div>
          <label htmlFor="number" className={labelClass}>
            Số, ký hiệu
          </label>
          <input
            id="number"
            name="number"
            defaultValue={v?.number}
            placeholder="ví dụ 4183/KH-UBND"
            className={inputClass}
            aria-invalid={invalid("number")}
            aria-describedby={described("number", "number-hint")}
          />
          <p id="number-hint" className="mt-1 text-xs text-slate-500">
            Dạng số/ký hiệu: 4183/KH-UBND, 1586/QĐ-UBND, 05/2021/QĐ-UBND.
          </p>
          <FieldError name="number" message={error("number")} />
        </div>
        <div>
          <label htmlFor="kind" className={labelClass}>
            Loại văn bản
          </label>
          <select id="kind" name="kind" defaultValue={v?.kind ?? "KE_HOACH"} className={inputClass} aria-invalid={invalid("kind")} aria-describedby={described("kind")}>
            {DIRECTIVE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {DIRECTIVE_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
          <FieldError name="kind" message={error("kind")} />
        </div>
        <div>
          <label htmlFor="issuer" className={labelClass}>
            Cơ quan ban hành
          </label>
          <input
            id="issuer"
            name="issuer"
            value={issuer}
            onChange={(event) => {
              setIssuer(event.target.value);
              setIssuerTouched(true);
            }}
            placeholder="ví dụ UBND tỉnh An Giang"
            className={inputClass}
            aria-invalid={invalid("issuer")}
            aria-describedby={described("issuer")}
          />
          <FieldError name="issuer" message={error("issuer")} />
        </div>
        <div>
          <label htmlFor="signer" className={labelClass}>
            Người ký
          </label>
          <input id="signer" name="signer" defaultValue={v?.signer ?? ""} placeholder="ví dụ Chủ tịch UBND tỉnh" className={inputClass} aria-invalid={invalid("signer")} aria-describedby={described("signer")} />
          <FieldError name="signer" message={error("signer")} />
        </div>
        <div>
          <label htmlFor="issuedOn" className={labelClass}>
            Ngày ban hành
          </label>
          <input id="issuedOn" name="issuedOn" type="date" defaultValue={v?.issuedOn ?? ""} className={inputClass} aria-invalid={invalid("issuedOn")} aria-describedby={described("issuedOn")} />
          <FieldError name="issuedOn" message={error("issuedOn")} />
        </div>
        <div>
          <label htmlFor="years" className={labelClass}>
            Năm áp dụng
          </label>
          <input
            id="years"
            name="years"
            defaultValue={v ? v.years.join(", ") : ""}
            placeholder="ví dụ 2019 hoặc 2016-2020"
            className={inputClass}
            aria-invalid={invalid("years")}
            aria-describedby={described("years", "years-hint")}
          />
          <p id="years-hint" className="mt-1 text-xs text-slate-500">
            Các năm văn bản đặt chỉ tiêu, giao nhiệm vụ và yêu cầu báo cáo.
          </p>
          <FieldError name="years" message={error("years")} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="title" className={labelClass}>
            Trích yếu
          </label>
          <textarea id="title" name="title" rows={2} defaultValue={v?.title} className={inputClass} aria-invalid={invalid("title")} aria-describedby={described("title")} />
          <FieldError name="title" message={error("title")} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="summary" className={labelClass}>
            Tóm tắt nội dung
          </label>
          <textarea id="summary" name="summary" rows={3} defaultValue={v?.summary ?? ""} className={inputClass} aria-invalid={invalid("summary")} aria-describedby={described("summary")} />
          <FieldError name="summary" message={error("summary")} />
        </div>
        <fieldset className="sm:col-span-2">
          <legend className={labelClass}>Chế độ báo cáo của các cơ quan</legend>
          <div className="mt-1 flex flex-wrap gap-4 text-sm">
            {REPORTING_KINDS.map((kind) => (
              <label key={kind} className="flex items-center gap-1">
                <input type="checkbox" name="reporting" value={kind} defaultChecked={v?.reporting.includes(kind)} /> {REPORTING_LABELS[kind]}
              </label>
            ))}
          </div>
          <FieldError name="reporting" message={error("reporting")} />
        </fieldset>
        <div className="sm:col-span-2">
          <label htmlFor="note" className={labelClass}>
            Ghi chú
          </label>
          <textarea id="note" name="note" rows={2} defaultValue={v?.note ?? ""} className={inputClass} aria-invalid={invalid("note")} aria-describedby={described("note")} />
          <FieldError name="note" message={error("note")} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? "Đang lưu…" : props.mode === "create" ? "Lưu văn bản" : "Lưu thay đổi"}
        </button>
        <Feedback state={state} />
      </div>
    </form>
  );
}
