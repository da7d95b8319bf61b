import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { reachOf } from "@/lib/auth/policy";
import { listAgencies } from "@/lib/dashboards/agency/queries";
import { agencyListParamsSchema, type SearchParams } from "@/lib/dashboards/schema";
import { ForbiddenError } from "@/lib/errors";
import { inRequestLocale } from "@/lib/i18n/server";
import { IllustrativeBadge } from "@/components/assessments/badges";
import { Notice } from "@/components/dashboards/notice";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboards.agencies"))("title") };
}

// The landing of the agency views: an agency head goes straight to their agency; the agency
// switch of an agency's page (a GET form) lands here with ?co-quan=<id>.
export default async function AgenciesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const [t, tp] = await Promise.all([getTranslations("dashboards.agencies"), getTranslations("dashboards.page")]);
  const query = await searchParams;
  const parsed = await inRequestLocale(() => agencyListParamsSchema.safeParse(query));
  if (!parsed.success)
    return (
      <Notice title={tp("badParam")} tone="error">
        {parsed.error.issues[0].message}
      </Notice>
    );
  const year = parsed.data.nam ? `?nam=${parsed.data.nam}` : "";
  if (parsed.data["co-quan"]) redirect(`/co-quan/${parsed.data["co-quan"]}${year}`);
  if (reachOf(actor.role, "province.read") === "agency" && actor.agencyId !== null) redirect(`/co-quan/${actor.agencyId}${year}`);

  let agencies: Awaited<ReturnType<typeof listAgencies>>;
  try {
    const provinceId = parsed.data.tinh ?? actor.provinceId;
    agencies = await inRequestLocale(() => listAgencies(actor, provinceId));
  } catch (error) {
    if (error instanceof ForbiddenError)
      return (
        <Notice title={tp("forbiddenTitle")} tone="error">
          {t("forbidden")}
        </Notice>
      );
    throw error;
  }
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} />
      {agencies.length === 0 ? (
        <Card as="p" padding="md" className="text-slate-700">
          {reachOf(actor.role, "province.read") === "all" && !parsed.data.tinh
            ? t.rich("chooseProvince", {
                dashboard: (chunks) => (
                  <Link href="/bang-dieu-khien" className="font-semibold text-brand-700 underline">
                    {chunks}
                  </Link>
                ),
              })
            : t("none")}
        </Card>
      ) : (
        <Card as="section" padding="md">
          <ul className="grid gap-2 sm:grid-cols-2">
            {agencies.map((agency) => (
              <li key={agency.id}>
                <Link href={`/co-quan/${agency.id}${year}`} className="link">
                  {agency.name}
                </Link>
                {agency.isDemo ? <IllustrativeBadge label={t("demoAgency")} /> : null}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
