import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { importAccountsAction } from "@/lib/accounts/actions";
import { accountFormOptions } from "@/lib/accounts/queries";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/io/table-file";
import { ImportForm } from "@/components/admin/import-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ButtonLink } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { FilterField, filterInputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.import"))("usersTitle") };
}

export default async function AccountImportPage({ searchParams }: { searchParams: Promise<{ province?: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const [{ province }, t] = await Promise.all([searchParams, getTranslations("admin.import")]);
  let options;
  try {
    options = await accountFormOptions(actor, province);
  } catch (error) {
    if (error instanceof ForbiddenError) return <Callout tone="error">{error.message}</Callout>;
    throw error;
  }
  const chosen = options.fixedProvince;
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/quan-tri/tai-khoan", label: t("back") }} title={t("usersTitle")} lead={t("usersLead")} />
      <Card as="section" className="text-sm">
        {options.provinces ? (
          <form method="get" className="mb-3 flex flex-wrap items-end gap-3">
            <FilterField label={t("province")}>
              <select name="province" defaultValue={chosen ?? ""} className={filterInputClass}>
                {options.provinces.map((p) => (
                  <option key={p.code} value={p.code}>
                    {`${p.name} (${p.code})`}
                  </option>
                ))}
              </select>
            </FilterField>
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100">
              {t("province")}
            </button>
          </form>
        ) : null}
        <p className="text-slate-600">{t("templateLead")}</p>
        {chosen ? (
          <div className="mt-3">
            <ButtonLink variant="outline" href={`/api/v1/imports/users/template?province=${chosen}`} prefetch={false} data-testid="template-link">
              {t("template")}
            </ButtonLink>
          </div>
        ) : null}
      </Card>
      {chosen ? (
        <ClientMessages namespaces={["admin.import"]}>
          <ImportForm action={importAccountsAction} maxBytes={MAX_IMPORT_BYTES} province={chosen} />
        </ClientMessages>
      ) : null}
    </div>
  );
}
