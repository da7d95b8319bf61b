import Link from "next/link";
import type { RankingItem } from "@/lib/results/types";
import { rankLabel } from "@/lib/results/ranking-view";
import { formatScore, sourceHref } from "@/lib/format";

function RankCell({ item, unitCount }: { item: RankingItem; unitCount: number }) {
  if (item.rank !== null) {
    return (
      <span className="font-semibold">
        {item.rank}
        {item.officialRankDisagrees ? (
          <span className="ml-1 text-amber-700" title="Thứ hạng công bố không khớp với thứ hạng tính từ điểm số đã biết">
            ⚠<span className="sr-only"> thứ hạng công bố không khớp với điểm số</span>
          </span>
        ) : null}
      </span>
    );
  }
  return (
    <span className="text-slate-500" title="Nguồn không công bố thứ hạng; khoảng này suy ra từ các kết quả đã biết">
      {rankLabel(item, unitCount)}
    </span>
  );
}

function PreviousRankCell({ previous }: { previous: RankingItem["previous"] }) {
  if (!previous) return <span className="text-slate-400" title="Không có kết quả năm trước của đơn vị này">—</span>;
  return previous.rank !== null ? (
    <span>{previous.rank}</span>
  ) : (
    <span className="text-slate-500" title="Thứ hạng năm trước không được công bố; khoảng suy ra từ các kết quả đã biết">
      {rankLabel(previous, previous.unitCount)}
    </span>
  );
}

function ChangeCell({ change }: { change: number | null }) {
  if (change === null) return <span className="text-slate-400">—</span>;
  if (change === 0) return <span className="text-slate-600">= 0</span>;
  return change > 0 ? (
    <span className="text-emerald-700" aria-label={`tăng ${change} bậc`}>
      ▲ {change}
    </span>
  ) : (
    <span className="text-red-700" aria-label={`giảm ${-change} bậc`}>
      ▼ {-change}
    </span>
  );
}

export function RankingTable({ items, unitCount, caption, id }: { items: RankingItem[]; unitCount: number; caption?: string; id?: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm print:overflow-visible print:shadow-none">
      <table className="min-w-full text-sm" data-testid="ranking-table" id={id}>
        {caption ? <caption className="px-3 py-2 text-left text-sm text-slate-600">{caption}</caption> : null}
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">Hạng</th>
            <th scope="col" className="px-3 py-2">Tỉnh, thành phố</th>
            <th scope="col" className="px-3 py-2 text-right">Điểm (%)</th>
            <th scope="col" className="px-3 py-2">Nhóm</th>
            <th scope="col" className="px-3 py-2">Hạng năm trước</th>
            <th scope="col" className="px-3 py-2">So với năm trước</th>
            <th scope="col" className="px-3 py-2">Nguồn</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((item) => {
            const href = sourceHref(item.source);
            return (
              <tr key={item.unitCode} data-unit-code={item.unitCode}>
                <td className="px-3 py-2 tabular-nums">
                  <RankCell item={item} unitCount={unitCount} />
                </td>
                <td className="px-3 py-2 font-medium">
                  <Link href={item.profilePath} className="text-brand-700 hover:underline print:text-slate-900">
                    {item.unitName}
                  </Link>
                  {item.note ? <span className="block text-xs font-normal text-slate-500">{item.note}</span> : null}
                </td>
                <td className="px-3 py-2 text-right font-semibold tabular-nums" data-testid="score">
                  {formatScore(item.score)}
                </td>
                <td className="px-3 py-2">{item.group ?? <span className="text-slate-400">—</span>}</td>
                <td className="px-3 py-2 tabular-nums">
                  <PreviousRankCell previous={item.previous} />
                </td>
                <td className="px-3 py-2 tabular-nums">
                  <ChangeCell change={item.change} />
                </td>
                <td className="max-w-xs px-3 py-2 text-xs text-slate-600">
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="break-words text-brand-700 hover:underline" data-testid="source-link">
                      {item.source}
                    </a>
                  ) : (
                    <span className="break-words">{item.source}</span>
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
