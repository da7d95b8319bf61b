"use client";
// The criteria tree as an indented table. Administrators edit it in place: each row can be
// edited, get a child or be deleted; a form opens under the row.
import { useEffect, useState } from "react";
import { addCriterionAction, deleteCriterionAction, updateCriterionAction } from "@/lib/frameworks/actions";
import type { CriterionView } from "@/lib/frameworks/types";
import { LEVEL_LABELS, LEVELS, METHOD_LABELS, METHODS } from "@/lib/frameworks/labels";
import { formatPoints } from "@/lib/format";
import { Feedback, type FormState, useFormAction } from "@/components/forms/form-kit";

type Props = { frameworkId: number; revision: number; criteria: CriterionView[]; canEdit: boolean };
type Open = { mode: "edit" | "add" | "delete"; id: number | null; label?: string };

const INPUT = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100";
const SMALL_BUTTON = "rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100";

export function CriteriaTree({ frameworkId, revision, criteria, canEdit }: Props) {
  const [open, setOpen] = useState<Open | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string | undefined) => {
    setOpen(null);
    setNotice(message ?? null);
  };
  const toggle = (next: Open) => {
    setNotice(null);
    setOpen(open?.mode === next.mode && open.id === next.id ? null : next);
  };
  // A deleted row takes its form with it before the form sees the answer: say it here.
  useEffect(() => {
    if (open?.mode === "delete" && !criteria.some((c) => c.id === open.id)) {
      setOpen(null);
      setNotice(`Đã xóa ${open.label}.`);
    }
  }, [criteria, open]);
  const childrenSum = (id: number) => criteria.filter((c) => c.parentId === id).reduce((s, c) => s + c.maxPoints, 0);
  const columns = canEdit ? 5 : 4;

  const form = (c: CriterionView | null) => {
    if (!open || open.id !== (c?.id ?? null)) return null;
    const common = { frameworkId, revision, onDone: done, onCancel: () => setOpen(null) };
    if (open.mode === "delete" && c) return <DeleteForm {...common} node={c} descendants={countDescendants(criteria, c.id)} />;
    if (open.mode === "edit" && c) return <NodeForm {...common} mode="edit" node={c} childrenSum={c.isLeaf ? null : childrenSum(c.id)} />;
    if (open.mode === "add") {
      const level = c ? LEVELS[c.depth] : "FIELD";
      return <NodeForm {...common} mode="add" parent={c} level={level} />;
    }
    return null;
  };

  return (
    <div className="space-y-3">
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" onClick={() => toggle({ mode: "add", id: null })} className="rounded-md border border-brand-600 px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50">
            + Thêm lĩnh vực
          </button>
        </div>
      ) : null}
      {open?.id === null ? <div className="rounded-lg border border-slate-200 bg-slate-50 p-4">{form(null)}</div> : null}
      {notice ? (
        <p role="status" data-testid="tree-notice" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {notice}
        </p>
      ) : null}
      {criteria.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">
          Chưa có cây tiêu chí.{canEdit ? " Thêm lĩnh vực đầu tiên, hoặc nhập cả cây từ tệp CSV/XLSX." : ""}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="min-w-full text-sm" data-testid="criteria-table">
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">Mã</th>
                <th scope="col" className="px-3 py-2">Lĩnh vực / tiêu chí / tiêu chí thành phần</th>
                <th scope="col" className="px-3 py-2 text-right">Điểm tối đa</th>
                <th scope="col" className="px-3 py-2">Phương pháp</th>
                {canEdit ? <th scope="col" className="px-3 py-2 no-print">Thao tác</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {criteria.map((c) => (
                <Row key={c.id} c={c} canEdit={canEdit} columns={columns} toggle={toggle} form={form(c)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function countDescendants(criteria: CriterionView[], id: number): number {
  const kids = criteria.filter((c) => c.parentId === id);
  return kids.length + kids.reduce((n, k) => n + countDescendants(criteria, k.id), 0);
}

function Row({
  c,
  canEdit,
  columns,
  toggle,
  form,
}: {
  c: CriterionView;
  canEdit: boolean;
  columns: number;
  toggle: (o: Open) => void;
  form: React.ReactNode;
}) {
  const field = c.level === "FIELD";
  return (
    <>
      <tr data-level={c.level} data-code={c.code} className={field ? "bg-brand-50/60 font-semibold" : undefined}>
        <td className="whitespace-nowrap px-3 py-2 align-top tabular-nums">{c.code}</td>
        <td className="px-3 py-2 align-top">
          <div style={{ paddingLeft: `${(c.depth - 1) * 1.25}rem` }}>
            <span>{c.name}</span>
            <span className="ml-2 text-xs font-normal text-slate-500">{LEVEL_LABELS[c.level]}</span>
            {c.guidance ? <p className="mt-1 text-xs font-normal text-slate-600">Hướng dẫn: {c.guidance}</p> : null}
            {c.requiredEvidence ? <p className="mt-0.5 text-xs font-normal text-slate-600">Tài liệu kiểm chứng: {c.requiredEvidence}</p> : null}
          </div>
        </td>
        <td className="whitespace-nowrap px-3 py-2 text-right align-top tabular-nums" data-testid="max-points">
          {formatPoints(c.maxPoints)}
        </td>
        <td className="whitespace-nowrap px-3 py-2 align-top font-normal text-slate-700">{c.isLeaf ? METHOD_LABELS[c.method] : ""}</td>
        {canEdit ? (
          <td className="no-print whitespace-nowrap px-3 py-2 align-top font-normal">
            <div className="flex gap-1">
              <button type="button" className={SMALL_BUTTON} onClick={() => toggle({ mode: "edit", id: c.id })} aria-label={`Sửa ${c.code}`}>
                Sửa
              </button>
              {c.depth < 3 ? (
                <button type="button" className={SMALL_BUTTON} onClick={() => toggle({ mode: "add", id: c.id })} aria-label={`Thêm mục con của ${c.code}`}>
                  + Mục con
                </button>
              ) : null}
              <button
                type="button"
                className="rounded border border-red-200 px-2 py-0.5 text-xs text-red-700 hover:bg-red-50"
                onClick={() => toggle({ mode: "delete", id: c.id, label: `${LEVEL_LABELS[c.level].toLowerCase()} ${c.code}` })}
                aria-label={`Xóa ${c.code}`}
              >
                Xóa
              </button>
            </div>
          </td>
        ) : null}
      </tr>
      {form ? (
        <tr>
          <td colSpan={columns} className="bg-slate-50 px-3 py-3">
            {form}
          </td>
        </tr>
      ) : null}
    </>
  );
}

type FormProps = { frameworkId: number; revision: number; onDone: (message: string | undefined) => void; onCancel: () => void };

function useCloseOnSuccess(state: FormState<{ frameworkId: number }>, onDone: FormProps["onDone"]) {
  useEffect(() => {
    if (state?.ok) onDone(state.message);
  }, [state, onDone]);
}

function NodeForm(
  props: FormProps &
    ({ mode: "edit"; node: CriterionView; childrenSum: number | null } | { mode: "add"; parent: CriterionView | null; level: (typeof LEVELS)[number] }),
) {
  const { frameworkId, revision, onDone, onCancel } = props;
  const { state, pending, onSubmit, error } = useFormAction(props.mode === "edit" ? updateCriterionAction : addCriterionAction);
  useCloseOnSuccess(state, onDone);
  const node = props.mode === "edit" ? props.node : null;
  const level = props.mode === "edit" ? props.node.level : props.level;
  const title =
    props.mode === "edit"
      ? `Sửa ${LEVEL_LABELS[level].toLowerCase()} ${props.node.code}`
      : props.parent
        ? `Thêm ${LEVEL_LABELS[level].toLowerCase()} vào ${props.parent.code}`
        : "Thêm lĩnh vực";
  const id = (name: string) => `${props.mode}-${node?.id ?? (props.mode === "add" ? (props.parent?.id ?? "root") : "")}-${name}`;
  const invalid = (name: string) => (error(name) ? true : undefined);
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={title} data-testid="criterion-form">
      <h3 className="font-semibold text-slate-800">{title}</h3>
      <input type="hidden" name="frameworkId" value={frameworkId} />
      <input type="hidden" name="revision" value={revision} />
      {node ? <input type="hidden" name="criterionId" value={node.id} /> : null}
      {props.mode === "add" && props.parent ? <input type="hidden" name="parentId" value={props.parent.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-[8rem_1fr_8rem_12rem]">
        <label className="text-sm" htmlFor={id("code")}>
          Mã
          <input id={id("code")} name="code" defaultValue={node?.code ?? (props.mode === "add" && props.parent ? `${props.parent.code}.` : "")} aria-invalid={invalid("code")} className={INPUT} required />
        </label>
        <label className="text-sm" htmlFor={id("name")}>
          Tên
          <input id={id("name")} name="name" defaultValue={node?.name ?? ""} aria-invalid={invalid("name")} className={INPUT} required />
        </label>
        <label className="text-sm" htmlFor={id("maxPoints")}>
          Điểm tối đa
          <input
            id={id("maxPoints")}
            name="maxPoints"
            inputMode="decimal"
            defaultValue={node ? formatPoints(node.maxPoints).replace(/\./g, "") : ""}
            aria-invalid={invalid("maxPoints")}
            className={INPUT}
            required
          />
        </label>
        <label className="text-sm" htmlFor={id("method")}>
          Phương pháp đánh giá
          <select id={id("method")} name="method" defaultValue={node?.method ?? "APPRAISAL"} className={INPUT}>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {METHOD_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {props.mode === "edit" && props.childrenSum !== null ? (
        <p className="text-xs text-slate-600">
          Mục này có mục con: điểm tối đa phải bằng tổng điểm các mục con ({formatPoints(props.childrenSum)}). Muốn đổi, hãy sửa điểm các mục con.
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="text-sm" htmlFor={id("guidance")}>
          Hướng dẫn chấm điểm
          <textarea id={id("guidance")} name="guidance" rows={2} defaultValue={node?.guidance ?? ""} className={INPUT} />
        </label>
        <label className="text-sm" htmlFor={id("requiredEvidence")}>
          Tài liệu kiểm chứng cần nộp
          <textarea id={id("requiredEvidence")} name="requiredEvidence" rows={2} defaultValue={node?.requiredEvidence ?? ""} className={INPUT} />
        </label>
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="recomputeParents" defaultChecked className="mt-0.5" />
        <span>
          Tính lại điểm các cấp trên: điểm tối đa của mục cha (và các cấp trên nữa) bằng tổng các mục con. Bỏ chọn để giữ điểm mục cha và kiểm tra
          tổng khớp.
        </span>
      </label>
      <Feedback state={state} />
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "Đang lưu…" : props.mode === "edit" ? "Lưu" : "Thêm"}
        </button>
        <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
          Hủy
        </button>
      </div>
    </form>
  );
}

function DeleteForm({ frameworkId, revision, onDone, onCancel, node, descendants }: FormProps & { node: CriterionView; descendants: number }) {
  const { state, pending, onSubmit } = useFormAction(deleteCriterionAction);
  useCloseOnSuccess(state, onDone);
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={`Xóa ${node.code}`} data-testid="delete-form">
      <input type="hidden" name="frameworkId" value={frameworkId} />
      <input type="hidden" name="revision" value={revision} />
      <input type="hidden" name="criterionId" value={node.id} />
      <p className="text-sm">
        Xóa {LEVEL_LABELS[node.level].toLowerCase()} <strong>{node.code}</strong> “{node.name}”
        {descendants > 0 ? ` cùng ${descendants} mục bên dưới` : ""}?
      </p>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="recomputeParents" defaultChecked className="mt-0.5" />
        <span>Tính lại điểm các cấp trên theo các mục còn lại.</span>
      </label>
      <Feedback state={state} />
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-700 disabled:opacity-60">
          {pending ? "Đang xóa…" : "Xác nhận xóa"}
        </button>
        <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
          Hủy
        </button>
      </div>
    </form>
  );
}
