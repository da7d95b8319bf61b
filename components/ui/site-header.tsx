import Link from "next/link";
import { logout } from "@/lib/auth/actions";

import type { Role } from "@/lib/db/generated/enums";

type HeaderUser = { name: string; roleLabel: string; role: Role } | null;

// Links by role. They only spare people dead ends: every page checks access again in lib.
const PORTAL_LINKS: { href: string; label: string; roles: Role[] }[] = [
  { href: "/trang-chu", label: "Trang làm việc", roles: ["ADMIN", "HOME_AFFAIRS", "AGENCY_HEAD", "LEADER"] },
  { href: "/bang-dieu-khien", label: "Bảng điều khiển", roles: ["ADMIN", "HOME_AFFAIRS", "LEADER"] },
  { href: "/co-quan", label: "Kết quả cơ quan", roles: ["AGENCY_HEAD"] },
  { href: "/danh-gia", label: "Đánh giá nội bộ", roles: ["ADMIN", "HOME_AFFAIRS", "AGENCY_HEAD", "LEADER"] },
  { href: "/van-ban", label: "Văn bản chỉ đạo", roles: ["ADMIN", "HOME_AFFAIRS", "AGENCY_HEAD", "LEADER"] },
  { href: "/viec-cua-toi", label: "Việc của tôi", roles: ["ADMIN", "HOME_AFFAIRS", "AGENCY_HEAD", "LEADER"] },
  { href: "/ket-qua", label: "Kết quả công bố", roles: ["ADMIN", "HOME_AFFAIRS"] },
  { href: "/bo-chi-so", label: "Bộ chỉ số", roles: ["ADMIN", "HOME_AFFAIRS", "AGENCY_HEAD", "LEADER"] },
  { href: "/nhat-ky", label: "Nhật ký thay đổi", roles: ["ADMIN", "HOME_AFFAIRS"] },
];

export function SiteHeader({ user }: { user: HeaderUser }) {
  const links = [{ href: "/xep-hang", label: "Xếp hạng" }, ...PORTAL_LINKS.filter((link) => user && link.roles.includes(user.role))];
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 pt-3">
        <Link href="/" className="flex items-center gap-2 font-bold text-brand-900">
          <span aria-hidden className="inline-block h-7 w-7 rounded bg-brand-600 text-center text-sm leading-7 text-white">
            CC
          </span>
          Chỉ số CCHC
        </Link>
        <div className="ml-auto flex items-center gap-3 text-sm">
          {user ? (
            <>
              <span className="text-slate-600">
                <span className="font-medium text-slate-900">{user.name}</span> · {user.roleLabel}
              </span>
              <form action={logout}>
                <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
                  Đăng xuất
                </button>
              </form>
            </>
          ) : (
            <Link href="/dang-nhap" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
              Đăng nhập
            </Link>
          )}
        </div>
      </div>
      <nav aria-label="Điều hướng chính" className="mx-auto flex max-w-6xl flex-wrap gap-x-5 gap-y-1 px-4 pb-2 pt-2 text-sm">
        {links.map((link) => (
          <Link key={link.href} href={link.href} className="text-slate-700 hover:text-brand-700">
            {link.label}
          </Link>
        ))}
      </nav>
    </header>
  );
}
