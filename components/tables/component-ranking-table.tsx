import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { type ComponentRankedItem, rankLabel } from "@/lib/results/ranking-view";
import type { RankingItem } from "@/lib/results/types";
import { useFormat } from "@/lib/i18n/client";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";

/** A year's table ranked by one component: rank (bounds when the table is partial), unit, the component's points of its maximum. */
export function ComponentRankingTable({
  id,
  rows,
  unitCount,
  maxPoints,
  caption,
}: {
  id: string;
  rows: ComponentRankedItem<RankingItem>[];
  unitCount: number;
  maxPoints: number;
  caption: string;
}) {
  const t = useTranslations("rankings.byComponent");
  const format = useFormat();
  return (
    <DataTable id={id} stacked data-testid="component-ranking-table">
      <caption className="sr-only">{caption}</caption>
      <THead>
        <Th numeric>{t("rank")}</Th>
        <Th>{t("unit")}</Th>
        <Th numeric>{t("points", { max: format.points(maxPoints) })}</Th>
      </THead>
      <TBody>
        {rows.map((row) => (
          <tr key={row.item.unitCode}>
            <Td numeric label={t("rank")}>
              <span className="font-semibold">{rankLabel(row, unitCount)}</span>
            </Td>
            <Td label={t("unit")}>
              <Link href={row.item.profilePath} className="text-brand-700 underline">
                {row.item.unitName}
              </Link>
            </Td>
            <Td numeric label={t("points", { max: format.points(maxPoints) })}>
              {format.points(row.value)}
            </Td>
          </tr>
        ))}
      </TBody>
    </DataTable>
  );
}
