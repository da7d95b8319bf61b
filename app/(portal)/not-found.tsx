// A signed-in page whose address names nothing (an id no row has, or no id at all): 404, the header stays.
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/dashboards/notice";

export default function NotFoundPage() {
  const t = useTranslations("common.notFound");
  return (
    <Notice title={t("title")} tone="error" testId="not-found">
      {t("body")}{" "}
      <Link href="/trang-chu" className="font-semibold underline">
        {t("home")}
      </Link>
    </Notice>
  );
}
