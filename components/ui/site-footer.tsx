import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";

/** The public pages' footer: where the data can be taken away (open data) and looked up. */
export function SiteFooter() {
  const t = useTranslations("common");
  return (
    <footer className="no-print mt-8 border-t border-slate-200 bg-white">
      <nav aria-label={t("footer.nav")} className="mx-auto flex max-w-6xl flex-wrap gap-x-5 gap-y-1 px-4 py-4 text-sm">
        <Link href="/du-lieu" className="link" data-testid="footer-open-data">
          {t("nav.openData")}
        </Link>
        <Link href="/xep-hang" className="text-slate-600 hover:underline">
          {t("nav.rankings")}
        </Link>
        <Link href="/tinh" className="text-slate-600 hover:underline">
          {t("footer.provinces")}
        </Link>
      </nav>
    </footer>
  );
}
