import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { holds, reachOf } from "@/lib/auth/policy";
import { listPeriods } from "@/lib/assessments/periods/queries";
import { councilPeriods } from "@/lib/assessments/council/queries";
import { getFormat } from "@/lib/i18n/server";
import { IllustrativeBadge } from "@/components/assessments/badges";
import { ButtonLink } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assessments.periods"))("title") };
}

export default async function PeriodsPage() {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const [periods, council, t, ta, tc, tcouncil, tn, ty, format] = await Promise.all([
    listPeriods(actor),
    councilPeriods(actor),
    getTranslations("assessments.periods"),
    getTranslations("assessments"),
    getTranslations("consistency"),
    getTranslations("council"),
    getTranslations("nowcast.self"),
    getTranslations("scoring.year"),
    getFormat(),
  ]);
  // The year's ranking across the province's periods is for those who read the whole province.
  const seesYear = actor.provinceId !== null && reachOf(actor.role, "province.read") === "province";
  const canOpen = holds(actor, "assessment.manage");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("heading")}
        lead={t("lead")}
        actions={
          canOpen || seesYear ? (
            <div className="flex flex-wrap gap-2">
              {seesYear ? (
                <ButtonLink href="/danh-gia/xep-hang" size="md" variant="secondary" data-testid="year-ranking-link">
                  {ty("link")}
                </ButtonLink>
              ) : null}
              {/* The consistency report is a province's: none for an administrator without one (it would answer 403). */}
              {canOpen && actor.provinceId !== null ? (
                <>
                  <ButtonLink href="/danh-gia/nhat-quan" size="md" variant="secondary">
                    {tc("link")}
                  </ButtonLink>
                  <ButtonLink href="/danh-gia/tu-danh-gia" size="md" variant="secondary">
                    {tn("link")}
                  </ButtonLink>
                </>
              ) : null}
              {canOpen ? (
                <ButtonLink href="/danh-gia/mo-ky" size="md">
                  {t("open")}
                </ButtonLink>
              ) : null}
            </div>
          ) : null
        }
      />
      {council.length > 0 ? (
        <Callout tone="info" data-testid="my-council">
          <h2 className="font-semibold">{tcouncil("myCouncilHeading")}</h2>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {council.map((p) => (
              <li key={p.id}>
                <Link href={`/danh-gia/${p.id}/hoi-dong`} className="link">
                  {tcouncil("myCouncilLink", { year: p.year })}
                </Link>{" "}
                · {p.frameworkName}
              </li>
            ))}
          </ul>
        </Callout>
      ) : null}
      {periods.length === 0 ? (
        <Callout tone="neutral">{t("none")}</Callout>
      ) : (
        <DataTable>
          <THead>
            <Th>{t("year")}</Th>
            <Th>{t("province")}</Th>
            <Th>{t("framework")}</Th>
            <Th>{t("deadline")}</Th>
            <Th>{t("status")}</Th>
            <Th numeric>{t("finalized")}</Th>
          </THead>
          <TBody>
            {periods.map((p) => (
              <tr key={p.id}>
                <Td className="font-semibold">
                  <Link href={`/danh-gia/${p.id}`} className="link">
                    {t("yearLink", { year: p.year })}
                  </Link>
                </Td>
                <Td>{p.provinceName}</Td>
                <Td>
                  {p.frameworkName} {p.frameworkIllustrative || p.isDemo ? <IllustrativeBadge /> : null}
                  {p.peerGroupName ? <span className="block text-xs text-slate-500">{ty("forGroup", { group: p.peerGroupName })}</span> : null}
                </Td>
                <Td className="tabular-nums">{format.dateTime(p.deadline)}</Td>
                <Td>{ta(`periodStatus.${p.status}`)}</Td>
                <Td numeric>
                  {p.finalizedCount}/{p.agencyCount}
                </Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      )}
    </div>
  );
}
