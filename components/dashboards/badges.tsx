// Flags and statuses are told apart by colour, icon and text together (never colour alone), so
// they survive colour blindness and black-and-white printing.
import { useTranslations } from "next-intl";
import type { CriterionFlag } from "@/lib/dashboards/flags";
import { useFormat } from "@/lib/i18n/client";
import type { TargetStatus } from "@/lib/targets/evaluate";
import { Badge, type BadgeTone } from "@/components/ui/badge";

type IconName = "cross" | "half" | "flag" | "check" | "warning" | "question";

/**
 * The icons' drawings, once per page (rendered by the root layout); each badge only points at one
 * (`<use href>`), which keeps long tables of badges small.
 */
export function IconSprite() {
  return (
    <svg width="0" height="0" aria-hidden className="absolute">
      <symbol id="icon-cross" viewBox="0 0 16 16">
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" stroke="white" strokeWidth="1.8" strokeLinecap="round" />
      </symbol>
      <symbol id="icon-half" viewBox="0 0 16 16">
        <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M8 1.8a6.2 6.2 0 0 1 0 12.4z" fill="currentColor" />
      </symbol>
      <symbol id="icon-flag" viewBox="0 0 16 16">
        <path d="M3 15V1.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        <path d="M3.8 2h9.2l-2.4 3.5L13 9H3.8z" fill="currentColor" />
      </symbol>
      <symbol id="icon-check" viewBox="0 0 16 16">
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path d="M4.6 8.3l2.2 2.2 4.6-4.8" stroke="white" strokeWidth="1.8" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      </symbol>
      <symbol id="icon-warning" viewBox="0 0 16 16">
        <path d="M8 1.2l7 13.3H1z" fill="currentColor" />
        <path d="M8 6v4" stroke="white" strokeWidth="1.7" strokeLinecap="round" />
        <circle cx="8" cy="12.3" r="0.95" fill="white" />
      </symbol>
      <symbol id="icon-question" viewBox="0 0 16 16">
        <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M6.2 6.3a1.9 1.9 0 1 1 2.6 1.7c-.5.3-.8.6-.8 1.3" stroke="currentColor" strokeWidth="1.5" fill="none" strokeLinecap="round" />
        <circle cx="8" cy="11.6" r="0.9" fill="currentColor" />
      </symbol>
    </svg>
  );
}

function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" aria-hidden>
      <use href={`#icon-${name}`} />
    </svg>
  );
}

const FLAG_STYLE: Record<CriterionFlag, { icon: IconName; tone: BadgeTone }> = {
  not_scored: { icon: "cross", tone: "bad" },
  below_max: { icon: "half", tone: "warn" },
  below_target: { icon: "flag", tone: "special" },
};

export function FlagBadge({ flag }: { flag: CriterionFlag }) {
  const t = useTranslations("dashboards.flags");
  const style = FLAG_STYLE[flag];
  return (
    <Badge tone={style.tone} data-flag={flag}>
      <Icon name={style.icon} />
      {t(flag)}
    </Badge>
  );
}

export function FullMarksBadge() {
  const t = useTranslations("dashboards.flags");
  return (
    <Badge tone="ok" data-flag="none">
      <Icon name="check" />
      {t("full")}
    </Badge>
  );
}

const STATUS_STYLE: Record<TargetStatus, { icon: IconName; tone: BadgeTone }> = {
  met: { icon: "check", tone: "ok" },
  missed: { icon: "cross", tone: "bad" },
  at_risk: { icon: "warning", tone: "warn" },
  not_yet_known: { icon: "question", tone: "neutral" },
};

export function TargetStatusBadge({ status }: { status: TargetStatus }) {
  const t = useTranslations("directives.targetStatus");
  const style = STATUS_STYLE[status];
  return (
    <Badge tone={style.tone} data-target-status={status}>
      <Icon name={style.icon} />
      {t(status)}
    </Badge>
  );
}

/** Places gained (▲) or lost (▼) since the year before. */
export function RankChange({ change }: { change: number | null }) {
  const t = useTranslations("dashboards.rankChange");
  if (change === null) return <span className="text-slate-400">—</span>;
  if (change === 0) return <span className="text-slate-600">{t("same")}</span>;
  return change > 0 ? (
    <span className="font-semibold text-emerald-700">
      <span aria-hidden>▲ {change}</span>
      <span className="sr-only">{t("up", { places: change })}</span>
    </span>
  ) : (
    <span className="font-semibold text-red-700">
      <span aria-hidden>▼ {-change}</span>
      <span className="sr-only">{t("down", { places: -change })}</span>
    </span>
  );
}

/** A change of points since last year: +1,25 / −0,50, with the sign spelled for screen readers. */
export function PointsChange({ change }: { change: number | null }) {
  const format = useFormat();
  if (change === null) return <span className="text-slate-400">—</span>;
  const tone = change > 0 ? "text-emerald-700" : change < 0 ? "text-red-700" : "text-slate-600";
  return <span className={`tabular-nums ${tone}`}>{format.signedPoints(change)}</span>;
}
