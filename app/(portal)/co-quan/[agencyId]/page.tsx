import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { idParam } from "@/lib/api/params";
import { currentActor } from "@/lib/auth/actor";
import { reachOf } from "@/lib/auth/policy";
import { getAgencyView } from "@/lib/dashboards/agency/queries";
import { agencyViewParamsSchema, type SearchParams } from "@/lib/dashboards/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { inRequestLocale } from "@/lib/i18n/server";
import { AgencyViewBody, AgencyViewHeader } from "@/components/dashboards/agency-view";
import { Notice } from "@/components/dashboards/notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboards.agency"))("title") };
}

export default async function AgencyPage({ params, searchParams }: { params: Promise<{ agencyId: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const agencyId = idParam((await params).agencyId);
  if (agencyId < 1) notFound();
  const [t, tp] = await Promise.all([getTranslations("dashboards.agency"), getTranslations("dashboards.page")]);
  const query = await searchParams;
  const parsed = await inRequestLocale(() => agencyViewParamsSchema.safeParse(query));
  if (!parsed.success) {
    return (
      <Notice title={tp("badParam")} tone="error" testId="bad-param">
        {parsed.error.issues[0].message}{" "}
        <Link href={`/co-quan/${agencyId}`} className="font-semibold underline">
          {t("reopen")}
        </Link>
      </Notice>
    );
  }
  let view: Awaited<ReturnType<typeof getAgencyView>>;
  try {
    const { data } = parsed;
    view = await inRequestLocale(() =>
      getAgencyView(actor, agencyId, { year: data.nam, sort: data["sap-xep"] === "ma" ? "code" : "lost", target: data["muc-tieu"] }),
    );
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) {
      return (
        <Notice title={t("forbiddenTitle")} tone="error" testId="forbidden">
          {reachOf(actor.role, "province.read") === "agency" ? (
            <>
              {t("forbiddenHead")}{" "}
              <Link href={`/co-quan/${actor.agencyId}`} className="font-semibold underline">
                {actor.agencyName ? t("ownAgency", { agency: actor.agencyName }) : t("ownAgencyUnnamed")}
              </Link>
            </>
          ) : (
            t("forbiddenProvince")
          )}
        </Notice>
      );
    }
    throw error;
  }
  return (
    <div className="space-y-6">
      <AgencyViewHeader view={view} />
      <AgencyViewBody view={view} />
    </div>
  );
}
