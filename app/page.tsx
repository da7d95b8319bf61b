import Link from "next/link";
import { currentActor } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/policy";
import { SiteHeader } from "@/components/ui/site-header";

export default async function LandingPage() {
  const actor = await currentActor();
  return (
    <>
      <SiteHeader user={actor ? { name: actor.name, roleLabel: ROLE_LABELS[actor.role], role: actor.role } : null} />
      <main className="mx-auto max-w-6xl px-4 py-12">
        <h1 className="max-w-3xl text-3xl font-bold leading-tight text-brand-900">
          Cổng theo dõi Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng (SIPAS)
        </h1>
        <p className="mt-4 max-w-2xl text-lg text-slate-700">
          Kết quả công bố của Bộ Nội vụ cho 63 tỉnh, thành phố (đến năm 2024) và 34 tỉnh, thành phố từ ngày 01/07/2025; đánh giá nội bộ các sở,
          ban, ngành và UBND cấp xã; chỉ tiêu và nhiệm vụ của các văn bản chỉ đạo.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/xep-hang?index=PAR_INDEX" className="rounded-md bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700">
            Xếp hạng PAR INDEX
          </Link>
          <Link href="/xep-hang?index=SIPAS" className="rounded-md border border-brand-600 px-4 py-2.5 font-semibold text-brand-700 hover:bg-brand-50">
            Xếp hạng SIPAS
          </Link>
          {actor ? (
            <Link href="/trang-chu" className="rounded-md border border-slate-300 px-4 py-2.5 font-semibold hover:bg-slate-100">
              Trang làm việc
            </Link>
          ) : null}
        </div>
      </main>
    </>
  );
}
