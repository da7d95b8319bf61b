import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { getNewDirectiveOptions } from "@/lib/directives/queries";
import { ForbiddenError } from "@/lib/errors";
import { inRequestLocale } from "@/lib/i18n/server";
import { DirectiveForm } from "@/components/directives/directive-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("directives.create"))("title") };
}

export default async function NewDirectivePage() {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const [options, t] = await Promise.all([
    inRequestLocale(() => getNewDirectiveOptions(actor)).catch((error) => {
      if (error instanceof ForbiddenError) return null;
      throw error;
    }),
    getTranslations("directives.create"),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/van-ban", label: t("back") }} title={t("title")} lead={t("lead")} />
      {options ? (
        <Card as="section">
          <ClientMessages namespaces={["directives.form", "directives.kinds", "directives.reporting"]}>
            <DirectiveForm mode="create" provinces={options.provinces} defaultProvinceId={options.defaultProvinceId} />
          </ClientMessages>
        </Card>
      ) : (
        <Callout tone="warn" data-testid="forbidden">
          {t("forbidden")}
        </Callout>
      )}
    </div>
  );
}
