import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { accountFilterOptions, listAccounts } from "@/lib/accounts/queries";
import { STATUSES } from "@/lib/accounts/rules";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { getFormat } from "@/lib/i18n/server";
import { AccountRowActions } from "@/components/admin/account-forms";
import { DateInput } from "@/components/forms/date-input";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { FilterField, filterInputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pager, pageHref } from "@/components/ui/pager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.accounts"))("title") };
}

const TONE: Record<(typeof STATUSES)[number], BadgeTone> = { active: "ok", invited: "info", disabled: "muted", locked: "warn" };
type Params = Record<string, string | undefined>;

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const [sp, t, ts, tc, format] = await Promise.all([
    searchParams,
    getTranslations("admin.accounts"),
    getTranslations("admin.statuses"),
    getTranslations("common"),
    getFormat(),
  ]);
  let page: Awaited<ReturnType<typeof listAccounts>>;
  let options: Awaited<ReturnType<typeof accountFilterOptions>>;
  try {
    [page, options] = await Promise.all([listAccounts(actor, sp), accountFilterOptions(actor)]);
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof ValidationError) return <Callout tone="error">{error.message}</Callout>;
    throw error;
  }
  const choices = {
    roles: options.roles.map((r) => ({ value: r, label: tc(`roles.${r}`) })),
    provinces: options.provinces?.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` })) ?? null,
  };
  const withProvince = (path: string) => (sp.province ? `${path}?${new URLSearchParams({ province: sp.province })}` : path);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        lead={options.provinces ? t("leadAdmin") : t("lead")}
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink href={withProvince("/quan-tri/tai-khoan/moi")}>{t("newTitle")}</ButtonLink>
            <ButtonLink href={withProvince("/quan-tri/tai-khoan/nhap")} variant="outline">
              {t("import")}
            </ButtonLink>
          </div>
        }
      />

      <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filters")}>
        <FilterField label={t("search")}>
          <input name="q" defaultValue={sp.q ?? ""} className={filterInputClass} />
        </FilterField>
        <FilterField label={t("role")}>
          <select name="role" defaultValue={sp.role ?? ""} className={filterInputClass}>
            <option value="">{t("all")}</option>
            {choices.roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </FilterField>
        {choices.provinces ? (
          <FilterField label={t("province")}>
            <select name="province" defaultValue={sp.province ?? ""} className={filterInputClass}>
              <option value="">{t("all")}</option>
              {choices.provinces.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </FilterField>
        ) : null}
        <FilterField label={t("status")}>
          <select name="status" defaultValue={sp.status ?? ""} className={filterInputClass}>
            <option value="">{t("all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {ts(s)}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField label={t("signedInBefore")}>
          <DateInput name="signedInBefore" defaultValue={sp.signedInBefore ?? ""} className={filterInputClass} />
        </FilterField>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
          {t("filter")}
        </button>
      </form>

      <p className="text-sm text-slate-600" data-testid="account-count">
        {t("count", { total: page.total })}
      </p>
      {page.rows.length === 0 ? (
        <Callout tone="neutral">{t("none")}</Callout>
      ) : (
        <ClientMessages namespaces={["admin.accounts", "admin.link"]}>
          <DataTable data-testid="accounts">
            <THead>
              <Th>{t("columns.person")}</Th>
              <Th>{t("columns.role")}</Th>
              <Th>{t("columns.unit")}</Th>
              <Th>{t("columns.status")}</Th>
              <Th>{t("columns.lastSignIn")}</Th>
              <Th>{t("columns.actions")}</Th>
            </THead>
            <TBody>
              {page.rows.map((a) => (
                <tr key={a.id} data-email={a.email}>
                  <Td>
                    <Link href={`/quan-tri/tai-khoan/${a.id}`} className="font-medium link">
                      {a.name}
                    </Link>
                    <div className="text-xs text-slate-500">{a.email}</div>
                  </Td>
                  <Td className="min-w-32">{tc(`roles.${a.role}`)}</Td>
                  <Td className="min-w-32">{a.agencyName ? `${a.agencyName} · ${a.provinceName}` : (a.provinceName ?? t("national"))}</Td>
                  <Td>
                    <Badge tone={TONE[a.status]} data-testid="account-status">
                      {ts(a.status)}
                    </Badge>
                  </Td>
                  <Td className="whitespace-nowrap">{a.lastSignInAt ? format.dateTime(a.lastSignInAt) : t("never")}</Td>
                  <Td className="min-w-56">
                    <AccountRowActions account={{ id: a.id, email: a.email, status: a.status, version: a.version }} self={a.id === actor.id} />
                  </Td>
                </tr>
              ))}
            </TBody>
          </DataTable>
        </ClientMessages>
      )}
      <Pager page={page.page} pageSize={page.pageSize} total={page.total} hrefOf={pageHref("/quan-tri/tai-khoan", sp)} data-testid="account-pages" />
    </div>
  );
}
