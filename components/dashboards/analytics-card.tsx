// The leader dashboard's way to the province's analytics (issue 17, items 6 and 7): the PAR INDEX
// nowcast, marked as an estimate, and who scores themselves above the appraisal. Shown to those the
// permission table lets read them ("assessment.analyze"); the pages check it again on the server.
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

export function AnalyticsCard() {
  const t = useTranslations("nowcast");
  return (
    <Card as="section" padding="md" aria-labelledby="analytics-heading" data-testid="leader-analytics" className="no-print">
      <h2 id="analytics-heading" className="font-semibold">
        {t("card.heading")}
      </h2>
      <ul className="mt-2 grid gap-3 sm:grid-cols-2">
        <li>
          <Link href="/bang-dieu-khien/du-bao" className="link font-medium" data-testid="nowcast-link">
            {t("card.nowcast")}
          </Link>{" "}
          <Badge tone="warn" title={t("page.estimateTooltip")}>
            {t("page.estimate")}
          </Badge>
          <p className="text-sm text-slate-600">{t("card.nowcastHint")}</p>
        </li>
        <li>
          <Link href="/danh-gia/nhat-quan" className="link font-medium" data-testid="consistency-link">
            {t("card.consistency")}
          </Link>
          <p className="text-sm text-slate-600">{t("card.consistencyHint")}</p>
        </li>
      </ul>
    </Card>
  );
}
