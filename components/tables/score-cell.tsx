// A published score, or — when the source printed only the rank — the words saying so: a score
// is never inferred (issue 16). Shared by the ranking, profile and province results tables.
import { useFormat } from "@/lib/i18n/client";
import { useTranslations } from "next-intl";

export function ScoreText({ score }: { score: number | null }) {
  const t = useTranslations("results.table");
  const format = useFormat();
  if (score !== null) return <>{format.score(score)}</>;
  return (
    <span className="font-normal text-slate-600 italic" title={t("scoreNotPublishedTitle")}>
      {t("scoreNotPublished")}
    </span>
  );
}
