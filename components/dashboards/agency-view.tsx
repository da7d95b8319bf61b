// One agency's criteria as Quyết định 1020/UBND-TH asks agency heads to read them: every
// criterion with its scores and flags (not scored / below maximum / below target), the weakest
// first, the change since last year, the tasks meant to fix it, and "what to fix" to reach a total.
import Link from "next/link";
import type { AgencyView } from "@/lib/dashboards/types";
import type { CriterionFlag } from "@/lib/dashboards/flags";
import { BASIS_LABELS } from "@/lib/assessments/workflow";
import { ASSESSMENT_STATUS_LABELS, PERIOD_STATUS_LABELS } from "@/lib/assessments/workflow";
import { formatPoints, formatScore } from "@/lib/format";
import { IllustrativeBadge } from "@/components/assessments/badges";
import { FlagBadge } from "./badges";
import { CriteriaRows } from "./criteria-rows";
import { TargetsTable } from "./targets-table";

type Assessment = NonNullable<AgencyView["assessment"]>;

const card = "rounded-xl border border-slate-200 bg-white p-5 shadow-sm print:break-inside-avoid print:p-3 print:shadow-none";

const FLAG_HELP: Record<CriterionFlag, string> = {
  not_scored: "0 điểm hoặc chưa có điểm",
  below_max: "có điểm nhưng thấp hơn điểm tối đa",
  below_target: "thấp hơn chỉ tiêu văn bản chỉ đạo giao cho tiêu chí",
};

function href(agencyId: number, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined).map(([k, v]) => [k, String(v)]));
  const text = query.toString();
  return `/co-quan/${agencyId}${text ? `?${text}` : ""}`;
}

