import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getFramework } from "@/lib/frameworks/queries";
import { frameworkIdSchema } from "@/lib/frameworks/schema";
import { getFormat } from "@/lib/i18n/server";
import { PointsEditor } from "@/components/frameworks/points-editor";
import type { FrameworkDetail } from "@/lib/frameworks/types";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Callout } from "@/components/ui/callout";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("frameworks.points"))("title") };
}

export default async function EditPointsPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, t, tf, format] = await Promise.all([params, getTranslations("frameworks.points"), getTranslations("frameworks.detail"), getFormat()]);
  const parsed = frameworkIdSchema.safeParse(id);
  let f: FrameworkDetail | null = null;
  let problem: string | null = parsed.success ? null : tf("badId");
  if (parsed.success) {
    try {
      f = await getFramework(await currentActor(), parsed.data);
      if (!f.canEdit) problem = t("forbidden");
    } catch (error) {
      if (error instanceof ForbiddenError) problem = tf("otherProvince");
      else if (error instanceof NotFoundError) problem = error.message;
      else throw error;
    }
  }
  if (!f || problem) {
    return (
      <Callout tone="error">
        {problem}{" "}
        <Link href="/bo-chi-so" className="font-semibold underline">
          {tf("toList")}
        </Link>
      </Callout>
    );
  }
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: `/bo-chi-so/${f.id}`, label: t("back", { name: f.name, version: f.version }) }} title={t("title")}>
        <p className="text-slate-600">{t("lead", { max: format.points(f.maxScore) })}</p>
        {f.inUse ? <p className="mt-2 text-sm font-medium text-brand-900">{t("inUse")}</p> : null}
      </PageHeader>
      <ClientMessages namespaces={["frameworks.pointsEditor"]}>
        <PointsEditor frameworkId={f.id} revision={f.revision} criteria={f.criteria} maxScore={f.maxScore} requireTotal={f.status !== "DRAFT" && !f.inUse} />
      </ClientMessages>
    </div>
  );
}
