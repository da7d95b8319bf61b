// The import page of a template (agencies or accounts): the province (an administrator's choice),
// the template to download, and the upload with its check and import. Messages: admin.import.
// Both /quan-tri/*/nhap routes are `importRoute` with their kind, back link and action.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { accountFormOptions } from "@/lib/accounts/queries";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/io/table-file";
import { Callout } from "@/components/ui/callout";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FilterField, filterInputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { ImportForm } from "./import-form";

type Props = {
  kind: "agencies" | "users";
  back: string;
  provinces: { code: string; name: string }[] | null;
  chosen: string | null;
  maxBytes: number;
  action: React.ComponentProps<typeof ImportForm>["action"];
};

export async function ImportPage({ kind, back, provinces, chosen, maxBytes, action }: Props) {
  const t = await getTranslations("admin.import");
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: back, label: t("back") }} title={t(`${kind}Title`)} lead={t(`${kind}Lead`)} />
      <Card as="section" className="text-sm">
        {provinces ? (
          <form method="get" className="mb-3 flex flex-wrap items-end gap-3">
            <FilterField label={t("province")}>
              <select name="province" defaultValue={chosen ?? ""} className={filterInputClass}>
                {provinces.map((p) => (
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
            <ButtonLink variant="outline" href={`/api/v1/imports/${kind}/template?province=${chosen}`} prefetch={false} data-testid="template-link">
              {t("template")}
            </ButtonLink>
          </div>
        ) : null}
      </Card>
      {chosen ? (
        <ClientMessages namespaces={["admin.import"]}>
          <ImportForm action={action} maxBytes={maxBytes} province={chosen} />
        </ClientMessages>
      ) : null}
    </div>
  );
}

type Route = Pick<Props, "kind" | "back" | "action">;

export async function importMetadata(kind: Props["kind"]): Promise<Metadata> {
  return { title: (await getTranslations("admin.import"))(`${kind}Title`) };
}

/** An import route: signed in, the provinces the actor may choose or its own (lib checks the import again). */
export async function importRoute(route: Route, searchParams: Promise<{ province?: string }>) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const { province } = await searchParams;
  let options: Awaited<ReturnType<typeof accountFormOptions>>;
  try {
    options = await accountFormOptions(actor, province);
  } catch (error) {
    if (error instanceof ForbiddenError) return <Callout tone="error">{error.message}</Callout>;
    throw error;
  }
  return <ImportPage {...route} provinces={options.provinces} chosen={options.fixedProvince} maxBytes={MAX_IMPORT_BYTES} />;
}
