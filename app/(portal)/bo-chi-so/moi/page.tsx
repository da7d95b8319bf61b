import type { Metadata } from "next";
import Link from "next/link";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { getFrameworkFormOptions } from "@/lib/frameworks/queries";
import { FrameworkMetaForm } from "@/components/frameworks/framework-meta-form";
import type { FrameworkFormOptions } from "@/lib/frameworks/types";

export const metadata: Metadata = { title: "Tạo bộ chỉ số" };

export default async function NewFrameworkPage() {
  let options: FrameworkFormOptions;
  try {
    options = await getFrameworkFormOptions(await currentActor());
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    return (
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-800">
        Chỉ quản trị hệ thống được tạo bộ chỉ số.{" "}
        <Link href="/bo-chi-so" className="font-semibold underline">
          Xem danh sách bộ chỉ số
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <Link href="/bo-chi-so" className="text-sm text-brand-700 hover:underline">
        ← Bộ chỉ số
      </Link>
      <div>
        <h1 className="text-2xl font-bold text-brand-900">Tạo bộ chỉ số</h1>
        <p className="text-slate-600">
          Bộ chỉ số mới là bản nháp: thêm cây tiêu chí (từng mục hoặc nhập từ tệp), thành phần và xếp loại, rồi chuyển sang Đang áp dụng.
        </p>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <FrameworkMetaForm mode="create" options={options} />
      </section>
    </div>
  );
}
