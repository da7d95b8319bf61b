"use client";
// "Mở kỳ": framework, year, deadline and the agencies, then a review of what will be opened before
// anything is: the agencies are listed with select all / none, and Enter on a checkbox ticks it
// rather than sending the form.
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { openPeriodAction } from "@/lib/assessments/actions";
import { DateInput } from "@/components/forms/date-input";
import { Feedback, useFormAction } from "@/components/forms/form-kit";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { filterInputClass } from "@/components/ui/field";
import { typedOfDay } from "@/lib/time";

type Option = { id: number; label: string };

export function OpenPeriodForm({
  frameworks,
  agencies: allAgencies,
  peerGroups,
  defaultYear,
}: {
  frameworks: Option[];
  agencies: (Option & { peerGroupId: number | null })[];
  /** Chosen, the period is the group's (with its own framework): its agencies only. */
  peerGroups: Option[];
  defaultYear: number;
}) {
  const t = useTranslations("assessments.open");
  const tg = useTranslations("scoring.year");
  const [group, setGroup] = useState<number | null>(null);
  const agencies = group === null ? allAgencies : allAgencies.filter((a) => a.peerGroupId === group);
  const form = useRef<HTMLFormElement>(null);
  const { state, pending, onSubmit } = useFormAction(openPeriodAction);
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(allAgencies.map((a) => a.id)));
  const [review, setReview] = useState<null | { framework: string; year: string; deadline: string; seq: number }>(null);
  // A refusal after the review goes back to the fields, marked and focused (form-kit).
  const reviewing = review !== null && !(state && !state.ok && state.seq > review.seq);
  const control = `mt-1 ${filterInputClass}`;
  const toggle = (id: number, on: boolean) =>
    setChosen((all) => {
      const next = new Set(all);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <form
      ref={form}
      onSubmit={(event) => {
        if (reviewing) return onSubmit(event);
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const framework = frameworks.find((f) => String(f.id) === data.get("frameworkId"))?.label ?? "";
        setReview({ framework, year: String(data.get("year")), deadline: typedOfDay(String(data.get("deadline"))), seq: state?.seq ?? 0 });
      }}
      onKeyDown={(event) => {
        const target = event.target as HTMLInputElement;
        if (event.key === "Enter" && target.type === "checkbox") {
          event.preventDefault();
          toggle(Number(target.value), !target.checked);
        }
      }}
      className={`space-y-5 p-6 ${cardClass}`}
      data-testid="open-period"
    >
      <fieldset inert={reviewing} className={`space-y-5 ${reviewing ? "opacity-60" : ""}`}>
        <label className="block">
          <span className="block text-sm font-medium">{t("framework")}</span>
          <select name="frameworkId" className={`${control} w-full`}>
            {frameworks.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        {peerGroups.length > 0 ? (
          <label className="block">
            <span className="block text-sm font-medium">{tg("peerGroup")}</span>
            <select
              name="peerGroupId"
              className={`${control} w-full`}
              data-testid="open-peer-group"
              value={group ?? ""}
              onChange={(event) => {
                const next = event.target.value ? Number(event.target.value) : null;
                setGroup(next);
                setChosen(new Set(allAgencies.filter((a) => next === null || a.peerGroupId === next).map((a) => a.id)));
              }}
            >
              <option value="">{tg("noGroup")}</option>
              {peerGroups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.label}
                </option>
              ))}
            </select>
            <span className="mt-1 block text-xs text-slate-600">{tg("peerGroupHint")}</span>
          </label>
        ) : null}
        <div className="flex flex-wrap gap-4">
          <label className="block">
            <span className="block text-sm font-medium">{t("year")}</span>
            <input name="year" type="number" defaultValue={defaultYear} min={2000} max={2100} className={`${control} w-32`} />
          </label>
          <div>
            <label htmlFor="open-deadline" className="block text-sm font-medium">
              {t("deadline")}
            </label>
            <DateInput id="open-deadline" name="deadline" required className={`${control} w-36`} />
          </div>
        </div>
        <fieldset>
          <legend className="text-sm font-medium">{t("agencies")}</legend>
          <div className="mt-1 flex flex-wrap gap-2 text-sm">
            <Button size="xs" variant="secondary" onClick={() => setChosen(new Set(agencies.map((a) => a.id)))} data-testid="select-all">
              {t("selectAll")}
            </Button>
            <Button size="xs" variant="secondary" onClick={() => setChosen(new Set())} data-testid="select-none">
              {t("selectNone")}
            </Button>
            <span className="self-center text-slate-600">{t("chosenCount", { count: chosen.size, total: agencies.length })}</span>
          </div>
          <div className="mt-2 grid gap-1 sm:grid-cols-2">
            {agencies.map((a) => (
              <label key={a.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="agencyIds" value={a.id} checked={chosen.has(a.id)} onChange={(event) => toggle(a.id, event.target.checked)} />
                {a.label}
              </label>
            ))}
          </div>
        </fieldset>
      </fieldset>
      {reviewing && review ? (
        <section className="rounded-lg border border-brand-200 bg-brand-50 p-4 text-sm" data-testid="open-review" aria-live="polite">
          <h2 className="font-semibold">{t("reviewTitle")}</h2>
          <p className="mt-1">
            {t("reviewSummary", { framework: review.framework, year: review.year, deadline: review.deadline, count: chosen.size })}
            {group !== null ? ` ${tg("reviewGroup", { group: peerGroups.find((g) => g.id === group)?.label ?? "" })}` : null}
          </p>
          <ul className="mt-2 list-inside list-disc">
            {agencies
              .filter((a) => chosen.has(a.id))
              .map((a) => (
                <li key={a.id}>{a.label}</li>
              ))}
          </ul>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button type="submit" disabled={pending} data-testid="open-confirm">
              {t("submit")}
            </Button>
            <Button variant="secondary" onClick={() => setReview(null)}>
              {t("edit")}
            </Button>
          </div>
        </section>
      ) : (
        <Button type="submit" data-testid="open-review-button">
          {t("review")}
        </Button>
      )}
      <Feedback state={state} />
    </form>
  );
}
