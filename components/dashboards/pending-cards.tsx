// The pending-work cards (home page, "my work"): one per kind of work the role has, with its count,
// its nearest deadline and a link to the page that acts on it. A zero says so in words.
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import type { PendingCard } from "@/lib/my-work/pending";
import { useFormat } from "@/lib/i18n/client";

export function PendingCards({ cards }: { cards: PendingCard[] }) {
  const t = useTranslations("work.pending");
  const format = useFormat();
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="pending-work">
      <h2 id="pending-work" className="mb-2 font-semibold">
        {t("title")}
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="pending-cards">
        {cards.map((card) => (
          <li key={card.kind} data-kind={card.kind} data-count={card.count}>
            <Link
              href={card.href}
              className={`block h-full rounded-xl border bg-white p-4 shadow-sm hover:border-brand-500 ${
                card.count > 0 ? (card.kind === "overdueTasks" ? "border-red-300" : "border-amber-300") : "border-slate-200"
              }`}
            >
              <span className="block text-sm text-slate-600">{t(`${card.kind}.label`)}</span>
              <span className={`block text-3xl font-bold tabular-nums ${card.count > 0 ? "text-brand-900" : "text-slate-400"}`}>
                {format.integer(card.count)}
              </span>
              <span className="block text-sm text-slate-700">
                {card.count === 0 ? t(`${card.kind}.none`) : t(`${card.kind}.some`, { count: card.count, year: card.year ?? "" })}
              </span>
              {card.progress ? (
                <span className="block text-sm text-slate-700">{t("progress", { done: card.progress.done, total: card.progress.total })}</span>
              ) : null}
              {card.deadline && card.count > 0 ? (
                <span className="block text-sm font-medium text-slate-800">{t("deadline", { date: format.date(card.deadline) })}</span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
