import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { getFrameworkFormOptions } from "@/lib/frameworks/queries";
import { FrameworkMetaForm } from "@/components/frameworks/framework-meta-form";
import type { FrameworkFormOptions } from "@/lib/frameworks/types";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("frameworks.create"))("title") };
}

export default async function NewFrameworkPage() {
  const t = await getTranslations("frameworks.create");
  let options: FrameworkFormOptions;
  try {
    options = await getFrameworkFormOptions(await currentActor());
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    return (
      <Callout tone="error">
        {t("forbidden")}{" "}
        <Link href="/bo-chi-so" className="font-semibold underline">
          {t("toList")}
        </Link>
      </Callout>
    );
  }
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/bo-chi-so", label: t("back") }} title={t("title")} lead={t("lead")} />
      <Card as="section">
        <ClientMessages namespaces={["frameworks.meta", "frameworks.statuses"]}>
          <FrameworkMetaForm mode="create" options={options} />
        </ClientMessages>
      </Card>
    </div>
  );
}
