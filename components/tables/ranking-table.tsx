import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import type { RankingItem } from "@/lib/results/types";
import { rankLabel } from "@/lib/results/ranking-view";
import { sourceHref } from "@/lib/format";
import { useFormat } from "@/lib/i18n/client";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { SourceCell } from "./source-cell";
import { ScoreText } from "@/components/tables/score-cell";

function RankCell({ item, unitCount }: { item: RankingItem; unitCount: number }) {
  const t = useTranslations("rankings.table");
  if (item.rank !== null) {
    return (
      <span className="font-semibold">
        {item.rank}
        {item.officialRankDisagrees ? (
          <span className="ml-1 text-amber-700" title={t("disagreesHelp")}>
            ⚠<span className="sr-only">{t("disagrees")}</span>
          </span>
        ) : null}
      </span>
    );
  }
  return (
    <span className="text-slate-500" title={t("boundsHelp")}>
      {rankLabel(item, unitCount)}
    </span>
  );
}

function PreviousRankCell({ previous }: { previous: RankingItem["previous"] }) {
  const t = useTranslations("rankings.table");
  if (!previous)
    return (
      <span className="text-slate-400" title={t("noPrevious")}>
        —
      </span>
    );
  return previous.rank !== null ? (
    <span>{previous.rank}</span>
  ) : (
    <span className="text-slate-500" title={t("previousBoundsHelp")}>
      {rankLabel(previous, previous.unitCount)}
    </span>
  );
}

function ChangeCell({ change }: { change: number | null }) {
  const t = useTranslations("dashboards.rankChange");
  if (change === null) return <span className="text-slate-400">—</span>;
  if (change === 0) return <span className="text-slate-600">= 0</span>;
  return change > 0 ? (
    <span className="text-emerald-700" role="img" aria-label={t("up", { places: change })}>
      ▲ {change}
    </span>
  ) : (
    <span className="text-red-700" role="img" aria-label={t("down", { places: -change })}>
      ▼ {-change}
    </span>
  );
}

export function RankingTable({ items, unitCount, caption, id }: { items: RankingItem[]; unitCount: number; caption?: string; id?: string }) {
  const t = useTranslations("rankings.table");
  return (
    <DataTable data-testid="ranking-table" id={id}>
      {caption ? <caption className="px-3 py-2 text-left text-sm text-slate-600">{caption}</caption> : null}
      <THead>
        <Th>{t("rank")}</Th>
        <Th>{t("province")}</Th>
        <Th numeric>{t("score")}</Th>
        <Th>{t("group")}</Th>
        <Th>{t("previousRank")}</Th>
        <Th>{t("change")}</Th>
        <Th>{t("source")}</Th>
      </THead>
      <TBody>
        {items.map((item) => (
          <tr key={item.unitCode} data-unit-code={item.unitCode}>
            <Td className="tabular-nums">
              <RankCell item={item} unitCount={unitCount} />
            </Td>
            <Td className="font-medium">
              <Link href={item.profilePath} className="link print:text-slate-900">
                {item.unitName}
              </Link>
              {item.note ? <span className="block text-xs font-normal text-slate-500">{item.note}</span> : null}
            </Td>
            <Td numeric className="font-semibold" data-testid="score">
              <ScoreText score={item.score} />
            </Td>
            <Td>{item.group ?? <span className="text-slate-400">—</span>}</Td>
            <Td className="tabular-nums">
              <PreviousRankCell previous={item.previous} />
            </Td>
            <Td className="tabular-nums">
              <ChangeCell change={item.change} />
            </Td>
            <SourceCell source={item.source} href={sourceHref(item.source)} />
          </tr>
        ))}
      </TBody>
    </DataTable>
  );
}

/** What "Nhóm A/B/…" means: each group's score range in the framework in force. */
export function GroupLegend({ groups }: { groups: { label: string; minScore: number }[] }) {
  const t = useTranslations("work.groups");
  const format = useFormat();
  if (groups.length === 0) return null;
  return (
    <p className="mt-2 text-sm text-slate-700" data-testid="group-legend">
      <span className="font-semibold">{t("title")}</span>{" "}
      {groups
        .map((group, i) =>
          i === 0
            ? t("top", { label: group.label, min: format.points(group.minScore) })
            : group.minScore === 0
              ? t("bottom", { label: group.label, max: format.points(groups[i - 1].minScore) })
              : t("range", { label: group.label, min: format.points(group.minScore), max: format.points(groups[i - 1].minScore) }),
        )
        .join("; ")}
      .
    </p>
  );
}
