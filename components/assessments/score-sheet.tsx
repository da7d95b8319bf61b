"use client";
// The scoring sheet: every sub-criterion with its scores, and for whoever scores now (the agency
// self-scoring, or Home Affairs appraising a round) an input on each row, saved all at once. A
// changed row is marked "chưa lưu" until saved; leaving the page with changes asks first. A refused
// save keeps everything typed, marks the rows to fix and moves the focus to the first one; a row
// someone else saved meanwhile keeps what was typed and says what it holds now. Below 640 px each
// criterion is a card with full-width inputs.
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { saveSheetAction } from "@/lib/assessments/actions";
import type { SheetConflict, SheetCriterion } from "@/lib/assessments/types";
import { useFormat } from "@/lib/i18n/client";
import { Feedback, useFormAction } from "@/components/forms/form-kit";
import { Button } from "@/components/ui/button";

type Score = NonNullable<SheetCriterion["score"]>;
export type SheetMode = { kind: "self" } | { kind: "appraisal"; round: 1 | 2 } | null;
type Typed = { score: string; comment: string };

const input =
  "rounded-md border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-2 aria-[invalid=true]:ring-red-200 max-sm:w-full";
// Below 640 px the table's rows become cards: cells stacked, each with its column's name.
const cardCell =
  "max-sm:block max-sm:border-0 max-sm:px-3 max-sm:py-1 max-sm:text-left max-sm:before:text-xs max-sm:before:text-slate-500 max-sm:before:content-[attr(data-label)_':_']";

/** What the row's input holds when nothing was typed: the score of the column being scored. */
function saved(score: Score, mode: SheetMode, decimal: (n: number | null) => string): Typed {
  if (mode?.kind === "self") return { score: decimal(score.selfScore), comment: score.selfComment ?? "" };
  if (mode?.kind === "appraisal" && mode.round === 1) return { score: decimal(score.round1Score), comment: score.round1Comment ?? "" };
  if (mode?.kind === "appraisal") return { score: decimal(score.round2Score), comment: score.round2Comment ?? "" };
  return { score: "", comment: "" };
}

