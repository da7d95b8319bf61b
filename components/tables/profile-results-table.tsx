"use client";
// A client component on purpose: the page's RSC payload then carries each result once, as data,
// instead of every cell of the table as a React element (the table is most of the page).
import Link from "next/link";
import type { ProfileIndex, ProfileResultRow } from "@/lib/profiles/types";
import { rankLabel } from "@/lib/results/ranking-view";
import { formatPoints, formatScore, sourceHref } from "@/lib/format";

function RankCell({ row }: { row: ProfileResultRow }) {
  if (row.rank === null) {
    return (
      <span className="text-slate-500" title="Nguồn không công bố thứ hạng; khoảng này suy ra từ các kết quả đã biết của năm">
        {rankLabel(row, row.unitCount)}
        <span className="block text-xs">/{row.unitCount}, ước tính</span>
      </span>
    );
  }
  return (
    <span>
      <span className="font-semibold">{row.rank}</span>
      <span className="text-slate-500">/{row.unitCount}</span>
      {row.officialRankDisagrees ? (
        <span className="ml-1 text-amber-700" title="Hạng công bố khác hạng tính từ điểm số đã biết">
          ⚠<span className="sr-only"> hạng công bố khác hạng tính từ điểm số</span>
        </span>
      ) : null}
      <span className="cell-note">{row.officialRank !== null ? "hạng công bố" : "tính từ điểm"}</span>
    </span>
  );
}

/** Every result of one index for a unit and the old units it was formed from: the data of its charts. */
export function ProfileResultsTable({ index, id, currentUnitId }: { index: ProfileIndex; id: string; currentUnitId: number }) {
  const averageOf = new Map(index.nationalAverages.map((a) => [a.year, a.value]));
  const showGroup = index.rows.some((row) => row.group !== null);
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm print:overflow-visible print:shadow-none">
      <table className="min-w-full text-sm" id={id} data-testid={`profile-table-${index.code}`}>
        <caption className="px-3 py-2 text-left text-sm text-slate-600">
          {index.shortName}: điểm, thứ hạng và {index.componentsLabel.toLowerCase()} theo năm, mỗi đơn vị một dòng
        </caption>
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">Năm</th>
            <th scope="col" className="px-3 py-2">Đơn vị</th>
            <th scope="col" className="px-3 py-2 text-right">Điểm (%)</th>
            <th scope="col" className="px-3 py-2">Hạng</th>
            {showGroup ? <th scope="col" className="px-3 py-2">Nhóm</th> : null}
            <th scope="col" className="px-3 py-2 text-right">TB cả nước</th>
            <th scope="col" className="px-3 py-2">{index.componentsLabel}</th>
            <th scope="col" className="px-3 py-2">Nguồn</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {index.rows.map((row) => {
            const href = sourceHref(row.source);
            return (
              <tr key={row.id} data-year={row.year} data-unit-code={row.unit.code} className="row-keep">
                <td className="cell-num text-left font-semibold">{row.year}</td>
                <td className="cell">
                  {row.unit.id === currentUnitId ? (
                    row.unit.label
                  ) : (
                    <Link href={row.unit.path} className="text-brand-700 hover:underline print:text-slate-900">
                      {row.unit.label}
                    </Link>
                  )}
                  <span className="cell-note">mã {row.unit.code}</span>
                  {row.note ? <span className="cell-note">{row.note}</span> : null}
                </td>
                <td className="cell-num font-semibold" data-testid="score">
                  {formatScore(row.score)}
                </td>
                <td className="cell tabular-nums" data-testid="rank">
                  <RankCell row={row} />
                </td>
                {showGroup ? <td className="cell">{row.group ?? <span className="text-slate-400">—</span>}</td> : null}
                <td className="cell-num text-slate-600">{formatScore(averageOf.get(row.year))}</td>
                <td className="cell text-xs text-slate-700">
                  {row.components.length === 0 && row.fieldScores.length === 0 ? (
                    <span className="text-slate-400" title="Nguồn không công bố">—</span>
                  ) : (
                    <ul>
                      {row.components.map((c) => (
                        <li key={c.code}>
                          {c.nameVi}: <span className="tabular-nums">{formatPoints(c.value)}</span>
                        </li>
                      ))}
                      {row.fieldScores.map((f) => (
                        <li key={f.code} className="text-slate-500">
                          {f.code}. {f.name}: <span className="tabular-nums">{formatPoints(f.value)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="cell max-w-xs text-xs text-slate-600">
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="[overflow-wrap:anywhere] text-brand-700 hover:underline">
                      {row.source}
                    </a>
                  ) : (
                    <span className="[overflow-wrap:anywhere]">{row.source}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
