import type { Metadata } from "next";
import { forbidden, notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { idParam } from "@/lib/api/params";
import { notApplicableAction } from "@/lib/assessments/actions";
import { applicableMaximum } from "@/lib/assessments/applicable";
import { getAssessmentSheet } from "@/lib/assessments/queries";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getFormat } from "@/lib/i18n/server";
import { ActionForm, inputClass } from "@/components/forms/form-kit";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scoring.notApplicable"))("title") };
}

/** Home Affairs marks the sub-criteria that do not apply to one agency, before it submits. */
export default async function NotApplicablePage({ params }: { params: Promise<{ assessmentId: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const sheet = await getAssessmentSheet(actor, idParam((await params).assessmentId)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  });
  if (!sheet.abilities.manage) forbidden();
  const [t, format] = await Promise.all([getTranslations("scoring.notApplicable"), getFormat()]);
  const leaves = sheet.criteria.filter((c) => c.score !== null && c.method === "APPRAISAL");
  const open = sheet.status === "DRAFT";
  const applicableMax = applicableMaximum(leaves.map((c) => ({ maxPoints: c.maxPoints, notApplicable: c.score!.notApplicable })));
  const fullMax = applicableMaximum(leaves.map((c) => ({ maxPoints: c.maxPoints, notApplicable: false })));
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: `/danh-gia/${sheet.period.id}/dieu-hanh`, label: t("back") }}
        title={t("heading", { agency: sheet.agency.name, year: sheet.period.year })}
      >
        <p className="text-slate-600" data-testid="applicable-max">
          {t("lead", { applicable: format.score(applicableMax), full: format.score(fullMax) })}
        </p>
      </PageHeader>
      {open ? null : <Callout tone="warn">{t("closed")}</Callout>}
      <DataTable data-testid="not-applicable-table">
        <THead>
          <Th>{t("code")}</Th>
          <Th>{t("criterion")}</Th>
          <Th numeric>{t("max")}</Th>
          <Th>{t("applies")}</Th>
        </THead>
        <TBody>
          {leaves.map((c) => {
            const score = c.score!;
            return (
              <tr key={c.id} data-code={c.code}>
                <Td className="font-mono text-xs">{c.code}</Td>
                <Td>{c.name}</Td>
                <Td numeric>{format.score(c.maxPoints)}</Td>
                <Td>
                  {score.notApplicable ? (
                    <div className="space-y-1">
                      <Badge tone="muted">{t("notApplicable")}</Badge>
                      <p className="text-xs text-slate-600">{t("reasonWas", { reason: score.notApplicableReason ?? "" })}</p>
                      {open ? (
                        <ActionForm
                          action={notApplicableAction}
                          submitLabel={t("reapply")}
                          buttonClassName={buttonClass("secondary", "xs")}
                          testId={`reapply-${c.code}`}
                        >
                          <input type="hidden" name="criterionScoreId" value={score.id} />
                          <input type="hidden" name="version" value={score.version} />
                          <input type="hidden" name="notApplicable" value="0" />
                        </ActionForm>
                      ) : null}
                    </div>
                  ) : open ? (
                    <ActionForm
                      action={notApplicableAction}
                      submitLabel={t("mark")}
                      buttonClassName={buttonClass("secondary", "xs")}
                      className="flex flex-wrap items-end gap-2"
                      testId={`mark-${c.code}`}
                    >
                      <input type="hidden" name="criterionScoreId" value={score.id} />
                      <input type="hidden" name="version" value={score.version} />
                      <input type="hidden" name="notApplicable" value="1" />
                      <label htmlFor={`reason-${score.id}`} className="sr-only">
                        {t("reason")}
                      </label>
                      <input
                        id={`reason-${score.id}`}
                        name="reason"
                        required
                        maxLength={1000}
                        placeholder={t("reasonPlaceholder")}
                        className={`${inputClass} min-w-48`}
                      />
                    </ActionForm>
                  ) : (
                    <Badge tone="ok">{t("applicable")}</Badge>
                  )}
                </Td>
              </tr>
            );
          })}
        </TBody>
      </DataTable>
    </div>
  );
}
