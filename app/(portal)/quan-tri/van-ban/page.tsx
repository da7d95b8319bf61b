import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { settingsForEditing } from "@/lib/documents/queries";
import { ForbiddenError } from "@/lib/errors";
import { DocumentSettingsForm } from "@/components/admin/document-settings-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.documentSettings"))("title") };
}

/** Home Affairs edits its own province's settings; an administrator picks one with ?province=<code>. */
export default async function DocumentSettingsPage({ searchParams }: { searchParams: Promise<{ province?: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const [sp, t] = await Promise.all([searchParams, getTranslations("admin.documentSettings")]);
  let editable: Awaited<ReturnType<typeof settingsForEditing>>;
  try {
    editable = await settingsForEditing(actor, sp.province);
  } catch (error) {
    if (error instanceof ForbiddenError) return <Callout tone="error">{error.message}</Callout>;
    throw error;
  }
  if (!editable) return <Callout tone="info">{t("pickProvince")}</Callout>;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead", { province: editable.provinceName })} />
      <ClientMessages namespaces={["admin.documentSettings"]}>
        <Card as="section">
          <DocumentSettingsForm provinceId={editable.provinceId} version={editable.version} settings={editable.settings} />
        </Card>
      </ClientMessages>
    </div>
  );
}