export function AgencyViewHeader({ view }: { view: AgencyView }) {
  const a = view.assessment;
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div>
        {view.agencies.length > 0 ? (
          <Link href={`/bang-dieu-khien?tinh=${view.agency.provinceId}${a ? `&nam=${a.year}` : ""}`} className="no-print text-sm text-brand-700 hover:underline">
            ← Bảng điều khiển của tỉnh
          </Link>
        ) : null}
        <h1 className="mt-1 text-2xl font-bold text-brand-900" data-testid="agency-title">
          {view.agency.name}
          {a ? <span className="text-slate-500"> · năm {a.year}</span> : null}
          {view.agency.isDemo ? <IllustrativeBadge label="Đơn vị demo" /> : null}
        </h1>
        <p className="text-slate-600">
          {view.agency.provinceName}
          {a ? (
            <>
              {" "}
              · {a.framework.name}
              {a.framework.illustrative ? <IllustrativeBadge /> : null} · {PERIOD_STATUS_LABELS[a.periodStatus]} · phiếu: {ASSESSMENT_STATUS_LABELS[a.status]}
            </>
          ) : null}
        </p>
      </div>
      <div className="no-print flex flex-wrap items-end gap-3">
        {view.agencies.length > 0 ? (
          <form method="get" action="/co-quan" className="flex items-end gap-2" aria-label="Chọn cơ quan">
            {a ? <input type="hidden" name="nam" value={a.year} /> : null}
            <label className="text-sm">
              <span className="block text-slate-600">Cơ quan, đơn vị</span>
              <select name="co-quan" defaultValue={String(view.agency.id)} className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
                {view.agencies.map((agency) => (
                  <option key={agency.id} value={agency.id}>
                    {agency.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
              Mở
            </button>
          </form>
        ) : null}
        {view.assessments.length > 0 ? (
          <form method="get" className="flex items-end gap-2" aria-label="Chọn năm">
            {a ? <input type="hidden" name="sap-xep" value={a.sort === "code" ? "ma" : "diem-mat"} /> : null}
            <label className="text-sm">
              <span className="block text-slate-600">Năm đánh giá</span>
              <select name="nam" defaultValue={String(a?.year ?? view.requestedYear ?? "")} className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
                {view.assessments.map((x) => (
                  <option key={x.year} value={x.year}>
                    {x.year} · {PERIOD_STATUS_LABELS[x.periodStatus]}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
              Xem
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}

export function AgencyViewBody({ view }: { view: AgencyView }) {
  const a = view.assessment;
  if (!a) {
    return (
      <p className={card} data-testid="no-assessment">
        {view.requestedYear !== null
          ? `${view.agency.name} không có phiếu đánh giá năm ${view.requestedYear}.`
          : `${view.agency.name} chưa có phiếu đánh giá nào.`}
      </p>
    );
  }
  const counts = (flag: CriterionFlag) => a.rows.filter((r) => r.flags.includes(flag)).length;
  return (
    <div className="space-y-6">
      <section className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4 print:grid-cols-2" aria-label="Tóm tắt">
        <div className={card}>
          <p className="text-sm text-slate-500">Tổng điểm</p>
          <p className="text-2xl font-bold tabular-nums" data-testid="agency-total">
            {formatScore(a.total)}
            <span className="text-base font-normal text-slate-500"> / {formatPoints(a.framework.maxScore)}</span>
          </p>
          <p className="text-xs text-slate-500">
            theo {BASIS_LABELS[a.basis]}
            {a.bonus !== null && (a.bonus > 0 || (a.penalty ?? 0) > 0) ? ` · thưởng ${formatPoints(a.bonus)}, trừ ${formatPoints(a.penalty)}` : ""}
          </p>
        </div>
        <div className={card}>
          <p className="text-sm text-slate-500">Xếp hạng trong kỳ</p>
          <p className="text-2xl font-bold tabular-nums" data-testid="agency-rank">
            {a.rank ? `${a.rank.value}/${a.rank.of}` : "—"}
          </p>
          <p className="text-xs text-slate-500">{a.rank ? "cùng bằng điểm thì cùng hạng" : "có khi kỳ đánh giá được công bố"}</p>
        </div>
        <div className={card}>
          <p className="text-sm text-slate-500">Xếp loại</p>
          <p className="text-2xl font-bold">{a.classification ?? "—"}</p>
          <p className="text-xs text-slate-500">{a.framework.gradeBands.map((b) => `${b.label} ≥ ${formatPoints(b.minScore)}`).join("; ")}</p>
        </div>
        <div className={card}>
          <p className="text-sm text-slate-500">Tiêu chí cần khắc phục</p>
          <ul className="mt-1 space-y-1 text-sm" data-testid="flag-counts">
            {(["not_scored", "below_max", "below_target"] as const).map((flag) => (
              <li key={flag} className="flex items-center justify-between gap-2">
                <FlagBadge flag={flag} /> <span className="font-semibold tabular-nums">{counts(flag)}</span>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <CriteriaTable view={view} a={a} />
      <WhatToFix view={view} a={a} />
      <AgencyTargets view={view} year={a.year} />
    </div>
  );
}

function CriteriaTable({ view, a }: { view: AgencyView; a: Assessment }) {
  const sortLink = (order: "diem-mat" | "ma", label: string) => {
    const current = (a.sort === "code" ? "ma" : "diem-mat") === order;
    return (
      <Link
        href={href(view.agency.id, { nam: a.year, "sap-xep": order === "diem-mat" ? undefined : order })}
        aria-current={current ? "true" : undefined}
        className={current ? "rounded-full bg-brand-600 px-3 py-1 font-semibold text-white" : "rounded-full border border-slate-300 px-3 py-1 hover:bg-slate-100"}
      >
        {label}
      </Link>
    );
  };
  return (
    <section className={card} aria-labelledby="criteria-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="criteria-heading" className="text-lg font-semibold text-brand-900">
          Các tiêu chí năm {a.year}
        </h2>
        <nav className="no-print flex gap-2 text-sm" aria-label="Sắp xếp">
          {sortLink("diem-mat", "Điểm bị mất nhiều trước")}
          {sortLink("ma", "Theo mã tiêu chí")}
        </nav>
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="Chú thích cảnh báo">
        {(["not_scored", "below_max", "below_target"] as const).map((flag) => (
          <li key={flag} className="flex items-center gap-1">
            <FlagBadge flag={flag} /> {FLAG_HELP[flag]}
          </li>
        ))}
      </ul>
      {a.previousYear === null ? (
        <p className="mt-2 text-xs text-slate-500" data-testid="no-previous-year">
          Không có phiếu đã chốt điểm năm {a.year - 1} của {view.agency.name} để so sánh từng tiêu chí với năm trước.
        </p>
      ) : null}
      {a.basis !== "final" ? (
        <p className="mt-2 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          Phiếu chưa chốt điểm: cảnh báo và điểm bị mất tính theo {BASIS_LABELS[a.basis]}.
        </p>
      ) : null}
      <div className="mt-3 overflow-x-auto">
        <CriteriaRows agencyName={view.agency.name} year={a.year} sort={a.sort} previousYear={a.previousYear} rows={a.rows} />
      </div>
    </section>
  );
}

function WhatToFix({ view, a }: { view: AgencyView; a: Assessment }) {
  const { plan, targetSource, newRank, currentRank, newClassification } = a.whatToFix;
  return (
    <section className={card} aria-labelledby="fix-heading" data-testid="what-to-fix">
      <h2 id="fix-heading" className="text-lg font-semibold text-brand-900">
        Cần khắc phục gì để đạt mục tiêu
      </h2>
      <form method="get" className="no-print mt-2 flex flex-wrap items-end gap-2" aria-label="Tổng điểm mục tiêu">
        <input type="hidden" name="nam" value={a.year} />
        {a.sort === "code" ? <input type="hidden" name="sap-xep" value="ma" /> : null}
        <label className="text-sm">
          <span className="block text-slate-600">Tổng điểm mục tiêu</span>
          <input
            name="muc-tieu"
            inputMode="decimal"
            defaultValue={a.whatToFix.target !== null ? formatPoints(a.whatToFix.target) : ""}
            className="w-28 rounded-md border border-slate-300 px-2 py-1.5"
          />
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
          Tính
        </button>
      </form>
      {!plan || !targetSource ? (
        <p className="mt-3 text-sm text-slate-700">{view.agency.name} đã đạt điểm tối đa: không còn tiêu chí nào để khắc phục.</p>
      ) : (
        <div className="mt-3 space-y-2 text-sm" data-status={plan.status}>
          <p>
            Mục tiêu <strong className="tabular-nums">{formatPoints(plan.target)}</strong> điểm ({targetSource.label}); hiện có{" "}
            <strong className="tabular-nums">{formatScore(plan.current)}</strong>.
          </p>
          {plan.status === "reached" ? (
            <p className="text-emerald-800">Đã đạt mục tiêu, không cần khôi phục tiêu chí nào.</p>
          ) : plan.status === "impossible" ? (
            <p className="rounded-lg border border-red-200 bg-red-50 p-3 text-red-900" data-testid="fix-impossible">
              {plan.aboveMaximum
                ? `Không thể đạt: mục tiêu vượt điểm tối đa ${formatPoints(a.framework.maxScore)} của bộ chỉ số.`
                : `Không thể đạt: kể cả khôi phục toàn bộ ${plan.picks.length} tiêu chí còn thiếu điểm (${formatPoints(plan.recovered)} điểm), tổng chỉ đạt ${formatScore(plan.newTotal)}, còn thiếu ${formatPoints(plan.shortfall)}.`}
            </p>
          ) : (
            <>
              <p>
                Cần thêm <strong className="tabular-nums">{formatPoints(plan.gap)}</strong> điểm. Khôi phục {plan.picks.length} tiêu chí sau (ít điểm trước) là đủ:
              </p>
              <ol className="list-inside list-decimal space-y-1" data-testid="fix-picks">
                {plan.picks.map((pick) => (
                  <li key={pick.code} data-code={pick.code}>
                    <span className="tabular-nums">{pick.code}</span> {pick.name} — thiếu <strong className="tabular-nums">{formatPoints(pick.missing)}</strong> điểm
                  </li>
                ))}
              </ol>
              <p data-testid="fix-outcome">
                Khi đó tổng điểm là <strong className="tabular-nums">{formatScore(plan.newTotal)}</strong>
                {newClassification ? `, xếp loại ${newClassification}` : ""}
                {newRank && currentRank ? (
                  <>
                    , <strong>hạng {newRank.rank}/{newRank.of}</strong> trong các cơ quan cùng kỳ (hiện hạng {currentRank.rank}/{currentRank.of}; cùng điểm thì cùng hạng)
                  </>
                ) : (
                  "; kỳ đánh giá chưa công bố nên chưa so được thứ hạng"
                )}
                .
              </p>
            </>
          )}
          <p className="text-xs text-slate-500">Giả định điểm thưởng, điểm trừ giữ nguyên và điểm các cơ quan khác không đổi.</p>
        </div>
      )}
    </section>
  );
}

function AgencyTargets({ view, year }: { view: AgencyView; year: number }) {
  if (view.targets.length === 0) {
    return (
      <p className={`${card} text-sm text-slate-700`} data-testid="agency-targets-empty">
        Chưa có chỉ tiêu năm {year} giao cho {view.agency.name}.
      </p>
    );
  }
  return (
    <section className={card} aria-labelledby="agency-targets-heading">
      <h2 id="agency-targets-heading" className="text-lg font-semibold text-brand-900">
        Chỉ tiêu năm {year}
      </h2>
      <div className="mt-3 overflow-x-auto">
        <TargetsTable targets={view.targets} testId="agency-targets" showUnit={false} />
      </div>
    </section>
  );
}

