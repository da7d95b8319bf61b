import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { accountFormOptions, accountToManage } from "@/lib/accounts/queries";
import { idParam } from "@/lib/api/params";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getFormat } from "@/lib/i18n/server";
import { AccountEditForm, AccountRowActions } from "@/components/admin/account-forms";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.account"))("title") };
}

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const id = idParam((await params).id);
  if (id < 1) notFound();
  const [t, ta, ts, tc, format] = await Promise.all([
    getTranslations("admin.account"),
    getTranslations("admin.accounts"),
    getTranslations("admin.statuses"),
    getTranslations("common"),
    getFormat(),
  ]);
  let account: Awaited<ReturnType<typeof accountToManage>>;
  try {
    account = await accountToManage(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) return <Callout tone="error">{error.message}</Callout>;
    throw error;
  }
  const options = await accountFormOptions(actor, account.provinceCode);
  const choices = {
    roles: options.roles.map((r) => ({ value: r, label: tc(`roles.${r}`) })),
    provinces: options.provinces?.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` })) ?? null,
    agencies: options.agencies.map((a) => ({ value: String(a.id), label: `${a.code} · ${a.name}` })),
    fixedProvince: options.fixedProvince ?? account.provinceCode,
    agencyHint: ta("agencyHint"),
  };
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/quan-tri/tai-khoan", label: t("back") }} title={account.name} lead={account.email}>
        <p className="mt-1 text-sm text-slate-600">
          {t("status", { status: ts(account.status) })} · {t("created", { date: format.dateTime(account.createdAt) })} ·{" "}
          {t("lastSignIn", { date: account.lastSignInAt ? format.dateTime(account.lastSignInAt) : ta("never") })}
        </p>
      </PageHeader>
      <ClientMessages namespaces={["admin.accounts", "admin.link"]}>
        <Card as="section">
          <h2 className="mb-4 text-lg font-semibold">{t("title")}</h2>
          <AccountEditForm account={account} choices={choices} saveLabel={t("save")} />
        </Card>
        <Card as="section">
          <AccountRowActions account={account} self={account.id === actor.id} />
        </Card>
      </ClientMessages>
    </div>
  );
}
