"use client";
// The criteria tree as an indented table. Administrators edit it in place: each row can be
// edited, get a child or be deleted; a form opens under the row.
// Its messages: frameworks.tree, frameworks.levels, frameworks.methods.
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { addCriterionAction, deleteCriterionAction, updateCriterionAction } from "@/lib/frameworks/actions";
import type { CriterionView } from "@/lib/frameworks/types";
import { LEVELS, METHODS } from "@/lib/frameworks/labels";
import { useFormat } from "@/lib/i18n/client";
import { Feedback, type FormState, SubmitButton, useFormAction } from "@/components/forms/form-kit";
import { Button } from "@/components/ui/button";
import { Th, THead } from "@/components/ui/data-table";

type Props = { frameworkId: number; revision: number; criteria: CriterionView[]; canEdit: boolean };
type Open = { mode: "edit" | "add" | "delete"; id: number | null; label?: string };

const INPUT =
  "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100";
const SMALL_BUTTON = "rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100";

export function CriteriaTree({ frameworkId, revision, criteria, canEdit }: Props) {
  const t = useTranslations("frameworks.tree");
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
      setNotice(t("deleted", { item: open.label ?? "" }));
    }
  }, [criteria, open, t]);
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
          <Button variant="outline" onClick={() => toggle({ mode: "add", id: null })}>
            {t("addField")}
          </Button>
        </div>
      ) : null}
      {open?.id === null ? <div className="rounded-lg border border-slate-200 bg-slate-50 p-4">{form(null)}</div> : null}
      {notice ? (
        <p role="status" data-testid="tree-notice" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {notice}
        </p>
      ) : null}
      {criteria.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">{canEdit ? t("emptyEditable") : t("empty")}</p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200">
          <table className="min-w-full text-sm" data-testid="criteria-table">
            <THead>
              <Th>{t("code")}</Th>
              <Th>{t("item")}</Th>
              <Th numeric>{t("maxPoints")}</Th>
              <Th>{t("method")}</Th>
              {canEdit ? <Th className="no-print">{t("actions")}</Th> : null}
            </THead>
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

function Row({ c, canEdit, columns, toggle, form }: { c: CriterionView; canEdit: boolean; columns: number; toggle: (o: Open) => void; form: React.ReactNode }) {
  const t = useTranslations("frameworks.tree");
  const levels = useTranslations("frameworks.levels");
  const methods = useTranslations("frameworks.methods");
  const format = useFormat();
  const field = c.level === "FIELD";
  return (
    <>
      <tr data-level={c.level} data-code={c.code} className={field ? "bg-brand-50/60 font-semibold" : undefined}>
        <td className="whitespace-nowrap px-3 py-2 align-top tabular-nums">{c.code}</td>
        <td className="px-3 py-2 align-top">
          <div style={{ paddingLeft: `${(c.depth - 1) * 1.25}rem` }}>
            <span>{c.name}</span>
            <span className="ml-2 text-xs font-normal text-slate-500">{levels(`${c.level}`)}</span>
            {c.guidance ? <p className="mt-1 text-xs font-normal text-slate-600">{t("guidanceText", { text: c.guidance })}</p> : null}
            {c.requiredEvidence ? <p className="mt-0.5 text-xs font-normal text-slate-600">{t("evidenceText", { text: c.requiredEvidence })}</p> : null}
          </div>
        </td>
        <td className="whitespace-nowrap px-3 py-2 text-right align-top tabular-nums" data-testid="max-points">
          {format.points(c.maxPoints)}
        </td>
        <td className="whitespace-nowrap px-3 py-2 align-top font-normal text-slate-700">{c.isLeaf ? methods(`${c.method}`) : ""}</td>
        {canEdit ? (
          <td className="no-print whitespace-nowrap px-3 py-2 align-top font-normal">
            <div className="flex gap-1">
              <button type="button" className={SMALL_BUTTON} onClick={() => toggle({ mode: "edit", id: c.id })} aria-label={t("editOf", { code: c.code })}>
                {t("edit")}
              </button>
              {c.depth < 3 ? (
                <button type="button" className={SMALL_BUTTON} onClick={() => toggle({ mode: "add", id: c.id })} aria-label={t("addChildOf", { code: c.code })}>
                  {t("addChild")}
                </button>
              ) : null}
              <button
                type="button"
                className="rounded border border-red-200 px-2 py-0.5 text-xs text-red-700 hover:bg-red-50"
                onClick={() => toggle({ mode: "delete", id: c.id, label: t("itemLabel", { level: levels(`${c.level}`).toLowerCase(), code: c.code }) })}
                aria-label={t("deleteOf", { code: c.code })}
              >
                {t("delete")}
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
  const t = useTranslations("frameworks.tree");
  const levels = useTranslations("frameworks.levels");
  const methods = useTranslations("frameworks.methods");
  const format = useFormat();
  const { state, pending, onSubmit, error } = useFormAction(props.mode === "edit" ? updateCriterionAction : addCriterionAction);
  useCloseOnSuccess(state, onDone);
  const node = props.mode === "edit" ? props.node : null;
  const level = props.mode === "edit" ? props.node.level : props.level;
  const levelName = levels(`${level}`).toLowerCase();
  const title =
    props.mode === "edit"
      ? t("editTitle", { level: levelName, code: props.node.code })
      : props.parent
        ? t("addTitle", { level: levelName, parent: props.parent.code })
        : t("addFieldTitle");
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
          {t("code")}
          <input
            id={id("code")}
            name="code"
            defaultValue={node?.code ?? (props.mode === "add" && props.parent ? `${props.parent.code}.` : "")}
            aria-invalid={invalid("code")}
            className={INPUT}
            required
          />
        </label>
        <label className="text-sm" htmlFor={id("name")}>
          {t("name")}
          <input id={id("name")} name="name" defaultValue={node?.name ?? ""} aria-invalid={invalid("name")} className={INPUT} required />
        </label>
        <label className="text-sm" htmlFor={id("maxPoints")}>
          {t("maxPoints")}
          <input
            id={id("maxPoints")}
            name="maxPoints"
            inputMode="decimal"
            defaultValue={format.decimal(node?.maxPoints)}
            aria-invalid={invalid("maxPoints")}
            className={INPUT}
            required
          />
        </label>
        <label className="text-sm" htmlFor={id("method")}>
          {t("methodLabel")}
          <select id={id("method")} name="method" defaultValue={node?.method ?? "APPRAISAL"} className={INPUT}>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {methods(`${m}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {props.mode === "edit" && props.childrenSum !== null ? (
        <p className="text-xs text-slate-600">{t("childrenSum", { sum: format.points(props.childrenSum) })}</p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="text-sm" htmlFor={id("guidance")}>
          {t("guidance")}
          <textarea id={id("guidance")} name="guidance" rows={2} defaultValue={node?.guidance ?? ""} className={INPUT} />
        </label>
        <label className="text-sm" htmlFor={id("requiredEvidence")}>
          {t("requiredEvidence")}
          <textarea id={id("requiredEvidence")} name="requiredEvidence" rows={2} defaultValue={node?.requiredEvidence ?? ""} className={INPUT} />
        </label>
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="recomputeParents" defaultChecked className="mt-0.5" />
        <span>{t("recompute")}</span>
      </label>
      <Feedback state={state} />
      <div className="flex gap-2">
        <SubmitButton pending={pending} label={props.mode === "edit" ? t("save") : t("add")} />
        <Button variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

function DeleteForm({ frameworkId, revision, onDone, onCancel, node, descendants }: FormProps & { node: CriterionView; descendants: number }) {
  const t = useTranslations("frameworks.tree");
  const levels = useTranslations("frameworks.levels");
  const { state, pending, onSubmit } = useFormAction(deleteCriterionAction);
  useCloseOnSuccess(state, onDone);
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={t("deleteOf", { code: node.code })} data-testid="delete-form">
      <input type="hidden" name="frameworkId" value={frameworkId} />
      <input type="hidden" name="revision" value={revision} />
      <input type="hidden" name="criterionId" value={node.id} />
      <p className="text-sm">
        {t.rich("confirmDelete", {
          level: levels(`${node.level}`).toLowerCase(),
          code: node.code,
          name: node.name,
          count: descendants,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="recomputeParents" defaultChecked className="mt-0.5" />
        <span>{t("recomputeRemaining")}</span>
      </label>
      <Feedback state={state} />
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? t("deleting") : t("confirm")}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
