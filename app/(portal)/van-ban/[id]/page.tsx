import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { idParam } from "@/lib/api/params";
import { currentActor } from "@/lib/auth/actor";
import { REPORTING_KINDS, type ReportingKind } from "@/lib/directives/labels";
import { getDirective } from "@/lib/directives/queries";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getFormat, inRequestLocale } from "@/lib/i18n/server";
import { ProgressBadge } from "@/components/directives/badges";
import { DirectiveForm } from "@/components/directives/directive-form";
import { FilesSection, LinksSection } from "@/components/directives/links-and-files";
import { ReportsSection } from "@/components/directives/reports-section";
import { TargetsSection } from "@/components/directives/targets-section";
import { TasksSection } from "@/components/directives/tasks-section";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("directives.list"))("title") };
}

const isReportingKind = (value: string): value is ReportingKind => (REPORTING_KINDS as readonly string[]).includes(value);

export default async function DirectivePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const id = idParam((await params).id);
  const directive = await inRequestLocale(() => getDirective(actor, id)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) return null;
    throw error;
  });
  const [t, td, format] = await Promise.all([getTranslations("directives.detail"), getTranslations("directives"), getFormat()]);
  if (!directive) {
    return (
      <div className="space-y-4">
        <Link href="/van-ban" className="text-sm link">
          {t("back")}
        </Link>
        <Callout tone="warn" data-testid="forbidden">
          {t("forbidden")}
        </Callout>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <div>
        <Link href="/van-ban" className="no-print text-sm link">
          {t("back")}
        </Link>
        <p className="mt-1 text-sm font-semibold uppercase tracking-wide text-slate-500">
          {t("kindNumber", { kind: td(`kinds.${directive.kind}`), number: directive.number })}
        </p>
        <h1 className="text-2xl font-bold text-brand-900" data-testid="directive-title">
          {directive.title}
        </h1>
        <p className="mt-1 text-slate-600">
          {directive.issuer} · {directive.issuedOn ? t("issuedOn", { date: format.day(directive.issuedOn) }) : t("noDate")}
          {directive.signer ? t("signer", { signer: directive.signer }) : ""}
        </p>
        <div className="mt-2">
          <ProgressBadge progress={directive.progress} />
        </div>
      </div>

      <Card as="section" aria-labelledby="meta-heading">
        <h2 id="meta-heading" className="text-lg font-semibold">
          {t("info")}
        </h2>
        <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">{t("province")}</dt>
            <dd className="font-medium">{directive.province?.label ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("years")}</dt>
            <dd className="font-medium tabular-nums">{directive.years.join(", ")}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("reporting")}</dt>
            <dd className="font-medium">
              {directive.reporting.length > 0 ? directive.reporting.map((r) => (isReportingKind(r) ? td(`reporting.${r}`) : r)).join(", ") : t("noReporting")}
            </dd>
          </div>
          {directive.summary ? (
            <div className="sm:col-span-2">
              <dt className="text-slate-500">{t("summary")}</dt>
              <dd className="whitespace-pre-line">{directive.summary}</dd>
            </div>
          ) : null}
          {directive.note ? (
            <div className="sm:col-span-2">
              <dt className="text-slate-500">{t("note")}</dt>
              <dd className="whitespace-pre-line">{directive.note}</dd>
            </div>
          ) : null}
          {directive.sourceNote ? (
            <div className="sm:col-span-2">
              <dt className="text-slate-500">{t("source")}</dt>
              <dd>{directive.sourceNote}</dd>
            </div>
          ) : null}
        </dl>
        {directive.canWrite ? (
          <details className="no-print mt-4 rounded-md border border-slate-200 p-3">
            <summary className="cursor-pointer font-medium text-brand-700">{t("edit")}</summary>
            <div className="mt-3">
              <ClientMessages namespaces={["directives.form", "directives.kinds", "directives.reporting"]}>
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
              </ClientMessages>
            </div>
          </details>
        ) : null}
      </Card>

      <ClientMessages namespaces={["directives.targetForm", "directives.targetKinds", "directives.targetKindHints", "directives.bulk", "directives.taskForm"]}>
        <LinksSection directive={directive} />
        <TargetsSection directive={directive} />
        <TasksSection directive={directive} />
        <ReportsSection directive={directive} canCompile={directive.canCompile} />
        <FilesSection directive={directive} />
      </ClientMessages>
    </div>
  );
}
