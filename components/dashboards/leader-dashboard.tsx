// The leader's dashboard of a province: where it stands nationally (through the old units it was
// formed from, each on its own), its targets of the year, its agencies and weakest criteria.
import { rankLabel } from "@/lib/results/ranking-view";
import Link from "next/link";
import type { IndexSection, LeaderDashboard, PeriodSection } from "@/lib/dashboards/types";
import { PERIOD_STATUS_LABELS } from "@/lib/assessments/workflow";
import { formatPoints, formatScore } from "@/lib/format";
import type { EvaluatedTarget } from "@/lib/targets/types";
import { IllustrativeBadge } from "@/components/assessments/badges";
import { PRINT_FIT } from "@/components/charts/chart-styles";
import { AgenciesChart, ComponentsChart, TrendChart } from "./lazy-charts";
import { RankChange } from "./badges";
import { TargetsTable } from "./targets-table";

const card = "rounded-xl border border-slate-200 bg-white p-5 shadow-sm print:break-inside-avoid print:shadow-none";
const th = "cell-head";
const td = "cell";
const num = "cell-num";
const tableClass = "min-w-full text-sm";
const thead = "bg-slate-100 text-left text-slate-700";

export function LeaderDashboardView({ data }: { data: LeaderDashboard & { province: NonNullable<LeaderDashboard["province"]> } }) {
  return (
    <div className="space-y-6">
      <section aria-labelledby="national-heading" className="space-y-4">
        <h2 id="national-heading" className="text-lg font-semibold text-brand-900">
          Kết quả PAR INDEX và SIPAS đã công bố
        </h2>
        <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-1">
          {data.indices.map((index) => (
            <NationalSummary key={index.code} index={index} province={data.province} />
          ))}
        </div>
      </section>

      <section aria-labelledby="trend-heading" className="space-y-4">
        <h2 id="trend-heading" className="text-lg font-semibold text-brand-900">
          Xu hướng qua các năm
        </h2>
        {data.indices.map((index) => (
          <Trend key={index.code} index={index} />
        ))}
      </section>

      <section aria-labelledby="components-heading" className="space-y-4">
        <h2 id="components-heading" className="text-lg font-semibold text-brand-900">
          Chỉ số thành phần so với trung bình cả nước và tỉnh dẫn đầu
        </h2>
        {data.indices.map((index) => (
          <Components key={index.code} index={index} />
        ))}
      </section>

      <Targets targets={data.targets} year={data.year} />

      <section aria-labelledby="agencies-heading" className="space-y-4">
        <h2 id="agencies-heading" className="text-lg font-semibold text-brand-900">
          Cơ quan, đơn vị của tỉnh năm {data.year}
        </h2>
        {data.periods.length === 0 ? (
          <p className={card} data-testid="no-period">
            Chưa có kỳ đánh giá nội bộ năm {data.year} của tỉnh.
          </p>
        ) : (
          data.periods.map((period) => <Period key={period.id} period={period} />)
        )}
      </section>
    </div>
  );
}

