// Labels shown next to a framework's name.
import type { FrameworkStatus } from "@/lib/frameworks/types";
import { STATUS_LABELS } from "@/lib/frameworks/labels";

const STATUS_STYLE: Record<FrameworkStatus, string> = {
  ACTIVE: "border-emerald-200 bg-emerald-50 text-emerald-800",
  DRAFT: "border-slate-300 bg-slate-100 text-slate-700",
  ARCHIVED: "border-slate-200 bg-white text-slate-500",
};

const BADGE = "inline-block rounded-full border px-2 py-0.5 text-xs font-medium";

export function FrameworkBadges({ status, isIllustrative, isDemo, inUse }: { status: FrameworkStatus; isIllustrative: boolean; isDemo: boolean; inUse: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1 align-middle">
      <span className={`${BADGE} ${STATUS_STYLE[status]}`} data-testid="status-badge">
        {STATUS_LABELS[status]}
      </span>
      {isIllustrative ? (
        <span className={`${BADGE} border-amber-300 bg-amber-50 text-amber-900`} data-testid="illustrative-badge" title="Một phần tiêu chí hoặc điểm tối đa là minh họa, không phải số liệu chính thức">
          Minh họa
        </span>
      ) : null}
      {isDemo ? <span className={`${BADGE} border-violet-200 bg-violet-50 text-violet-800`}>Dữ liệu demo</span> : null}
      {inUse ? (
        <span className={`${BADGE} border-brand-100 bg-brand-50 text-brand-700`} title="Đã có cơ quan nộp điểm theo bộ chỉ số này">
          Đang dùng để chấm điểm
        </span>
      ) : null}
    </span>
  );
}
