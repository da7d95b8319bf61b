"use client";
// A client component on purpose: the page's RSC payload then carries each result once, as data,
// instead of every cell of the table as a React element (the table is most of the page).
// Its messages: units.profileTable, results.table (see app/(public)/tinh/[code]/page.tsx).
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import type { ProfileIndex } from "@/lib/profiles/types";
import { sourceHref } from "@/lib/format";
import { useFormat } from "@/lib/i18n/client";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { RankOfCell } from "./rank-cell";
import { SourceCell } from "./source-cell";
import { ScoreText } from "@/components/tables/score-cell";

/** Every result of one index for a unit and the old units it was formed from: the data of its charts. */
export function ProfileResultsTable({ index, id, currentUnitId }: { index: ProfileIndex; id: string; currentUnitId: number }) {
  const t = useTranslations("units.profileTable");
  const tr = useTranslations("results.table");
  const format = useFormat();
  const averageOf = new Map(index.nationalAverages.map((a) => [a.year, a.value]));
  const showGroup = index.rows.some((row) => row.group !== null);
  const components = index.componentsAreAdditive ? t("components") : t("elements");
  return (
    <DataTable id={id} data-testid={`profile-table-${index.code}`}>
      <caption className="px-3 py-2 text-left text-sm text-slate-600">{t("caption", { index: index.shortName, components: components.toLowerCase() })}</caption>
      <THead>
        <Th>{tr("year")}</Th>
        <Th>{tr("unit")}</Th>
        <Th numeric>{tr("score")}</Th>
        <Th>{tr("rank")}</Th>
        {showGroup ? <Th>{tr("group")}</Th> : null}
        <Th numeric>{t("nationalAverage")}</Th>
        <Th>{components}</Th>
        <Th>{tr("source")}</Th>
      </THead>
      <TBody>
        {index.rows.map((row) => (
          <tr key={row.id} data-year={row.year} data-unit-code={row.unit.code} className="row-keep">
            <Td numeric className="text-left font-semibold">
              {row.year}
            </Td>
            <Td>
              {row.unit.id === currentUnitId ? (
                row.unit.label
              ) : (
                <Link href={row.unit.path} className="link print:text-slate-900">
                  {row.unit.label}
                </Link>
              )}
              <span className="cell-note">{tr("code", { code: row.unit.code })}</span>
              {row.note ? <span className="cell-note">{row.note}</span> : null}
            </Td>
            <Td numeric className="font-semibold" data-testid="score">
              <ScoreText score={row.score} />
            </Td>
            <Td className="tabular-nums" data-testid="rank">
              <RankOfCell row={row} />
            </Td>
            {showGroup ? <Td>{row.group ?? <span className="text-slate-400">—</span>}</Td> : null}
            <Td numeric className="text-slate-600">
              {format.score(averageOf.get(row.year))}
            </Td>
            <Td className="text-xs text-slate-700">
              {row.components.length === 0 && row.fieldScores.length === 0 ? (
                <span className="text-slate-400" title={t("notPublished")}>
                  —
                </span>
              ) : (
                <ul>
                  {row.components.map((c) => (
                    <li key={c.code}>
                      {c.nameVi}: <span className="tabular-nums">{format.points(c.value)}</span>
                    </li>
                  ))}
                  {row.fieldScores.map((f) => (
                    <li key={f.code} className="text-slate-500">
                      {f.code}. {f.name}: <span className="tabular-nums">{format.points(f.value)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Td>
            <SourceCell source={row.source} href={sourceHref(row.source)} />
          </tr>
        ))}
      </TBody>
    </DataTable>
  );
}
