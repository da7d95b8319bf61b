// A rank out of the number of units ranked that year: the published rank, the one worked out
// from the known scores, or (when nothing was published) the bounds the known rows allow. Shared
// by the profile's and the province's results tables. Its messages: results.table.
import { useTranslations } from "next-intl";
import { rankLabel } from "@/lib/results/rank-label";
import type { RankedResult } from "@/lib/results/types";

type RankedRow = Pick<RankedResult, "rank" | "rankMin" | "rankMax" | "officialRank" | "officialRankDisagrees" | "unitCount">;

export function RankOfCell({ row }: { row: RankedRow }) {
  const t = useTranslations("results.table");
  if (row.rank === null) {
    return (
      <span className="text-slate-500" title={t("estimatedHelp")}>
        {rankLabel(row, row.unitCount)}
        <span className="block text-xs">{t("estimated", { count: row.unitCount })}</span>
      </span>
    );
  }
  return (
    <span>
      <span className="font-semibold">{row.rank}</span>
      <span className="text-slate-500">/{row.unitCount}</span>
      {row.officialRankDisagrees ? (
        <span
          className="ml-1 text-amber-700"
          data-testid="rank-disagrees"
          title={t("disagrees", { range: row.rankMin === row.rankMax ? row.rankMin : `${row.rankMin}–${row.rankMax}` })}
        >
          ⚠<span className="sr-only">{t("disagreesShort")}</span>
        </span>
      ) : null}
      <span className="cell-note">{row.officialRank !== null ? t("official") : t("computed")}</span>
    </span>
  );
}
