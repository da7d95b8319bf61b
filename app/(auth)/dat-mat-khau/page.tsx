import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { linkStatus } from "@/lib/accounts/passwords/mutations";
import { SetPasswordForm } from "@/components/admin/password-forms";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.password"))("title"), referrer: "no-referrer" };
}

// The page behind a one-time link: what the link is worth, then the form. The token stays out of
// any other request's Referer (referrer: no-referrer).
export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const [{ token }, t] = await Promise.all([searchParams, getTranslations("admin.password")]);
  const status = await linkStatus(typeof token === "string" ? token : "");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md">
        <Card>
          <h1 className="text-xl font-bold text-brand-900">{t("title")}</h1>
          {status.state === "valid" && status.email ? (
            <>
              <p className="mb-4 mt-1 text-sm text-slate-600">{t("lead", { email: status.email })}</p>
              <ClientMessages namespaces={["admin.password"]}>
                <SetPasswordForm token={token!} email={status.email} />
              </ClientMessages>
            </>
          ) : (
            <Callout tone="error" className="mt-3" data-testid="link-refused">
              <p className="font-semibold">{t("invalidTitle")}</p>
              <p className="mt-1">{status.message}</p>
            </Callout>
          )}
          <Link href="/dang-nhap" className="mt-4 block text-sm link">
            {t("toSignIn")}
          </Link>
        </Card>
        <LanguageSwitch className="mt-4 justify-center" />
      </div>
    </main>
  );
}
