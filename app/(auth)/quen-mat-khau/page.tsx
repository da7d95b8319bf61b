import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/admin/password-forms";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.forgot"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("admin.forgot");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <Card>
          <h1 className="text-xl font-bold text-brand-900">{t("title")}</h1>
          <p className="mb-4 mt-1 text-sm text-slate-600">{t("lead")}</p>
          <ClientMessages namespaces={["admin.forgot", "admin.password"]}>
            <ForgotPasswordForm />
          </ClientMessages>
        </Card>
        <LanguageSwitch className="mt-4 justify-center" />
      </div>
    </main>
  );
}
