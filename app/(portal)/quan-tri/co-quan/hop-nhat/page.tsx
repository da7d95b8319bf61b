import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { agencyChoices, managedProvince } from "@/lib/agencies/queries";
import { AGENCY_KINDS } from "@/lib/agencies/rules";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { AgencyMergeForm } from "@/components/admin/agency-forms";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.merge"))("title") };
}

export default async function MergePage({ searchParams }: { searchParams: Promise<{ province?: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const [{ province: code }, t, ta, tc] = await Promise.all([
    searchParams,
    getTranslations("admin.merge"),
    getTranslations("admin.agency"),
    getTranslations("common"),
  ]);
  let province: Awaited<ReturnType<typeof managedProvince>>;
  let agencies: Awaited<ReturnType<typeof agencyChoices>>;
  try {
    province = await managedProvince(actor, code);
    agencies = await agencyChoices(province.id);
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof ValidationError) return <Callout tone="error">{error.message}</Callout>;
    throw error;
  }
  const kinds = AGENCY_KINDS.map((k) => ({ value: k, label: tc(`agencyKinds.${k}`) }));
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: `/quan-tri/co-quan?province=${province.code}`, label: ta("back") }} title={t("title")} lead={t("lead")} />
      <Card as="section">
        <ClientMessages namespaces={["admin.agencies", "admin.agency", "admin.merge"]}>
          <AgencyMergeForm agencies={agencies.map((a) => ({ value: String(a.id), label: `${a.code} · ${a.name}` }))} kinds={kinds} />
        </ClientMessages>
      </Card>
    </div>
  );
}
