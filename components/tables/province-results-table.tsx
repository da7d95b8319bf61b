import Link from "next/link";
import type { ProvinceResultRow } from "@/lib/results/types";
import { formatPoints, formatScore, sourceHref } from "@/lib/format";

function RankCell({ row }: { row: ProvinceResultRow }) {
  if (row.rank === null) {
    const range = row.rankMax >= row.unitCount ? `≥ ${row.rankMin}` : `${row.rankMin}–${row.rankMax}`;
    return (
      <span className="text-slate-500" title="Nguồn không công bố thứ hạng; khoảng này suy ra từ các kết quả đã biết của năm">
        {range}
        <span className="block text-xs">/{row.unitCount}, ước tính</span>
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
          title={`Hạng công bố khác hạng tính từ điểm số đã biết (${row.rankMin === row.rankMax ? row.rankMin : `${row.rankMin}–${row.rankMax}`})`}
        >
          ⚠<span className="sr-only"> hạng công bố khác hạng tính từ điểm số</span>
        </span>
      ) : null}
      <span className="block text-xs text-slate-500">{row.officialRank !== null ? "hạng công bố" : "tính từ điểm"}</span>
    </span>
  );
}

/** One index's results of a province (and the old units it was formed from), newest year first. */
export function ProvinceResultsTable({ rows, canEdit = true }: { rows: ProvinceResultRow[]; canEdit?: boolean }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid="province-results">
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">Năm</th>
            <th scope="col" className="px-3 py-2">Đơn vị</th>
            <th scope="col" className="px-3 py-2 text-right">Điểm (%)</th>
            <th scope="col" className="px-3 py-2">Hạng</th>
            <th scope="col" className="px-3 py-2">Nhóm</th>
            <th scope="col" className="px-3 py-2">Thành phần</th>
            <th scope="col" className="px-3 py-2">Nguồn</th>
            {canEdit ? <th scope="col" className="px-3 py-2"><span className="sr-only">Thao tác</span></th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const href = sourceHref(row.source);
            return (
              <tr key={row.id} data-result-id={row.id} className="align-top">
                <td className="px-3 py-2 font-semibold tabular-nums">{row.year}</td>
                <td className="px-3 py-2">
                  {row.unitName}
                  <span className="block text-xs text-slate-500">mã {row.unitCode}</span>
                </td>
                <td className="px-3 py-2 text-right font-semibold tabular-nums">{formatScore(row.score)}</td>
                <td className="px-3 py-2 tabular-nums">
                  <RankCell row={row} />
                </td>
                <td className="px-3 py-2">{row.group ?? <span className="text-slate-400">—</span>}</td>
                <td className="px-3 py-2 text-xs text-slate-700">
                  {row.components.length === 0 ? (
                    <span className="text-slate-400">—</span>
                  ) : (
                    <ul>
                      {row.components.map((c) => (
                        <li key={c.code}>
                          {c.nameVi}: <span className="tabular-nums">{formatPoints(c.value)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                  {row.fieldScoreCount > 0 ? <span className="block text-slate-500">{row.fieldScoreCount} điểm lĩnh vực</span> : null}
                </td>
                <td className="max-w-xs px-3 py-2 text-xs text-slate-600">
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="break-words text-brand-700 hover:underline">
                      {row.source}
                    </a>
                  ) : (
                    <span className="break-words">{row.source}</span>
                  )}
                  {row.note ? <span className="mt-1 block text-slate-500">{row.note}</span> : null}
                </td>
                {canEdit ? (
                  <td className="px-3 py-2">
                    <Link href={`/ket-qua/nhap?id=${row.id}`} className="font-medium text-brand-700 hover:underline">
                      Sửa
                    </Link>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