export function ScoreSheet({
  assessmentId,
  criteria,
  mode,
  seesAppraisal,
  extras,
}: {
  assessmentId: number;
  criteria: SheetCriterion[];
  mode: SheetMode;
  seesAppraisal: boolean;
  /** Per criterion score id: the row's other forms (evidence, explanation), rendered by the page. */
  extras: Record<number, React.ReactNode>;
}) {
  const t = useTranslations("assessments.sheet");
  const format = useFormat();
  const [typed, setTyped] = useState<Record<number, Typed>>({});
  const [conflicts, setConflicts] = useState<Record<number, string>>({});
  const sent = useRef<number[]>([]);
  const { state, pending, onSubmit } = useFormAction(saveSheetAction);
  // The inputs sit in the table beside the rows' own forms (evidence, explanation), so they join
  // this form by its id rather than by nesting.
  const formId = useId();

  // An appraiser edits the rows they may appraise (a council member: their assigned ones only).
  const editable = (c: SheetCriterion) => mode !== null && c.score !== null && (mode.kind === "appraisal" ? c.score.appraisable : c.method === "APPRAISAL");
  const changed = useMemo(
    () =>
      criteria.flatMap((c) => {
        const now = c.score ? typed[c.score.id] : undefined;
        if (!c.score || !now) return [];
        const before = saved(c.score, mode, format.decimal);
        return now.score.trim() !== before.score || now.comment.trim() !== before.comment.trim() ? [{ typed: now, score: c.score }] : [];
      }),
    [criteria, typed, mode, format.decimal],
  );
  const dirty = changed.length > 0;

  // Once saved, the rows sent are no longer "typed" (the page now holds their values), except those
  // refused for a concurrent edit, which keep what was typed next to what they hold now.
  useEffect(() => {
    if (!state?.ok) return;
    const refused: SheetConflict[] = state.data?.conflicts ?? [];
    const keep = new Set(refused.map((c) => c.criterionScoreId));
    setTyped((all) => Object.fromEntries(Object.entries(all).filter(([id]) => keep.has(Number(id)) || !sent.current.includes(Number(id)))));
    setConflicts(Object.fromEntries(refused.map((c) => [c.criterionScoreId, c.message])));
  }, [state]);

  // Leaving with unsaved rows asks first: closing or reloading the tab, and the portal's own links.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    const leave = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!link || link.getAttribute("href")?.startsWith("#") || link.hasAttribute("download")) return;
      if (!window.confirm(t("leaveConfirm", { count: changed.length }))) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", leave, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", leave, true);
    };
  }, [dirty, changed.length, t]);

  const rows = JSON.stringify(
    changed.map((row) => ({ criterionScoreId: row.score.id, version: row.score.version, score: row.typed.score, comment: row.typed.comment })),
  );
  const type = (id: number, before: Typed, patch: Partial<Typed>) => setTyped((all) => ({ ...all, [id]: { ...(all[id] ?? before), ...patch } }));
  const error = (id: number) => (state && !state.ok ? state.fieldErrors?.[`score:${id}`] : undefined);

  return (
    <div data-testid="score-sheet">
      <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm max-sm:overflow-visible max-sm:border-0 max-sm:bg-transparent max-sm:shadow-none print:overflow-visible print:shadow-none">
        <table className="min-w-full text-sm max-sm:block" data-testid="sheet">
          <thead className="bg-slate-100 text-left text-slate-700 max-sm:hidden">
            <tr>
              <th scope="col" className="cell-head">
                {t("code")}
              </th>
              <th scope="col" className="cell-head">
                {t("criterion")}
              </th>
              <th scope="col" className="cell-head text-right">
                {t("max")}
              </th>
              <th scope="col" className="cell-head text-right">
                {t("self")}
              </th>
              <th scope="col" className="cell-head text-right">
                {t("round1")}
              </th>
              <th scope="col" className="cell-head text-right">
                {t("round2")}
              </th>
              <th scope="col" className="cell-head">
                {t("evidence")}
              </th>
            </tr>
          </thead>
          <tbody className="max-sm:block max-sm:space-y-3">
            {criteria.map((c) => {
              if (!c.score) {
                const field = c.level === "FIELD";
                return (
                  <tr key={c.id} className={`${field ? "bg-brand-50 font-bold" : "bg-slate-50 font-semibold"} max-sm:block max-sm:rounded-md max-sm:px-1`}>
                    <td className="cell max-sm:inline max-sm:border-0">{c.code}</td>
                    <td className="cell max-sm:inline max-sm:border-0">{c.name}</td>
                    <td className="cell-num max-sm:inline max-sm:border-0">
                      <span className="sm:hidden">· </span>
                      {format.points(c.maxPoints)}
                    </td>
                    <td colSpan={4} className="max-sm:hidden" />
                  </tr>
                );
              }
              const s = c.score;
              const before = saved(s, mode, format.decimal);
              const now = typed[s.id] ?? before;
              const isChanged = changed.some((row) => row.score.id === s.id);
              const edit = editable(c);
              const problem = error(s.id) ?? conflicts[s.id];
              const appraised = s.round2Score ?? s.round1Score;
              const lost = seesAppraisal && appraised !== null && appraised < c.maxPoints;
              const scoreInput = edit ? (
                <div className="max-sm:mt-1">
                  <input
                    form={formId}
                    name={`score:${s.id}`}
                    value={now.score}
                    onChange={(event) => type(s.id, before, { score: event.target.value })}
                    inputMode="decimal"
                    aria-label={t(mode?.kind === "self" ? "selfScoreOf" : "appraisedScoreOf", { code: c.code })}
                    aria-invalid={Boolean(error(s.id))}
                    aria-describedby={problem ? `score-${s.id}-error` : undefined}
                    placeholder={t("range", { max: format.points(c.maxPoints) })}
                    className={`${input} w-20 text-right`}
                  />
                </div>
              ) : null;
              return (
                <tr
                  key={c.id}
                  id={`tieu-chi-${c.code}`}
                  data-code={c.code}
                  data-unsaved={isChanged ? "" : undefined}
                  className={`scroll-mt-24 border-t border-slate-100 align-top max-sm:block max-sm:rounded-lg max-sm:border max-sm:border-slate-200 max-sm:bg-white max-sm:py-2 max-sm:shadow-sm ${isChanged ? "bg-amber-50 max-sm:bg-amber-50" : ""}`}
                >
                  <td className="cell tabular-nums max-sm:inline-block max-sm:border-0 max-sm:px-3 max-sm:font-semibold">
                    {c.code}
                    {isChanged ? (
                      <span className="ml-1 whitespace-nowrap rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-900" data-testid="unsaved">
                        {t("unsaved")}
                      </span>
                    ) : null}
                  </td>
                  <td className="cell max-sm:block max-sm:border-0 max-sm:px-3 max-sm:py-1">
                    <div>{c.name}</div>
                    <div className="text-xs text-slate-500">
                      {t(`methods.${c.method}`)}
                      {c.requiredEvidence ? t("requiredEvidence", { evidence: c.requiredEvidence }) : ""}
                    </div>
                    {mode?.kind !== "self" && s.selfComment ? (
                      <div className="mt-1 text-xs text-slate-700">{t("selfComment", { comment: s.selfComment })}</div>
                    ) : null}
                    {edit ? (
                      <textarea
                        form={formId}
                        name={`comment:${s.id}`}
                        value={now.comment}
                        onChange={(event) => type(s.id, before, { comment: event.target.value })}
                        aria-label={t(mode?.kind === "self" ? "commentOf" : "appraisalCommentOf", { code: c.code })}
                        placeholder={t(mode?.kind === "self" ? "comment" : "appraisalComment")}
                        rows={1}
                        className={`${input} mt-1 block w-full min-w-48`}
                      />
                    ) : null}
                    {problem ? (
                      <p id={`score-${s.id}-error`} className="mt-1 text-sm text-red-700" data-field-error={`score:${s.id}`}>
                        {problem}
                      </p>
                    ) : null}
                  </td>
                  <td className={`cell-num ${cardCell}`} data-label={t("max")}>
                    {format.points(c.maxPoints)}
                  </td>
                  <td className={`cell-num ${cardCell}`} data-label={t("self")} data-col="self">
                    {mode?.kind === "self" && edit ? scoreInput : format.points(s.selfScore)}
                  </td>
                  <td
                    className={`cell-num ${cardCell} ${lost && s.round2Score === null ? "font-semibold text-red-700" : ""}`}
                    data-label={t("round1")}
                    data-col="round1"
                  >
                    {mode?.kind === "appraisal" && mode.round === 1 && edit ? scoreInput : format.points(s.round1Score)}
                    {s.round1Comment && !(mode?.kind === "appraisal" && mode.round === 1 && edit) ? (
                      <div className="text-xs font-normal text-slate-600">{s.round1Comment}</div>
                    ) : null}
                  </td>
                  <td
                    className={`cell-num ${cardCell} ${lost && s.round2Score !== null ? "font-semibold text-red-700" : ""}`}
                    data-label={t("round2")}
                    data-col="round2"
                  >
                    {mode?.kind === "appraisal" && mode.round === 2 && edit ? scoreInput : format.points(s.round2Score)}
                    {s.round2Comment && !(mode?.kind === "appraisal" && mode.round === 2 && edit) ? (
                      <div className="text-xs font-normal text-slate-600">{s.round2Comment}</div>
                    ) : null}
                  </td>
                  <td className="cell text-xs max-sm:block max-sm:border-0 max-sm:px-3">
                    {s.explanationRequest ? <div className="text-amber-900">{t("request", { request: s.explanationRequest })}</div> : null}
                    {s.explanationResponse ? <div className="text-slate-800">{t("response", { response: s.explanationResponse })}</div> : null}
                    {extras[s.id]}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {mode ? (
        <form
          id={formId}
          onSubmit={(event) => {
            sent.current = changed.map((row) => row.score.id);
            onSubmit(event);
          }}
          noValidate
          className="no-print sticky bottom-0 z-10 mt-3 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white/95 p-3 shadow-md backdrop-blur"
        >
          <input type="hidden" name="assessmentId" value={assessmentId} />
          <input type="hidden" name="kind" value={mode.kind} />
          <input type="hidden" name="rows" value={rows} />
          <Button type="submit" disabled={pending || !dirty} data-testid="save-sheet">
            {pending ? t("saving") : t("save", { count: changed.length })}
          </Button>
          <span className="text-sm text-slate-600" data-testid="unsaved-count">
            {dirty ? t("unsavedCount", { count: changed.length }) : t("allSaved")}
          </span>
          <Feedback state={state} testId="sheet-feedback" />
        </form>
      ) : null}
    </div>
  );
}