function NationalSummary({ index, province }: { index: IndexSection; province: { label: string; firstResultYear: number } }) {
  return (
    <div className={card} data-testid={`national-${index.code}`}>
      <h3 className="font-semibold">{index.shortName}</h3>
      <p className="text-sm text-slate-600">
        Năm công bố gần nhất trong dữ liệu: <strong>{index.latestYear ?? "—"}</strong>
      </p>
      {!index.selfHasResult ? (
        <p className="mt-3 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid={`no-own-result-${index.code}`}>
          {province.label} chưa có kết quả {index.shortName} được công bố (kết quả từ năm {province.firstResultYear} mới thuộc đơn vị này).
          {index.summary.length > 0 ? " Dưới đây là kết quả gần nhất của từng tỉnh cũ hợp thành, mỗi tỉnh một dòng, không cộng gộp." : ""}
        </p>
      ) : null}
      {index.summary.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">Chưa có kết quả {index.shortName} nào của tỉnh và các tỉnh cũ hợp thành trong dữ liệu.</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className={tableClass} data-testid={`summary-${index.code}`}>
            <caption className="sr-only">Kết quả {index.shortName} gần nhất và năm trước đó</caption>
            <thead className={thead}>
              <tr>
                <th scope="col" className={th}>Đơn vị</th>
                <th scope="col" className={th}>Năm</th>
                <th scope="col" className={`${th} text-right`}>Điểm (%)</th>
                <th scope="col" className={th}>Hạng</th>
                <th scope="col" className={th}>Năm trước</th>
                <th scope="col" className={th}>Thay đổi</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {index.summary.map((s) => (
                <tr key={s.unitId} data-unit={s.unitId}>
                  <td className={`${td} font-medium`}>
                    <Link href={s.profilePath} className="text-brand-700 hover:underline">
                      {s.label}
                    </Link>
                  </td>
                  <td className={td}>{s.latest.year}</td>
                  <td className={`${num} font-semibold`}>{formatScore(s.latest.score)}</td>
                  <td className={`${td} tabular-nums`}>{rankLabel(s.latest, s.latest.unitCount, { ofCount: true })}</td>
                  <td className={`${td} text-xs text-slate-700`}>
                    {s.previous ? `${s.previous.year}: ${formatScore(s.previous.score)} · hạng ${rankLabel(s.previous, s.previous.unitCount, { ofCount: true })}` : `chưa có kết quả ${s.latest.year - 1}`}
                  </td>
                  <td className={td}>
                    <RankChange change={s.latest.change} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function Trend({ index }: { index: IndexSection }) {
  if (index.history.length === 0) {
    return (
      <div className={card}>
        <h3 className="font-semibold">{index.shortName}</h3>
        <p className="text-sm text-slate-600">Chưa có kết quả để vẽ xu hướng.</p>
      </div>
    );
  }
  const years = [...new Set([...index.history.flatMap((h) => h.rows.map((r) => r.year)), ...index.nationalAverages.map((a) => a.year)])].sort((a, b) => a - b);
  const first = Math.min(...index.history.flatMap((h) => h.rows.map((r) => r.year)));
  const shown = years.filter((y) => y >= first);
  const key = (unitId: number) => `u${unitId}`;
  const chartData = shown.map((year) => ({
    year,
    ...Object.fromEntries(index.history.map((h) => [key(h.unitId), h.rows.find((r) => r.year === year)?.score ?? null])),
    avg: index.nationalAverages.find((a) => a.year === year)?.value ?? null,
  }));
  const caption = `${index.shortName} từ năm ${first}: ${index.history.map((h) => h.label).join(", ")} và trung bình cả nước`;
  return (
    <figure className={card} aria-labelledby={`trend-${index.code}-caption`}>
      <figcaption id={`trend-${index.code}-caption`} className="font-semibold">
        {caption}
      </figcaption>
      <p className="text-xs text-slate-500">Mỗi tỉnh cũ một đường riêng; năm không có số liệu được nối thẳng giữa hai năm có số liệu.</p>
      <div aria-hidden className={`mt-3 ${PRINT_FIT}`}>
        <TrendChart
          label={caption}
          data={chartData}
          series={[...index.history.map((h) => ({ key: key(h.unitId), label: h.label })), { key: "avg", label: "Trung bình cả nước", average: true }]}
        />
      </div>
      <div className="mt-3 overflow-x-auto">
        <table className={tableClass} data-testid={`trend-table-${index.code}`}>
          <caption className="text-left text-xs text-slate-500">Số liệu của biểu đồ (điểm %, hạng)</caption>
          <thead className={thead}>
            <tr>
              <th scope="col" className={th}>Năm</th>
              {index.history.map((h) => (
                <th key={h.unitId} scope="col" className={`${th} text-right`}>
                  {h.label}
                </th>
              ))}
              <th scope="col" className={`${th} text-right`}>Trung bình cả nước</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((year) => (
              <tr key={year} data-year={year}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  {year}
                </th>
                {index.history.map((h) => {
                  const r = h.rows.find((row) => row.year === year);
                  return (
                    <td key={h.unitId} className={num}>
                      {r ? (
                        <>
                          {formatScore(r.score)} <span className="text-xs text-slate-500">(hạng {rankLabel(r, r.unitCount, { ofCount: true })})</span>
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                  );
                })}
                <td className={num}>{formatScore(index.nationalAverages.find((a) => a.year === year)?.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

function Components({ index }: { index: IndexSection }) {
  if (index.components.length === 0) {
    return (
      <p className={`${card} text-sm text-slate-700`} data-testid={`components-empty-${index.code}`}>
        <strong>{index.shortName}:</strong> chưa có dữ liệu thành phần của tỉnh và các tỉnh cũ hợp thành trong các kết quả đã nhập.
      </p>
    );
  }
  return (
    <>
      {index.components.map((comparison) => {
        const leader = comparison.leader ? `Tỉnh dẫn đầu năm ${comparison.year}: ${comparison.leader.label}` : "Tỉnh dẫn đầu";
        const caption = `${index.shortName} ${comparison.year}: thành phần của ${comparison.unitLabel}`;
        return (
          <figure key={`${comparison.unitLabel}-${comparison.year}`} className={card} aria-labelledby={`components-${index.code}-${comparison.year}`} data-testid={`components-${index.code}`}>
            <figcaption id={`components-${index.code}-${comparison.year}`} className="font-semibold">
              {caption}
            </figcaption>
            <p className="text-xs text-slate-500">
              {comparison.leader ? `${leader} (${formatScore(comparison.leader.score)} điểm).` : "Không có kết quả của tỉnh dẫn đầu."} Ô trống: nguồn không công bố giá trị đó.
            </p>
            <div aria-hidden className={`mt-3 ${PRINT_FIT}`}>
              <ComponentsChart
                data={comparison.items.map((item) => ({ name: item.nameVi, value: item.value, average: item.nationalAverage, leader: item.leaderValue }))}
                labels={{ value: comparison.unitLabel, average: "Trung bình cả nước", leader }}
              />
            </div>
            <div className="mt-3 overflow-x-auto">
              <table className={tableClass}>
                <caption className="text-left text-xs text-slate-500">Số liệu của biểu đồ</caption>
                <thead className={thead}>
                  <tr>
                    <th scope="col" className={th}>Thành phần</th>
                    <th scope="col" className={`${th} text-right`}>Tối đa</th>
                    <th scope="col" className={`${th} text-right`}>{comparison.unitLabel}</th>
                    <th scope="col" className={`${th} text-right`}>Trung bình cả nước</th>
                    <th scope="col" className={`${th} text-right`}>{comparison.leader?.label ?? "Tỉnh dẫn đầu"}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {comparison.items.map((item) => (
                    <tr key={item.code} data-component={item.code}>
                      <th scope="row" className={`${td} text-left font-medium`}>
                        {item.nameVi}
                      </th>
                      <td className={num}>{formatPoints(item.maxPoints)}</td>
                      <td className={`${num} font-semibold`}>{formatScore(item.value)}</td>
                      <td className={num}>{formatScore(item.nationalAverage)}</td>
                      <td className={num}>{formatScore(item.leaderValue)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </figure>
        );
      })}
    </>
  );
}

function Targets({ targets, year }: { targets: EvaluatedTarget[]; year: number }) {
  return (
    <section aria-labelledby="targets-heading" className={card}>
      <h2 id="targets-heading" className="text-lg font-semibold text-brand-900">
        Chỉ tiêu năm {year}
      </h2>
      {targets.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700" data-testid="targets-empty">
          Chưa có chỉ tiêu năm {year} trong các văn bản chỉ đạo của tỉnh.
        </p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <TargetsTable targets={targets} testId="targets-table" showUnit />
        </div>
      )}
    </section>
  );
}

function Period({ period }: { period: PeriodSection }) {
  const published = period.status === "PUBLISHED";
  const caption = `Điểm cuối cùng của ${period.standings.length} cơ quan, đơn vị năm ${period.year}`;
  return (
    <div className="space-y-4">
      <div className={card}>
        <p className="text-sm text-slate-700">
          {period.frameworkName}
          {period.illustrative ? <IllustrativeBadge /> : null} · {PERIOD_STATUS_LABELS[period.status]} · {period.finalizedCount}/{period.agencyCount} cơ quan đã chốt điểm ·{" "}
          <Link href={`/danh-gia/${period.id}`} className="text-brand-700 hover:underline">
            Kỳ đánh giá
          </Link>
        </p>
        {!published ? (
          <p className="mt-2 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
            Kỳ đánh giá chưa công bố: thứ hạng và xếp loại có khi công bố; điểm dưới đây là của các cơ quan đã chốt điểm.
          </p>
        ) : null}
        {period.standings.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">Chưa có cơ quan nào được chốt điểm.</p>
        ) : (
          <figure className="mt-3" aria-labelledby={`agencies-${period.id}-caption`}>
            <figcaption id={`agencies-${period.id}-caption`} className="font-semibold">
              {caption}
            </figcaption>
            <div aria-hidden className={`mt-2 ${PRINT_FIT}`}>
              <AgenciesChart
                label={caption}
                data={period.standings.map((s) => ({ name: s.name, total: s.finalTotal }))}
                thresholds={period.gradeBands}
                maxScore={period.maxScore}
              />
            </div>
            <div className="mt-3 overflow-x-auto">
              <table className={tableClass} data-testid={`standings-${period.year}`}>
                <caption className="text-left text-xs text-slate-500">
                  Số liệu của biểu đồ · ngưỡng xếp loại: {period.gradeBands.map((b) => `${b.label} ≥ ${formatPoints(b.minScore)}`).join("; ")}
                </caption>
                <thead className={thead}>
                  <tr>
                    <th scope="col" className={th}>Hạng</th>
                    <th scope="col" className={th}>Cơ quan, đơn vị</th>
                    <th scope="col" className={`${th} text-right`}>Điểm cuối cùng</th>
                    <th scope="col" className={th}>Xếp loại</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {period.standings.map((s) => (
                    <tr key={s.agencyId} data-agency={s.code}>
                      <td className={`${td} font-semibold tabular-nums`}>{s.rank ?? "—"}</td>
                      <td className={td}>
                        <Link href={`/co-quan/${s.agencyId}?nam=${period.year}`} className="text-brand-700 hover:underline">
                          {s.name}
                        </Link>
                      </td>
                      <td className={`${num} font-semibold`}>{formatScore(s.finalTotal)}</td>
                      <td className={td}>{s.classification ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </figure>
        )}
      </div>

      <div className={card}>
        <h3 className="font-semibold">10 tiêu chí mất nhiều điểm nhất trên toàn tỉnh năm {period.year}</h3>
        <p className="text-xs text-slate-500">Tổng điểm bị mất so với điểm tối đa, cộng trên {period.finalizedCount} cơ quan đã chốt điểm.</p>
        {period.lostCriteria.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">Không có tiêu chí nào bị mất điểm.</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className={tableClass} data-testid={`lost-criteria-${period.year}`}>
              <thead className={thead}>
                <tr>
                  <th scope="col" className={th}>Mã</th>
                  <th scope="col" className={th}>Tiêu chí</th>
                  <th scope="col" className={`${th} text-right`}>Tối đa</th>
                  <th scope="col" className={`${th} text-right`}>Điểm bị mất</th>
                  <th scope="col" className={`${th} text-right`}>Không có điểm</th>
                  <th scope="col" className={`${th} text-right`}>Chưa đạt tối đa</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {period.lostCriteria.map((c) => (
                  <tr key={c.code} data-code={c.code}>
                    <td className={`${td} tabular-nums`}>{c.code}</td>
                    <td className={td}>{c.name}</td>
                    <td className={num}>{formatPoints(c.maxPoints)}</td>
                    <td className={`${num} font-semibold`}>{formatPoints(c.lost)}</td>
                    <td className={num}>
                      {c.notScored}/{c.assessed}
                    </td>
                    <td className={num}>
                      {c.belowMax}/{c.assessed}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
