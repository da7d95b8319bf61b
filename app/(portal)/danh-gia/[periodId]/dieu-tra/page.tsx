// The survey results of a period (issue 17): Home Affairs downloads the template filled with the
// period's agencies, fills each survey criterion's points or percentage, checks and imports it.
import type { Metadata } from "next";
import { forbidden, notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { idParam } from "@/lib/api/params";
import { importSurveyAction } from "@/lib/assessments/actions";
import { surveyOverview } from "@/lib/assessments/survey/queries";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getFormat } from "@/lib/i18n/server";
import { MAX_IMPORT_BYTES } from "@/lib/io/table-file";
import { ImportForm } from "@/components/admin/import-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ButtonLink } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scoring.survey"))("title") };
}

export default async function SurveyImportPage({ params }: { params: Promise<{ periodId: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const overview = await surveyOverview(actor, idParam((await params).periodId)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  });
  const [t, format] = await Promise.all([getTranslations("scoring.survey"), getFormat()]);
  const open = !overview.published && overview.criteria.length > 0;
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: `/danh-gia/${overview.periodId}`, label: t("back") }}
        title={t("heading", { year: overview.year })}
        lead={t("lead", { framework: overview.frameworkName })}
      />
      {overview.published ? <Callout tone="warn">{t("published")}</Callout> : null}
      {overview.criteria.length === 0 ? (
        <Callout tone="warn">{t("noCriteria")}</Callout>
      ) : (
        <Card as="section" className="space-y-3 text-sm">
          <h2 className="font-semibold">{t("criteria")}</h2>
          <DataTable data-testid="survey-criteria">
            <THead>
              <Th>{t("code")}</Th>
              <Th>{t("criterion")}</Th>
              <Th numeric>{t("max")}</Th>
              <Th numeric>{t("scored")}</Th>
            </THead>
            <TBody>
              {overview.criteria.map((c) => (
                <tr key={c.code} data-code={c.code}>
                  <Td className="font-mono text-xs">{c.code}</Td>
                  <Td>{c.name}</Td>
                  <Td numeric>{format.score(c.maxPoints)}</Td>
                  <Td numeric>{t("scoredOf", { scored: c.scored, total: overview.agencyCount })}</Td>
                </tr>
              ))}
            </TBody>
          </DataTable>
          <p className="text-slate-600">{t("values")}</p>
          <p className="text-slate-600">{t("rounds")}</p>
          <ButtonLink
            variant="outline"
            href={`/api/v1/assessment-periods/${overview.periodId}/survey-template`}
            prefetch={false}
            data-testid="survey-template-link"
          >
            {t("template")}
          </ButtonLink>
        </Card>
      )}
      {open ? (
        <ClientMessages namespaces={["admin.import"]}>
          <ImportForm action={importSurveyAction} maxBytes={MAX_IMPORT_BYTES} province={null} fields={{ periodId: String(overview.periodId) }} />
        </ClientMessages>
      ) : null}
    </div>
  );
}
