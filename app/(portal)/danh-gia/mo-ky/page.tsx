import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { holds, reachOf } from "@/lib/auth/policy";
import { openingOptions, provincesWithInternalFrameworks } from "@/lib/assessments/periods/queries";
import { OpenPeriodForm } from "@/components/assessments/open-period-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Callout } from "@/components/ui/callout";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assessments.open"))("title") };
}

export default async function OpenPeriodPage({ searchParams }: { searchParams: Promise<{ tinh?: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const [t, tc] = await Promise.all([getTranslations("assessments.open"), getTranslations("common")]);
  const chosen = Number((await searchParams).tinh) || null;
  // Whoever manages every province's assessments picks one; Home Affairs staff open their own.
  const everywhere = reachOf(actor.role, "assessment.manage") === "all";
  const provinceId = everywhere ? chosen : actor.provinceId;
  if (everywhere && !provinceId) {
    const provinces = await provincesWithInternalFrameworks(actor);
    return (
      <div className="space-y-4">
        <PageHeader title={t("chooseProvince")} />
        <ul className="list-inside list-disc">
          {provinces.map((p) => (
            <li key={p.id}>
              <Link href={`/danh-gia/mo-ky?tinh=${p.id}`} className="link">
                {p.name}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (!provinceId || !holds(actor, "assessment.manage")) {
    return <Callout tone="error">{t("forbidden")}</Callout>;
  }
  const options = await openingOptions(actor, provinceId);
  const nextYear = new Date().getFullYear();
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      {options.frameworks.length === 0 ? (
        <Callout tone="warn">{t("noFramework")}</Callout>
      ) : (
        <ClientMessages namespaces={["assessments.open", "scoring.year"]}>
          <OpenPeriodForm
            defaultYear={nextYear}
            frameworks={options.frameworks.map((f) => ({
              id: f.id,
              label: f.validToYear
                ? t("frameworkRange", { name: f.name, version: f.version, from: f.validFromYear, to: f.validToYear })
                : t("frameworkFrom", { name: f.name, version: f.version, from: f.validFromYear }),
            }))}
            agencies={options.agencies.map((a) => ({ id: a.id, label: `${a.name} (${tc(`agencyKinds.${a.kind}`)})`, peerGroupId: a.peerGroupId }))}
            peerGroups={options.peerGroups.map((g) => ({ id: g.id, label: g.name }))}
          />
        </ClientMessages>
      )}
    </div>
  );
}
