import type { Metadata } from "next";
import Link from "next/link";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { AGENCY_KIND_LABELS } from "@/lib/frameworks/labels";
import { listFrameworks } from "@/lib/frameworks/queries";
import { formatYears } from "@/lib/frameworks/versioning";
import { FrameworkBadges } from "@/components/frameworks/badges";

export const metadata: Metadata = { title: "Bộ chỉ số" };

export default async function FrameworksPage() {
  const actor = await currentActor();
  const groups = await listFrameworks(actor);
  const canCreate = actor !== null && can(actor, "framework.write", { provinceId: null });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-brand-900">Bộ chỉ số và tiêu chí</h1>
          <p className="text-slate-600">Các phiên bản bộ tiêu chí PAR INDEX, SIPAS và bộ chỉ số nội bộ của tỉnh, theo năm áp dụng.</p>
        </div>
        {canCreate ? (
          <Link href="/bo-chi-so/moi" className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700">
            + Tạo bộ chỉ số
          </Link>
        ) : null}
      </div>
      {groups.map((group) => (
        <section key={group.index.code} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-index={group.index.code}>
          <h2 className="text-lg font-semibold text-brand-900">
            {group.index.shortName} <span className="font-normal text-slate-600">— {group.index.nameVi}</span>
          </h2>
          {group.frameworks.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">Chưa có bộ chỉ số nào.</p>
          ) : (
            <div className="mt-3 overflow-x-auto">
              <table className="min-w-full text-sm">
                <thead className="text-left text-slate-600">
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-2 pr-3">Tên bộ chỉ số</th>
                    <th scope="col" className="py-2 pr-3">Phiên bản</th>
                    <th scope="col" className="py-2 pr-3">Năm áp dụng</th>
                    <th scope="col" className="py-2 pr-3">Văn bản quy định</th>
                    <th scope="col" className="py-2 pr-3 text-right">Số mục</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {group.frameworks.map((f) => (
                    <tr key={f.id} data-framework-key={f.key} data-version={f.version}>
                      <td className="py-2 pr-3 align-top">
                        <Link href={`/bo-chi-so/${f.id}`} className="font-medium text-brand-700 hover:underline">
                          {f.name}
                        </Link>
                        {f.ownerProvinceName ? (
                          <div className="text-xs text-slate-500">
                            {f.ownerProvinceName}
                            {f.agencyKind ? ` · ${AGENCY_KIND_LABELS[f.agencyKind]}` : ""}
                          </div>
                        ) : null}
                        <div className="mt-1">
                          <FrameworkBadges status={f.status} isIllustrative={f.isIllustrative} isDemo={f.isDemo} inUse={f.inUse} />
                        </div>
                      </td>
                      <td className="py-2 pr-3 align-top tabular-nums">v{f.version}</td>
                      <td className="whitespace-nowrap py-2 pr-3 align-top tabular-nums">{formatYears(f)}</td>
                      <td className="py-2 pr-3 align-top text-slate-700">{f.decision ?? "—"}</td>
                      <td className="py-2 pr-3 text-right align-top tabular-nums">{f.criteriaCount || "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
