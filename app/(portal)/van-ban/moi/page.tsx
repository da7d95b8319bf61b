import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/actor";
import { getNewDirectiveOptions } from "@/lib/directives/queries";
import { ForbiddenError } from "@/lib/errors";
import { DirectiveForm } from "@/components/directives/directive-form";

export const metadata: Metadata = { title: "Thêm văn bản chỉ đạo" };

export default async function NewDirectivePage() {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const options = await getNewDirectiveOptions(actor).catch((error) => {
    if (error instanceof ForbiddenError) return null;
    throw error;
  });
  return (
    <div className="space-y-6">
      <div>
        <Link href="/van-ban" className="text-sm text-brand-700 hover:underline">
          ← Văn bản chỉ đạo
        </Link>
        <h1 className="mt-1 text-2xl font-bold text-brand-900">Thêm văn bản chỉ đạo</h1>
        <p className="text-slate-600">Sau khi lưu, thêm chỉ tiêu, nhiệm vụ, cơ quan thực hiện và tệp đính kèm ở trang của văn bản.</p>
      </div>
      {options ? (
        <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <DirectiveForm mode="create" provinces={options.provinces} defaultProvinceId={options.defaultProvinceId} />
        </section>
      ) : (
        <p className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-amber-900" data-testid="forbidden">
          Chỉ cán bộ Sở Nội vụ và quản trị hệ thống được thêm văn bản chỉ đạo.
        </p>
      )}
    </div>
  );
}
