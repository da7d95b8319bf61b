import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { LoginForm } from "@/components/forms/login-form";

export const metadata: Metadata = { title: "Đăng nhập" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await currentActor()) redirect("/trang-chu");
  const { next } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <Link href="/" className="mb-6 block text-center text-sm text-brand-700 hover:underline">
          ← Cổng theo dõi Chỉ số CCHC
        </Link>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-bold text-brand-900">Đăng nhập</h1>
          <p className="mb-5 mt-1 text-sm text-slate-600">Dành cho cán bộ Sở Nội vụ, thủ trưởng cơ quan và lãnh đạo tỉnh.</p>
          <LoginForm next={typeof next === "string" ? next : undefined} />
        </div>
      </div>
    </main>
  );
}
