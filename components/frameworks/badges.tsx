// Labels shown next to a framework's name.
import { useTranslations } from "next-intl";
import type { FrameworkStatus } from "@/lib/frameworks/types";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const STATUS_TONE: Record<FrameworkStatus, BadgeTone> = { ACTIVE: "ok", DRAFT: "neutral", ARCHIVED: "muted" };

export function FrameworkBadges({
  status,
  isIllustrative,
  isDemo,
  inUse,
}: {
  status: FrameworkStatus;
  isIllustrative: boolean;
  isDemo: boolean;
  inUse: boolean;
}) {
  const t = useTranslations("frameworks");
  return (
    <span className="inline-flex flex-wrap gap-1 align-middle">
      <Badge tone={STATUS_TONE[status]} className="rounded-full font-medium" data-testid="status-badge">
        {t(`statuses.${status}`)}
      </Badge>
      {isIllustrative ? (
        <Badge tone="warn" className="rounded-full font-medium" data-testid="illustrative-badge" title={t("badges.illustrativeHelp")}>
          {t("badges.illustrative")}
        </Badge>
      ) : null}
      {isDemo ? (
        <Badge tone="special" className="rounded-full font-medium">
          {t("badges.demo")}
        </Badge>
      ) : null}
      {inUse ? (
        <Badge tone="brand" className="rounded-full font-medium" title={t("badges.inUseHelp")}>
          {t("badges.inUse")}
        </Badge>
      ) : null}
    </span>
  );
}
