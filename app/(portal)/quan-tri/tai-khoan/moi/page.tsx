import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { accountFormOptions } from "@/lib/accounts/queries";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { AccountCreateForm } from "@/components/admin/account-forms";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { FilterField, filterInputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.accounts"))("newTitle") };
}

/**
 * The new-account form on a page of its own: its agency choice holds every agency of the province
 * (thousands in a big one), which the account list must not carry. An administrator first picks
 * the province whose agencies are offered (?province=).
 */
export default async function NewAccountPage({ searchParams }: { searchParams: Promise<{ province?: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const [{ province }, t, ta, tc] = await Promise.all([
    searchParams,
    getTranslations("admin.accounts"),
    getTranslations("admin.account"),
    getTranslations("common"),
  ]);
  let options: Awaited<ReturnType<typeof accountFormOptions>>;
  try {
    options = await accountFormOptions(actor, province);
  } catch (error) {
    if (error instanceof ForbiddenError) return <Callout tone="error">{error.message}</Callout>;
    throw error;
  }
  const choices = {
    roles: options.roles.map((r) => ({ value: r, label: tc(`roles.${r}`) })),
    provinces: options.provinces?.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` })) ?? null,
    agencies: options.agencies.map((a) => ({ value: String(a.id), label: `${a.code} · ${a.name}` })),
    fixedProvince: options.fixedProvince,
    agencyHint: options.provinces ? t("agencyHintAdmin") : t("agencyHint"),
  };
  const back = `/quan-tri/tai-khoan${province ? `?${new URLSearchParams({ province })}` : ""}`;

  return (
    <div className="space-y-6">
      <PageHeader back={{ href: back, label: ta("back") }} title={t("newTitle")} lead={t("newLead")} />
      {choices.provinces ? (
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("agenciesOf")}>
          <FilterField label={t("agenciesOf")}>
            <select name="province" defaultValue={options.fixedProvince ?? ""} className={filterInputClass}>
              <option value="">{t("pickProvinceNone")}</option>
              {choices.provinces.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </FilterField>
          <Button type="submit" variant="secondary">
            {t("pickProvince")}
          </Button>
        </form>
      ) : null}
      <Card as="section">
        <ClientMessages namespaces={["admin.accounts", "admin.link"]}>
          <AccountCreateForm choices={choices} />
        </ClientMessages>
      </Card>
    </div>
  );
}
