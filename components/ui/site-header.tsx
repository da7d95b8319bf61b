import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { logout } from "@/lib/auth/actions";
import { holds, reachOf, type Role } from "@/lib/auth/policy";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { Button, ButtonLink } from "./button";

/** `unread`: the bell's count of unread notifications, read from the database by the layout. */
type HeaderUser = { name: string; role: Role; unread?: number } | null;
type NavKey =
  | "workspace"
  | "dashboard"
  | "agency"
  | "assessments"
  | "directives"
  | "myWork"
  | "results"
  | "frameworks"
  | "audit"
  | "accounts"
  | "agencies"
  | "outbox"
  | "jobs"
  | "documentSettings";

// Links by what the permission table lets a role do. They only spare people dead ends: every page
// checks access again in lib.
const readsProvince = (role: Role) => reachOf(role, "province.read") !== "agency";
const PORTAL_LINKS: { href: string; label: NavKey; shown: (role: Role) => boolean }[] = [
  { href: "/trang-chu", label: "workspace", shown: (role) => holds({ role }, "province.read") },
  { href: "/bang-dieu-khien", label: "dashboard", shown: readsProvince },
  { href: "/co-quan", label: "agency", shown: (role) => !readsProvince(role) },
  { href: "/danh-gia", label: "assessments", shown: (role) => holds({ role }, "province.read") },
  { href: "/van-ban", label: "directives", shown: (role) => holds({ role }, "province.read") },
  { href: "/viec-cua-toi", label: "myWork", shown: (role) => holds({ role }, "province.read") },
  { href: "/ket-qua", label: "results", shown: (role) => holds({ role }, "results.write") },
  { href: "/bo-chi-so", label: "frameworks", shown: (role) => holds({ role }, "province.read") },
  { href: "/nhat-ky", label: "audit", shown: (role) => holds({ role }, "audit.read") },
  { href: "/quan-tri/tai-khoan", label: "accounts", shown: (role) => holds({ role }, "user.manage") },
  { href: "/quan-tri/co-quan", label: "agencies", shown: (role) => holds({ role }, "agency.manage") },
  { href: "/quan-tri/thu-di", label: "outbox", shown: (role) => holds({ role }, "mail.read") },
  { href: "/quan-tri/tac-vu", label: "jobs", shown: (role) => holds({ role }, "jobs.manage") },
  { href: "/quan-tri/van-ban", label: "documentSettings", shown: (role) => holds({ role }, "documents.configure") },
];

/** The id of every page's <main>, where "Bỏ qua menu" jumps to. */
export const MAIN_ID = "noi-dung";

export function SiteHeader({ user }: { user: HeaderUser }) {
  const t = useTranslations("common");
  const tn = useTranslations("notifications.page");
  const links = [
    { href: "/xep-hang", label: "rankings" as const },
    { href: "/du-lieu", label: "openData" as const },
    ...PORTAL_LINKS.filter((link) => user && link.shown(user.role)),
  ];
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <a
        href={`#${MAIN_ID}`}
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-brand-900 focus:px-3 focus:py-2 focus:font-semibold focus:text-white"
        data-testid="skip-link"
      >
        {t("header.skipToContent")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 pt-3">
        <Link href="/" className="flex items-center gap-2 font-bold text-brand-900">
          <span aria-hidden className="inline-block h-7 w-7 rounded bg-brand-600 text-center text-sm leading-7 text-white">
            {t("app.logo")}
          </span>
          {t("app.brand")}
        </Link>
        <div className="ml-auto flex flex-wrap items-center justify-end gap-x-3 gap-y-1 text-sm">
          <LanguageSwitch />
          {user ? (
            <>
              <Link
                href="/thong-bao"
                className="relative inline-flex items-center text-slate-600 hover:text-brand-700"
                aria-label={tn("bell", { count: user.unread ?? 0 })}
                title={tn("bell", { count: user.unread ?? 0 })}
                data-testid="notification-bell"
              >
                <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
                  <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                  <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
                </svg>
                {(user.unread ?? 0) > 0 && (
                  <span className="ml-0.5 rounded-full bg-red-600 px-1.5 text-xs font-semibold leading-5 text-white" data-testid="notification-count">
                    {user.unread}
                  </span>
                )}
              </Link>
              <Link href="/tai-khoan-cua-toi" className="text-slate-600 hover:text-brand-700" title={t("nav.myAccount")} data-testid="my-account-link">
                <span className="font-medium text-slate-900">{user.name}</span> · {t(`roles.${user.role}`)}
              </Link>
              <form action={logout}>
                <Button type="submit" variant="secondary">
                  {t("header.signOut")}
                </Button>
              </form>
            </>
          ) : (
            <ButtonLink href="/dang-nhap">{t("header.signIn")}</ButtonLink>
          )}
        </div>
      </div>
      <nav aria-label={t("header.mainNav")} className="mx-auto flex max-w-6xl flex-wrap gap-x-5 gap-y-1 px-4 pb-2 pt-2 text-sm">
        {links.map((link) => (
          <Link key={link.href} href={link.href} className="text-slate-700 hover:text-brand-700">
            {t(`nav.${link.label}`)}
          </Link>
        ))}
      </nav>
    </header>
  );
}
