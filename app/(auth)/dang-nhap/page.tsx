import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { LoginForm } from "@/components/forms/login-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await currentActor()) redirect("/trang-chu");
  const [{ next }, t, tf] = await Promise.all([searchParams, getTranslations("auth"), getTranslations("admin.forgot")]);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <Link href="/" className="mb-6 block text-center text-sm link">
          {t("back")}
        </Link>
        <Card>
          <h1 className="text-xl font-bold text-brand-900">{t("title")}</h1>
          <p className="mb-5 mt-1 text-sm text-slate-600">{t("audience")}</p>
          <ClientMessages namespaces={["auth"]}>
            <LoginForm next={typeof next === "string" ? next : undefined} />
          </ClientMessages>
          <Link href="/quen-mat-khau" className="mt-4 block text-sm link" data-testid="forgot-link">
            {tf("link")}
          </Link>
        </Card>
        {/* After the form: the form's own submit button stays the first one on the page. */}
        <LanguageSwitch className="mt-4 justify-center" />
      </div>
    </main>
  );
}
