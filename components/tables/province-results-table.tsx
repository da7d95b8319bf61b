import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import type { ProvinceResultRow } from "@/lib/results/types";
import { sourceHref } from "@/lib/format";
import { useFormat } from "@/lib/i18n/client";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { RankOfCell } from "./rank-cell";
import { SourceCell } from "./source-cell";
import { ScoreText } from "@/components/tables/score-cell";

/** One index's results of a province (and the old units it was formed from), newest year first. */
export function ProvinceResultsTable({ rows, canEdit = true }: { rows: ProvinceResultRow[]; canEdit?: boolean }) {
  const t = useTranslations("results.table");
  const format = useFormat();
  return (
    <DataTable data-testid="province-results">
      <THead>
        <Th>{t("year")}</Th>
        <Th>{t("unit")}</Th>
        <Th numeric>{t("score")}</Th>
        <Th>{t("rank")}</Th>
        <Th>{t("group")}</Th>
        <Th>{t("components")}</Th>
        <Th>{t("source")}</Th>
        {canEdit ? (
          <Th>
            <span className="sr-only">{t("actions")}</span>
          </Th>
        ) : null}
      </THead>
      <TBody>
        {rows.map((row) => (
          <tr key={row.id} data-result-id={row.id}>
            <Td className="font-semibold tabular-nums">{row.year}</Td>
            <Td>
              {row.unitName}
              <span className="cell-note">{t("code", { code: row.unitCode })}</span>
            </Td>
            <Td numeric className="font-semibold">
              <ScoreText score={row.score} />
            </Td>
            <Td className="tabular-nums">
              <RankOfCell row={row} />
            </Td>
            <Td>{row.group ?? <span className="text-slate-400">—</span>}</Td>
            <Td className="text-xs text-slate-700">
              {row.components.length === 0 ? (
                <span className="text-slate-400">—</span>
              ) : (
                <ul>
                  {row.components.map((c) => (
                    <li key={c.code}>
                      {c.nameVi}: <span className="tabular-nums">{format.points(c.value)}</span>
                    </li>
                  ))}
                </ul>
              )}
              {row.fieldScoreCount > 0 ? <span className="block text-slate-500">{t("fieldScores", { count: row.fieldScoreCount })}</span> : null}
            </Td>
            <SourceCell source={row.source} href={sourceHref(row.source)} note={row.note} />
            {canEdit ? (
              <Td>
                <Link href={`/ket-qua/nhap?id=${row.id}`} className="font-medium link">
                  {t("edit")}
                </Link>
              </Td>
            ) : null}
          </tr>
        ))}
      </TBody>
    </DataTable>
  );
}
