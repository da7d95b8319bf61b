import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { idParam } from "@/lib/api/params";
import { currentActor } from "@/lib/auth/actor";
import { dayLabel, REPORTING_LABELS, type ReportingKind } from "@/lib/directives/labels";
import { getDirective } from "@/lib/directives/queries";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { ProgressBadge } from "@/components/directives/badges";
import { DirectiveForm } from "@/components/directives/directive-form";
import { FilesSection, LinksSection } from "@/components/directives/links-and-files";
import { ReportsSection } from "@/components/directives/reports-section";
import { TargetsSection } from "@/components/directives/targets-section";
import { TasksSection } from "@/components/directives/tasks-section";

export const metadata: Metadata = { title: "Văn bản chỉ đạo" };

export default async function DirectivePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const directive = await getDirective(actor, idParam((await params).id)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) return null;
    throw error;
  });
  if (!directive) {
    return (
      <div className="space-y-4">
        <Link href="/van-ban" className="text-sm text-brand-700 hover:underline">
          ← Văn bản chỉ đạo
        </Link>
        <p className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-amber-900" data-testid="forbidden">
          Văn bản này không thuộc tỉnh của bạn và không giao nhiệm vụ, chỉ tiêu nào cho cơ quan của bạn.
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <div>
        <Link href="/van-ban" className="no-print text-sm text-brand-700 hover:underline">
          ← Văn bản chỉ đạo
        </Link>
        <p className="mt-1 text-sm font-semibold uppercase tracking-wide text-slate-500">
          {directive.kindLabel} số {directive.number}
        </p>
        <h1 className="text-2xl font-bold text-brand-900" data-testid="directive-title">
          {directive.title}
        </h1>
        <p className="mt-1 text-slate-600">
          {directive.issuer} · {directive.issuedOn ? `ngày ${dayLabel(directive.issuedOn)}` : "chưa rõ ngày ban hành"}
          {directive.signer ? ` · Người ký: ${directive.signer}` : ""}
        </p>
        <div className="mt-2">
          <ProgressBadge progress={directive.progress} />
        </div>
      </div>

      <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="meta-heading">
        <h2 id="meta-heading" className="text-lg font-semibold">
          Thông tin văn bản
        </h2>
        <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">Đơn vị ban hành</dt>
            <dd className="font-medium">{directive.province?.label ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Năm áp dụng</dt>
            <dd className="font-medium tabular-nums">{directive.years.join(", ")}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Chế độ báo cáo</dt>
            <dd className="font-medium">{directive.reporting.length > 0 ? directive.reporting.map((r) => REPORTING_LABELS[r as ReportingKind] ?? r).join(", ") : "Không yêu cầu"}</dd>
          </div>
          {directive.summary ? (
            <div className="sm:col-span-2">
              <dt className="text-slate-500">Tóm tắt</dt>
              <dd className="whitespace-pre-line">{directive.summary}</dd>
            </div>
          ) : null}
          {directive.note ? (
            <div className="sm:col-span-2">
              <dt className="text-slate-500">Ghi chú</dt>
              <dd className="whitespace-pre-line">{directive.note}</dd>
            </div>
          ) : null}
          {directive.sourceNote ? (
            <div className="sm:col-span-2">
              <dt className="text-slate-500">Nguồn</dt>
              <dd>{directive.sourceNote}</dd>
            </div>
          ) : null}
        </dl>
        {directive.canWrite ? (
          <details className="no-print mt-4 rounded-md border border-slate-200 p-3">
            <summary className="cursor-pointer font-medium text-brand-700">Sửa thông tin văn bản</summary>
            <div className="mt-3">
              <DirectiveForm
                mode="edit"
                values={{
                  id: directive.id,
                  version: directive.version,
                  number: directive.number,
                  kind: directive.kind,
                  issuer: directive.issuer,
                  signer: directive.signer,
                  issuedOn: directive.issuedOn,
                  title: directive.title,
                  summary: directive.summary,
                  years: directive.years,
                  reporting: directive.reporting,
                  note: directive.note,
                }}
              />
            </div>
          </details>
        ) : null}
      </section>

      <LinksSection directive={directive} />
      <TargetsSection directive={directive} />
      <TasksSection directive={directive} />
      <ReportsSection directive={directive} canCompile={directive.canCompile} />
      <FilesSection directive={directive} />
    </div>
  );
}
