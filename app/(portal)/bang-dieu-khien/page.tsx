import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { can, reachOf } from "@/lib/auth/policy";
import { getLeaderDashboard } from "@/lib/dashboards/leader/queries";
import { leaderDashboardParamsSchema, type SearchParams } from "@/lib/dashboards/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { AnalyticsCard } from "@/components/dashboards/analytics-card";
import { inRequestLocale } from "@/lib/i18n/server";
import { LeaderDashboardView } from "@/components/dashboards/leader-dashboard";
import { DocumentDownloads } from "@/components/documents/document-downloads";
import { Notice } from "@/components/dashboards/notice";
import { Button } from "@/components/ui/button";
import { FilterField, filterInputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboards.page"))("title") };
}

export default async function LeaderDashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const t = await getTranslations("dashboards.page");
  // The dashboard is the leaders' and Home Affairs staff's; an agency head's is their agency's view.
  if (reachOf(actor.role, "province.read") === "agency") {
    return (
      <Notice title={t("agencyHeadTitle")} testId="agency-head-landing">
        {t("agencyHeadText")}{" "}
        <Link href={`/co-quan/${actor.agencyId}`} className="font-semibold text-brand-700 underline" data-testid="own-agency-link">
          {actor.agencyName ? t("ownAgencyLink", { agency: actor.agencyName }) : t("ownAgencyLinkUnnamed")}
        </Link>
      </Notice>
    );
  }
  const query = await searchParams;
  const parsed = await inRequestLocale(() => leaderDashboardParamsSchema.safeParse(query));
  if (!parsed.success) {
    return (
      <Notice title={t("badParam")} tone="error">
        {parsed.error.issues[0].message}{" "}
        <Link href="/bang-dieu-khien" className="font-semibold underline">
          {t("reopen")}
        </Link>
      </Notice>
    );
  }
  let data: Awaited<ReturnType<typeof getLeaderDashboard>>;
  try {
    const { tinh, nam } = parsed.data;
    data = await inRequestLocale(() => getLeaderDashboard(actor, { provinceId: tinh, year: nam }));
  } catch (error) {
    if (error instanceof ForbiddenError) {
      return (
        <Notice title={t("forbiddenTitle")} tone="error" testId="forbidden">
          {actor.provinceName ? t("forbiddenOwn", { province: actor.provinceName }) : t("forbidden")}{" "}
          <Link href="/bang-dieu-khien" className="font-semibold underline">
            {t("openOwn")}
          </Link>
        </Notice>
      );
    }
    if (error instanceof NotFoundError)
      return (
        <Notice title={t("notFound")} tone="error">
          {error.message}
        </Notice>
      );
    throw error;
  }

  return (
    <div className="space-y-6">
      <PageHeader
        title={data.province ? t("headingOf", { province: data.province.name }) : t("heading")}
        actions={
          <form method="get" className="no-print flex flex-wrap items-end gap-3" aria-label={t("choose")}>
            {data.choices.length > 0 ? (
              <FilterField label={t("province")}>
                <select name="tinh" defaultValue={data.province ? String(data.province.id) : ""} className={filterInputClass}>
                  <option value="">{t("chooseOption")}</option>
                  {data.choices.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </FilterField>
            ) : null}
            {data.province ? (
              <FilterField label={t("year")}>
                <select name="nam" defaultValue={String(data.year)} className={filterInputClass}>
                  {data.years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </FilterField>
            ) : null}
            <Button type="submit">{t("view")}</Button>
          </form>
        }
      >
        {data.province ? (
          <p className="text-slate-600" data-testid="province-line">
            {data.province.label}
            {data.province.predecessors.length > 0 ? t("formedFrom", { units: data.province.predecessors.join(t("and")) }) : ""} ·{" "}
            {t("yearOf", { year: data.year })} ·{" "}
            <Link href={data.province.profilePath} className="no-print link">
              {t("profile")}
            </Link>
          </p>
        ) : (
          <p className="text-slate-600">{t("chooseProvince")}</p>
        )}
      </PageHeader>
      {/* The analytics are the actor's own province's (issue 17): the nowcast and who over-reports. */}
      {data.province && data.province.id === actor.provinceId && can(actor, "assessment.analyze", { provinceId: actor.provinceId }) ? <AnalyticsCard /> : null}
      {data.province ? <LeaderDashboardView data={{ ...data, province: data.province }} /> : null}
      {data.province ? (
        <DocumentDownloads documents={[{ kind: "leaderSummary", href: `/api/v1/documents/leader-summary?province=${data.province.code}&year=${data.year}` }]} />
      ) : null}
    </div>
  );
}
