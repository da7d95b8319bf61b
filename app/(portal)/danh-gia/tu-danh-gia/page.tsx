import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { forbidden, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { openSelfAssessmentAction } from "@/lib/assessments/self-assessment/actions";
import { listSelfAssessments, selfAssessmentOptions } from "@/lib/assessments/self-assessment/queries";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { ForbiddenError } from "@/lib/errors";
import { getFormat } from "@/lib/i18n/server";
import { IllustrativeBadge, StatusBadge } from "@/components/assessments/badges";
import { DateInput } from "@/components/forms/date-input";
import { ActionForm, inputClass, labelClass } from "@/components/forms/form-kit";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { SectionHeading } from "@/components/ui/section-heading";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nowcast.self"))("title") };
}

/**
 * The province's own PAR INDEX self-assessment (issue 17, item 7): one sheet a year against the
 * Ministry's framework, kept by Home Affairs; leaders read it.
 */
export default async function SelfAssessmentPage() {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  if (actor.provinceId === null) forbidden();
  const provinceId = actor.provinceId;
  const years = await listSelfAssessments(actor, provinceId).catch((error) => {
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  });
  const manages = can(actor, "assessment.manage", { provinceId });
  const [t, format, frameworks] = await Promise.all([
    getTranslations("nowcast.self"),
    getFormat(),
    manages ? selfAssessmentOptions(actor, provinceId) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/danh-gia", label: t("back") }} title={t("title")} lead={t("lead")}>
        <p className="mt-1">
          <Link href="/bang-dieu-khien/du-bao" className="link">
            {t("nowcastLink")}
          </Link>
        </p>
      </PageHeader>
      {years.length === 0 ? (
        <Callout tone="neutral">{t("none")}</Callout>
      ) : (
        <DataTable data-testid="self-assessments" stacked>
          <THead>
            <Th>{t("year")}</Th>
            <Th>{t("framework")}</Th>
            <Th>{t("status")}</Th>
            <Th numeric>{t("points")}</Th>
            <Th numeric>{t("scored")}</Th>
            <Th>{t("sheet")}</Th>
          </THead>
          <TBody>
            {years.map((y) => (
              <tr key={y.assessmentId}>
                <Td label={t("year")}>{y.year}</Td>
                <Td label={t("framework")}>
                  {y.frameworkName}
                  {y.illustrative ? <IllustrativeBadge /> : null}
                </Td>
                <Td label={t("status")}>
                  <StatusBadge status={y.status} />
                </Td>
                <Td numeric label={t("points")}>
                  {t("pointsOf", { points: format.points(y.selfPoints), max: format.points(y.maxPoints) })}
                </Td>
                <Td numeric label={t("scored")}>
                  {t("scoredOf", { scored: y.scored, total: y.toScore })}
                </Td>
                <Td label={t("sheet")}>
                  <Link href={`/danh-gia/phieu/${y.assessmentId}`} className="link">
                    {t("openSheet")}
                  </Link>
                </Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      )}
      {manages ? (
        <section aria-labelledby="self-open" className="max-w-2xl space-y-3">
          <SectionHeading id="self-open">{t("openHeading")}</SectionHeading>
          {frameworks.length === 0 ? (
            <Callout tone="warn">{t("noFramework")}</Callout>
          ) : (
            <Card padding="md">
              <ActionForm action={openSelfAssessmentAction} submitLabel={t("submit")} testId="open-self-assessment" className="flex flex-wrap items-end gap-4">
                <input type="hidden" name="provinceId" value={provinceId} />
                <label className="block">
                  <span className={labelClass}>{t("frameworkLabel")}</span>
                  <select name="frameworkId" className={inputClass}>
                    {frameworks.map((f) => (
                      <option key={f.id} value={f.id}>
                        {f.validToYear
                          ? t("frameworkRange", { name: f.name, from: f.validFromYear, to: f.validToYear })
                          : t("frameworkFrom", { name: f.name, from: f.validFromYear })}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="block">
                  <span className={labelClass}>{t("yearLabel")}</span>
                  <input name="year" type="number" min={2000} max={2100} defaultValue={new Date().getFullYear()} className={`${inputClass} w-28`} />
                </label>
                <div>
                  <label htmlFor="self-deadline" className={labelClass}>
                    {t("deadlineLabel")}
                  </label>
                  <DateInput id="self-deadline" name="deadline" required className={`${inputClass} w-36`} />
                </div>
              </ActionForm>
            </Card>
          )}
        </section>
      ) : null}
    </div>
  );
}
