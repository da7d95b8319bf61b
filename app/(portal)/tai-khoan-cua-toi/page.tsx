import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { myAccount } from "@/lib/accounts/queries";
import { currentActor } from "@/lib/auth/actor";
import { ChangePasswordForm, ProfileForm } from "@/components/admin/password-forms";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { saveNotificationPreferencesAction } from "@/lib/notifications/actions";
import { DELIVERIES } from "@/lib/notifications/kinds";
import { notificationPreferences } from "@/lib/notifications/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.me"))("title") };
}

export default async function MyAccountPage() {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const [me, t, tc, tn, preferences] = await Promise.all([
    myAccount(actor),
    getTranslations("admin.me"),
    getTranslations("common"),
    getTranslations("notifications"),
    notificationPreferences(actor),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      <ClientMessages namespaces={["admin.me", "admin.password"]}>
        <Card as="section">
          <h2 className="text-lg font-semibold">{t("profile")}</h2>
          <dl className="mb-4 mt-2 grid gap-2 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-500">{t("email")}</dt>
              <dd className="font-medium" data-testid="my-email">
                {me.email}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("role")}</dt>
              <dd className="font-medium">{tc(`roles.${me.role}`)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("unit")}</dt>
              <dd className="font-medium">{[me.agencyName, me.provinceName].filter(Boolean).join(" · ") || "—"}</dd>
            </div>
          </dl>
          <ProfileForm name={me.name} phone={me.phone} version={me.version} />
        </Card>
        <Card as="section">
          <h2 className="text-lg font-semibold">{t("passwordTitle")}</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">{t("passwordLead")}</p>
          <ChangePasswordForm email={me.email} name={me.name} />
        </Card>
      </ClientMessages>
      {preferences.length > 0 && (
        <Card as="section">
          <h2 className="text-lg font-semibold">{tn("preferences.title")}</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">{tn("preferences.hint")}</p>
          <form action={saveNotificationPreferencesAction} className="space-y-4" data-testid="notification-preferences">
            {preferences.map((p) => (
              <fieldset key={p.kind}>
                <legend className="text-sm font-medium text-slate-900">{tn(`kinds.${p.kind}`)}</legend>
                <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-sm">
                  {DELIVERIES.map((delivery) => (
                    <label key={delivery} className="inline-flex items-center gap-2">
                      <input type="radio" name={p.kind} value={delivery} defaultChecked={p.delivery === delivery} />
                      {tn(`deliveries.${delivery}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
            <Button type="submit">{tn("preferences.save")}</Button>
          </form>
        </Card>
      )}
    </div>
  );
}
