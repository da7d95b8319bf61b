import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuditTable } from "@/components/audit/audit-table";
import { currentActor } from "@/lib/auth/actor";
import { listAudit } from "@/lib/audit/queries";
import { auditFiltersSchema, type AuditFilters } from "@/lib/audit/schema";
import { DateInput } from "@/components/forms/date-input";
import { Button, buttonClass } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { cardClass } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const field = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** The query string of the filters (and a page), for links that keep them. */
function query(filters: AuditFilters, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, page: undefined, ...extra })) if (value !== undefined && value !== "") params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export default async function AuditLogPage({ searchParams }: { searchParams: Search }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap?next=/nhat-ky");
  const [raw, t] = await Promise.all([searchParams, getTranslations("audit")]);
  const parsed = auditFiltersSchema.safeParse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, one(value)])));
  const filters: AuditFilters = parsed.success ? parsed.data : {};
  let log: Awaited<ReturnType<typeof listAudit>>;
  try {
    log = await listAudit(actor, filters);
  } catch (error) {
    if ((error as { status?: number }).status === 403) {
      return (
        <Callout tone="error" data-testid="audit-forbidden">
          {filters.provinceId ? t("forbiddenProvince") : t("forbidden")}{" "}
          <Link href="/trang-chu" className="font-semibold underline">
            {t("toWorkspace")}
          </Link>
        </Callout>
      );
    }
    throw error;
  }
  const filtered = Object.values(filters).some((v) => v !== undefined);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={`${t("lead")} ${log.scope ? t("scope", { scope: log.scope }) : t("scopeNational")}`} />

      {!parsed.success ? (
        <Callout tone="warn" size="sm" role="alert" data-testid="audit-filter-error">
          {t("badFilter", { issues: parsed.error.issues.map((i) => i.message).join(" ") })}
        </Callout>
      ) : null}

      <form method="get" className={`no-print grid gap-3 p-4 sm:grid-cols-6 ${cardClass}`} role="search" data-testid="audit-filters">
        <div className="sm:col-span-2">
          <label htmlFor="user" className="text-sm font-medium text-slate-700">
            {t("user")}
          </label>
          <select id="user" name="user" defaultValue={filters.user ?? ""} className={field}>
            <option value="">{t("all")}</option>
            {log.options.users.map((u) => (
              <option key={u.email} value={u.email}>
                {u.name ? `${u.name} (${u.email})` : u.email}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="entity" className="text-sm font-medium text-slate-700">
            {t("entity")}
          </label>
          <select id="entity" name="entity" defaultValue={filters.entity ?? ""} className={field}>
            <option value="">{t("all")}</option>
            {log.options.entities.map((e) => (
              <option key={e.value} value={e.value}>
                {e.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="entityId" className="text-sm font-medium text-slate-700">
            {t("entityId")}
          </label>
          <input id="entityId" name="entityId" defaultValue={filters.entityId ?? ""} placeholder={t("entityIdPlaceholder")} className={field} />
        </div>
        <div>
          <label htmlFor="from" className="text-sm font-medium text-slate-700">
            {t("from")}
          </label>
          <DateInput id="from" name="from" defaultValue={filters.from ?? ""} className={field} />
        </div>
        <div>
          <label htmlFor="to" className="text-sm font-medium text-slate-700">
            {t("to")}
          </label>
          <DateInput id="to" name="to" defaultValue={filters.to ?? ""} className={field} />
        </div>
        {log.options.provinces.length > 1 ? (
          <div className="sm:col-span-2">
            <label htmlFor="provinceId" className="text-sm font-medium text-slate-700">
              {t("province")}
            </label>
            <select id="provinceId" name="provinceId" defaultValue={filters.provinceId ?? ""} className={field}>
              <option value="">{log.scope ? t("ownProvince") : t("all")}</option>
              {log.options.provinces.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="flex flex-wrap items-center gap-3 sm:col-span-6">
          <Button type="submit">{t("filter")}</Button>
          {filtered ? (
            <Link href="/nhat-ky" className="text-sm link">
              {t("clear")}
            </Link>
          ) : null}
          <span className="ml-auto flex gap-2 text-sm">
            <a href={`/api/v1/audit/export${query(filters, { format: "xlsx" })}`} className={buttonClass("secondary")} data-testid="audit-export-xlsx">
              {t("downloadXlsx")}
            </a>
            <a href={`/api/v1/audit/export${query(filters, { format: "csv" })}`} className={buttonClass("secondary")} data-testid="audit-export-csv">
              {t("downloadCsv")}
            </a>
          </span>
        </div>
      </form>

      <p className="text-sm text-slate-600" data-testid="audit-count">
        {log.total === 0
          ? t("none")
          : log.pageCount > 1
            ? t("countPaged", { count: log.total, page: log.page, pages: log.pageCount })
            : t("count", { count: log.total })}
      </p>
      {log.rows.length > 0 ? <AuditTable rows={log.rows} /> : null}

      {log.pageCount > 1 ? (
        <nav aria-label={t("pages")} className="no-print flex items-center gap-3 text-sm">
          {log.page > 1 ? (
            <Link href={`/nhat-ky${query(filters, { page: log.page - 1 })}`} className="link">
              {t("newer")}
            </Link>
          ) : null}
          {log.page < log.pageCount ? (
            <Link href={`/nhat-ky${query(filters, { page: log.page + 1 })}`} className="link">
              {t("older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
