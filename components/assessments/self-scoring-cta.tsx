// The agency head's starting point: what to do, by when, how far along. Used on the scoring sheet,
// and meant for the home page's cards (one call to action per open self-scoring).
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/client";

export function SelfScoringCta({
  year,
  deadline,
  scored,
  total,
  href,
}: {
  year: number;
  deadline: Date;
  scored: number;
  total: number;
  /** The sheet; omitted on the sheet itself. */
  href?: string;
}) {
  const t = useTranslations("assessments.cta");
  const format = useFormat();
  const percent = total > 0 ? Math.round((scored / total) * 100) : 0;
  const title = t("title", { year, deadline: format.date(deadline), scored, total });
  return (
    <div className="rounded-lg border border-brand-200 bg-brand-50 p-3" data-testid="self-scoring-cta">
      <p className="font-semibold text-brand-900">
        {href ? (
          <Link href={href} className="underline">
            {title}
          </Link>
        ) : (
          title
        )}
      </p>
      <div
        className="mt-2 h-2 overflow-hidden rounded bg-white"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={scored}
        aria-label={t("progress", { scored, total })}
      >
        <div className="h-full bg-brand-600" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-1 text-sm text-slate-700">{scored === total ? t("allScored") : t("next", { left: total - scored })}</p>
    </div>
  );
}
