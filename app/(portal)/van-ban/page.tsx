import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { DIRECTIVE_KINDS } from "@/lib/directives/labels";
import { listDirectives } from "@/lib/directives/queries";
import { STATUS_FILTERS } from "@/lib/directives/rules";
import { listFiltersSchema } from "@/lib/directives/schema";
import { getFormat, inRequestLocale } from "@/lib/i18n/server";
import { ProgressBadge, TargetsOverallBadge } from "@/components/directives/badges";
import { Button, ButtonLink } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { cardClass } from "@/components/ui/card";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("directives.list"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const select = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export default async function DirectivesPage({ searchParams }: { searchParams: Search }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const raw = await searchParams;
  const filters = listFiltersSchema.parse({
    q: one(raw.q),
    year: one(raw.year),
    kind: one(raw.kind),
    issuer: one(raw.issuer),
    status: one(raw.status),
  });
  const [list, t, td, format] = await Promise.all([
    inRequestLocale(() => listDirectives(actor, filters)),
    getTranslations("directives.list"),
    getTranslations("directives"),
    getFormat(),
  ]);
  const filtered = Boolean(filters.q || filters.year || filters.kind || filters.issuer || filters.status);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("heading")}
        lead={t("lead")}
        actions={
          list.canCreate ? (
            <ButtonLink href="/van-ban/moi" size="md">
              {t("add")}
            </ButtonLink>
          ) : null
        }
      />

      <form method="get" className={`no-print grid gap-3 p-4 sm:grid-cols-6 ${cardClass}`} role="search" data-testid="directive-filters">
        <div className="sm:col-span-2">
          <label htmlFor="q" className="text-sm font-medium text-slate-700">
            {t("search")}
          </label>
          <input id="q" name="q" defaultValue={filters.q ?? ""} placeholder={t("searchPlaceholder")} className={select} />
        </div>
        <div>
          <label htmlFor="year" className="text-sm font-medium text-slate-700">
            {t("year")}
          </label>
          <select id="year" name="year" defaultValue={filters.year ?? ""} className={select}>
            <option value="">{t("all")}</option>
            {list.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="kind" className="text-sm font-medium text-slate-700">
            {t("kind")}
          </label>
          <select id="kind" name="kind" defaultValue={filters.kind ?? ""} className={select}>
            <option value="">{t("all")}</option>
            {DIRECTIVE_KINDS.map((k) => (
              <option key={k} value={k}>
                {td(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="issuer" className="text-sm font-medium text-slate-700">
            {t("issuer")}
          </label>
          <select id="issuer" name="issuer" defaultValue={filters.issuer ?? ""} className={select}>
            <option value="">{t("all")}</option>
            {list.issuers.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="text-sm font-medium text-slate-700">
            {t("status")}
          </label>
          <select id="status" name="status" defaultValue={filters.status ?? ""} className={select}>
            <option value="">{t("all")}</option>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {td(`statusFilter.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-3 sm:col-span-6">
          <Button type="submit">{t("filter")}</Button>
          {filtered ? (
            <Link href="/van-ban" className="text-sm link">
              {t("clear")}
            </Link>
          ) : null}
          <p className="ml-auto text-xs text-slate-500">{t("statusHelp")}</p>
        </div>
      </form>

      {list.items.length === 0 ? (
        <Callout tone="neutral" data-testid="no-directives">
          {filtered ? t("noneFiltered") : t("none")}
        </Callout>
      ) : (
        <DataTable data-testid="directive-table">
          <THead>
            <Th>{t("number")}</Th>
            <Th>{t("abstract")}</Th>
            <Th>{t("issued")}</Th>
            <Th>{t("year")}</Th>
            <Th>{t("tasks")}</Th>
            <Th>{t("targets")}</Th>
          </THead>
          <TBody>
            {list.items.map((d) => (
              <tr key={d.id} data-number={d.number}>
                <Td className="whitespace-nowrap font-semibold">
                  <Link href={`/van-ban/${d.id}`} className="link">
                    {d.number}
                  </Link>
                  <div className="text-xs font-normal text-slate-500">{td(`kinds.${d.kind}`)}</div>
                </Td>
                <Td className="max-w-md">{d.title}</Td>
                <Td>
                  {d.issuer}
                  <div className="text-xs text-slate-500">{d.issuedOn ? format.day(d.issuedOn) : t("noDate")}</div>
                </Td>
                <Td className="tabular-nums">{d.years.join(", ")}</Td>
                <Td>
                  <ProgressBadge progress={d.progress} />
                  {d.taskCount > 0 ? (
                    <div className="mt-1 text-xs text-slate-600">
                      {t.rich("taskCounts", {
                        done: d.doneCount,
                        total: d.taskCount,
                        overdue: d.overdueCount,
                        late: (chunks) => <span className="font-semibold text-red-700">{chunks}</span>,
                      })}
                    </div>
                  ) : null}
                </Td>
                <Td>
                  <TargetsOverallBadge overall={d.targets} />
                  {d.targetCount > 0 ? <div className="mt-1 text-xs text-slate-600">{t("targetCount", { count: d.targetCount })}</div> : null}
                  {d.canCompile ? (
                    <Link href={`/van-ban/${d.id}/bao-cao`} className="no-print mt-1 block text-xs link" data-testid="compiled-report-link">
                      {t("compiled")}
                    </Link>
                  ) : null}
                </Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      )}
    </div>
  );
}
