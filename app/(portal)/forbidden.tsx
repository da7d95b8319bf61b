// A signed-in page of data the permission table does not open to this user (lib/auth/policy.ts): 403.
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/dashboards/notice";

export default function ForbiddenPage() {
  const t = useTranslations("common.forbidden");
  return (
    <Notice title={t("title")} tone="error" testId="forbidden">
      {t("body")}{" "}
      <Link href="/trang-chu" className="font-semibold underline">
        {t("home")}
      </Link>
    </Notice>
  );
}
