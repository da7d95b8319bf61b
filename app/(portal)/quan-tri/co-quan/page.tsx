import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listAgencies, provinceChoices } from "@/lib/agencies/queries";
import { AGENCY_KINDS } from "@/lib/agencies/rules";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { getFormat } from "@/lib/i18n/server";
import { AgencyCreateForm } from "@/components/admin/agency-forms";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { FilterField, filterInputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pager, pageHref } from "@/components/ui/pager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.agencies"))("title") };
}

type Params = Record<string, string | undefined>;

export default async function AgenciesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const [sp, t, tc, format] = await Promise.all([searchParams, getTranslations("admin.agencies"), getTranslations("common"), getFormat()]);
  // The provinces an administrator picks from; a page of the chosen province's agencies.
  const provinces = await provinceChoices(actor);
  let list = null;
  try {
    list = await listAgencies(actor, sp);
  } catch (error) {
    if (error instanceof ForbiddenError) return <Callout tone="error">{error.message}</Callout>;
    if (!(error instanceof ValidationError)) throw error;
    if (!provinces) return <Callout tone="error">{error.message}</Callout>;
  }
  const kinds = AGENCY_KINDS.map((k) => ({ value: k, label: tc(`agencyKinds.${k}`) }));
  const province = list?.province.code ?? sp.province ?? "";
  const withProvince = (path: string) => (province ? `${path}?province=${province}` : path);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        lead={list ? t("lead", { province: list.province.name }) : t("leadPick")}
        actions={
          list ? (
            <div className="flex flex-wrap gap-2">
              <ButtonLink href={withProvince("/quan-tri/co-quan/nhap")} variant="outline">
                {t("import")}
              </ButtonLink>
              <ButtonLink href={withProvince("/quan-tri/co-quan/hop-nhat")} variant="secondary">
                {t("merge")}
              </ButtonLink>
            </div>
          ) : null
        }
      />

      <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filters")}>
        {provinces ? (
          <FilterField label={t("province")}>
            <select name="province" defaultValue={province} className={filterInputClass}>
              <option value="">{t("pick")}</option>
              {provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {`${p.name} (${p.code})`}
                </option>
              ))}
            </select>
          </FilterField>
        ) : null}
        <FilterField label={t("search")}>
          <input name="q" defaultValue={sp.q ?? ""} className={filterInputClass} />
        </FilterField>
        <FilterField label={t("kind")}>
          <select name="kind" defaultValue={sp.kind ?? ""} className={filterInputClass}>
            <option value="">{t("all")}</option>
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField label={t("status")}>
          <select name="status" defaultValue={sp.status ?? "current"} className={filterInputClass}>
            {(["current", "ended", "all"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </FilterField>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
          {t("filter")}
        </button>
      </form>

      {list ? (
        <>
          <p className="text-sm text-slate-600" data-testid="agency-count">
            {t("count", { total: list.total })}
          </p>
          {list.rows.length === 0 ? (
            <Callout tone="neutral">{t("none")}</Callout>
          ) : (
            <DataTable data-testid="agencies">
              <THead>
                <Th>{t("columns.code")}</Th>
                <Th>{t("columns.name")}</Th>
                <Th>{t("columns.kind")}</Th>
                <Th>{t("columns.peerGroup")}</Th>
                <Th>{t("columns.heads")}</Th>
                <Th>{t("columns.validity")}</Th>
                <Th>{t("columns.lineage")}</Th>
              </THead>
              <TBody>
                {list.rows.map((a) => (
                  <tr key={a.id} data-code={a.code}>
                    <Td className="font-mono text-xs">{a.code}</Td>
                    <Td className="min-w-48">
                      <Link href={`/quan-tri/co-quan/${a.id}`} className="font-medium link">
                        {a.name}
                      </Link>
                      {a.shortName ? <span className="text-slate-500"> ({a.shortName})</span> : null}
                      {a.isDemo ? (
                        <Badge tone="special" className="ml-1">
                          {t("demo")}
                        </Badge>
                      ) : null}
                      {a.contactEmail || a.contactPhone ? (
                        <div className="text-xs text-slate-500">{[a.contactEmail, a.contactPhone].filter(Boolean).join(" · ")}</div>
                      ) : null}
                    </Td>
                    <Td>{tc(`agencyKinds.${a.kind}`)}</Td>
                    <Td>{a.peerGroup ?? "—"}</Td>
                    <Td>{a.heads.length ? a.heads.map((h) => h.name).join(", ") : <span className="text-slate-500">{t("noHead")}</span>}</Td>
                    <Td className="whitespace-nowrap">
                      {a.validTo
                        ? t("fromTo", { from: format.calendarDate(a.validFrom), to: format.calendarDate(a.validTo) })
                        : t("from", { date: format.calendarDate(a.validFrom) })}
                    </Td>
                    <Td className="text-xs text-slate-600">
                      {a.formedFrom.length ? <div>{t("formedFrom", { names: a.formedFrom.map((l) => l.name).join(", ") })}</div> : null}
                      {a.wentInto.length ? <div>{t("wentInto", { names: a.wentInto.map((l) => l.name).join(", ") })}</div> : null}
                    </Td>
                  </tr>
                ))}
              </TBody>
            </DataTable>
          )}
          <Pager page={list.page} pageSize={list.pageSize} total={list.total} hrefOf={pageHref("/quan-tri/co-quan", sp)} data-testid="agency-pages" />
          <Card as="section">
            <h2 className="mb-4 text-lg font-semibold">{t("newTitle")}</h2>
            <ClientMessages namespaces={["admin.agencies"]}>
              <AgencyCreateForm kinds={kinds} peerGroups={list.peerGroups} provinceCode={list.province.code} />
            </ClientMessages>
          </Card>
        </>
      ) : null}
    </div>
  );
}
