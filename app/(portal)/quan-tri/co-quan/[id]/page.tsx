import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { agencyById, peerGroupNames } from "@/lib/agencies/queries";
import { AGENCY_KINDS } from "@/lib/agencies/rules";
import { idParam } from "@/lib/api/params";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { AgencyDeleteForm, AgencyEditForm, AgencySplitForm } from "@/components/admin/agency-forms";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.agency"))("title") };
}

export default async function AgencyAdminPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const id = idParam((await params).id);
  if (id < 1) notFound();
  const [t, tc] = await Promise.all([getTranslations("admin.agency"), getTranslations("common")]);
  let agency: Awaited<ReturnType<typeof agencyById>>;
  try {
    agency = await agencyById(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) return <Callout tone="error">{error.message}</Callout>;
    throw error;
  }
  const kinds = AGENCY_KINDS.map((k) => ({ value: k, label: tc(`agencyKinds.${k}`) }));
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: `/quan-tri/co-quan?province=${agency.provinceCode}`, label: t("back") }}
        title={agency.name}
        lead={`${agency.code} · ${tc(`agencyKinds.${agency.kind}`)}`}
      />
      <ClientMessages namespaces={["admin.agencies", "admin.agency"]}>
        <Card as="section">
          <h2 className="mb-4 text-lg font-semibold">{t("title")}</h2>
          <AgencyEditForm agency={agency} kinds={kinds} peerGroups={await peerGroupNames(agency.provinceId)} />
        </Card>
        {!agency.validTo ? (
          <Card as="section">
            <h2 className="text-lg font-semibold">{t("splitTitle")}</h2>
            <p className="mb-4 mt-1 text-sm text-slate-600">{t("splitLead")}</p>
            <AgencySplitForm agencyId={agency.id} kinds={kinds} />
          </Card>
        ) : null}
        <Card as="section">
          <h2 className="text-lg font-semibold">{t("deleteTitle")}</h2>
          <p className="mb-3 mt-1 text-sm text-slate-600">{t("deleteLead")}</p>
          <AgencyDeleteForm agency={agency} />
        </Card>
      </ClientMessages>
    </div>
  );
}
