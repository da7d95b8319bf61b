import Link from "next/link";
import { logout } from "@/lib/auth/actions";

import { holds, reachOf, type Role } from "@/lib/auth/policy";

type HeaderUser = { name: string; roleLabel: string; role: Role } | null;

// Links by what the permission table lets a role do. They only spare people dead ends: every page
// checks access again in lib.
const readsProvince = (role: Role) => reachOf(role, "province.read") !== "agency";
const PORTAL_LINKS: { href: string; label: string; shown: (role: Role) => boolean }[] = [
  { href: "/trang-chu", label: "Trang làm việc", shown: (role) => holds({ role }, "province.read") },
  { href: "/bang-dieu-khien", label: "Bảng điều khiển", shown: readsProvince },
  { href: "/co-quan", label: "Kết quả cơ quan", shown: (role) => !readsProvince(role) },
  { href: "/danh-gia", label: "Đánh giá nội bộ", shown: (role) => holds({ role }, "province.read") },
  { href: "/van-ban", label: "Văn bản chỉ đạo", shown: (role) => holds({ role }, "province.read") },
  { href: "/viec-cua-toi", label: "Việc của tôi", shown: (role) => holds({ role }, "province.read") },
  { href: "/ket-qua", label: "Kết quả công bố", shown: (role) => holds({ role }, "results.write") },
  { href: "/bo-chi-so", label: "Bộ chỉ số", shown: (role) => holds({ role }, "province.read") },
  { href: "/nhat-ky", label: "Nhật ký thay đổi", shown: (role) => holds({ role }, "audit.read") },
];

export function SiteHeader({ user }: { user: HeaderUser }) {
  const links = [{ href: "/xep-hang", label: "Xếp hạng" }, ...PORTAL_LINKS.filter((link) => user && link.shown(user.role))];
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
