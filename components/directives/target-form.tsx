"use client";
// One target of a directive: its kind decides what else it needs (an index, a criterion, an
// agency, an upper end for "up 10–15 places"). Fields a kind does not use are not sent.
import { useState } from "react";
import type { TargetKind } from "@/lib/directives/types";
import { createTargetAction, updateTargetAction } from "@/lib/directives/actions";
import { INDEX_KINDS, TARGET_KIND_HINTS, TARGET_KINDS_ORDER } from "@/lib/targets/rules";
import { TARGET_KIND_LABELS } from "@/lib/targets/evaluate";
import { Feedback, FieldError, inputClass, labelClass, primaryButton, useFormAction } from "@/components/forms/form-kit";

export type TargetChoices = {
  years: number[];
  indices: { code: string; shortName: string; subject: string }[];
  agencies: { id: number; name: string }[];
  criteria: { framework: string; criteria: { id: number; code: string; name: string; level: string }[] }[];
};

type Values = {
  id: number;
  version: number;
  kind: TargetKind;
  indexCode: string | null;
  year: number;
  value: number;
  valueMax: number | null;
  unit: string | null;
  agency: { id: number } | null;
  criterion: { id: number } | null;
  note: string | null;
};

const decimal = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n).replace(".", ","));

export function TargetForm({ directiveId, values, choices, testId }: { directiveId: number; values?: Values; choices: TargetChoices; testId: string }) {
  const { state, pending, onSubmit, error, invalid } = useFormAction(values ? updateTargetAction : createTargetAction, { reset: !values });
  const [kind, setKind] = useState<TargetKind>(values?.kind ?? "MIN_PERCENT_OF_MAX");
  const id = (name: string) => `${testId}-${name}`;
  const described = (name: string) => (invalid(name) ? `${id(name)}-error` : undefined);
  const field = (name: string) => ({ id: id(name), name, className: inputClass, "aria-invalid": invalid(name), "aria-describedby": described(name) });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid={testId}>
      {values ? (
        <>
          <input type="hidden" name="id" value={values.id} />
          <input type="hidden" name="version" value={values.version} />
        </>
      ) : (
        <input type="hidden" name="directiveId" value={directiveId} />
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <label htmlFor={id("kind")} className={labelClass}>
            Loại chỉ tiêu
          </label>
          <select {...field("kind")} value={kind} onChange={(event) => setKind(event.target.value as TargetKind)}>
            {TARGET_KINDS_ORDER.map((k) => (
              <option key={k} value={k}>
                {TARGET_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <p className="mt-1 text-xs text-slate-500">{TARGET_KIND_HINTS[kind]}</p>
          <FieldError name={id("kind")} message={error("kind")} />
        </div>
        <div>
          <label htmlFor={id("year")} className={labelClass}>
            Năm
          </label>
          <select {...field("year")} defaultValue={values?.year ?? choices.years.at(-1)}>
            {choices.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          <FieldError name={id("year")} message={error("year")} />
        </div>
        {INDEX_KINDS.includes(kind) ? (
          <div>
            <label htmlFor={id("indexCode")} className={labelClass}>
              Chỉ số
            </label>
            <select {...field("indexCode")} defaultValue={values?.indexCode ?? "PAR_INDEX"}>
              {choices.indices.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.shortName}
                  {i.subject === "AGENCY" ? " (cơ quan trong tỉnh)" : ""}
                </option>
              ))}
            </select>
            <FieldError name={id("indexCode")} message={error("indexCode")} />
          </div>
        ) : null}
        <div>
          <label htmlFor={id("value")} className={labelClass}>
            {kind === "RANK_IMPROVEMENT" ? "Tăng ít nhất (bậc)" : kind === "MAX_RANK" ? "Hạng tối đa" : "Giá trị"}
          </label>
          <input {...field("value")} inputMode="decimal" defaultValue={decimal(values?.value)} placeholder={kind === "RANK_IMPROVEMENT" ? "10" : kind === "MAX_RANK" ? "10" : "80"} />
          <FieldError name={id("value")} message={error("value")} />
        </div>
        {kind === "RANK_IMPROVEMENT" ? (
          <div>
            <label htmlFor={id("valueMax")} className={labelClass}>
              Đến (bậc, nếu là khoảng)
            </label>
            <input {...field("valueMax")} inputMode="numeric" defaultValue={decimal(values?.valueMax)} placeholder="15" />
            <FieldError name={id("valueMax")} message={error("valueMax")} />
          </div>
        ) : null}
        {kind === "MIN_SCORE" ? (
          <div>
            <label htmlFor={id("unit")} className={labelClass}>
              Đơn vị
            </label>
            <select {...field("unit")} defaultValue={values?.unit ?? "điểm"}>
              <option value="điểm">điểm</option>
              <option value="%">%</option>
            </select>
            <FieldError name={id("unit")} message={error("unit")} />
          </div>
        ) : null}
        <div className={kind === "CRITERION_SCORE" ? "" : "sm:col-span-2"}>
          <label htmlFor={id("agencyId")} className={labelClass}>
            Cơ quan, đơn vị {kind === "CRITERION_SCORE" ? "" : "(để trống: chỉ tiêu của tỉnh)"}
          </label>
          <select {...field("agencyId")} defaultValue={values?.agency?.id ?? ""}>
            <option value="">— Cả tỉnh —</option>
            {choices.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <FieldError name={id("agencyId")} message={error("agencyId")} />
        </div>
        {kind === "CRITERION_SCORE" ? (
          <div className="sm:col-span-2">
            <label htmlFor={id("criterionId")} className={labelClass}>
              Tiêu chí
            </label>
            <select {...field("criterionId")} defaultValue={values?.criterion?.id ?? ""}>
              <option value="">— Chọn tiêu chí —</option>
              {choices.criteria.map((group) => (
                <optgroup key={group.framework} label={group.framework}>
                  {group.criteria.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.code} {c.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            <FieldError name={id("criterionId")} message={error("criterionId")} />
          </div>
        ) : null}
        <div className="sm:col-span-3">
          <label htmlFor={id("note")} className={labelClass}>
            Ghi chú
          </label>
          <input {...field("note")} defaultValue={values?.note ?? ""} />
          <FieldError name={id("note")} message={error("note")} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? "Đang lưu…" : values ? "Lưu chỉ tiêu" : "Thêm chỉ tiêu"}
        </button>
        <Feedback state={state} />
      </div>
    </form>
  );
}
