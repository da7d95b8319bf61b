import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { idParam } from "@/lib/api/params";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { getPeriod, openingOptions } from "@/lib/assessments/periods/queries";
import { addAgencyAction, importScoresAction, publishAction } from "@/lib/assessments/actions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getFormat } from "@/lib/i18n/server";
import { FileInput } from "@/components/forms/file-input";
import { ActionForm } from "@/components/forms/form-kit";
import { IllustrativeBadge, StatusBadge } from "@/components/assessments/badges";
import { DocumentDownloads } from "@/components/documents/document-downloads";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { filterInputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assessments.period"))("title") };
}

export default async function PeriodPage({ params }: { params: Promise<{ periodId: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const period = await getPeriod(actor, idParam((await params).periodId)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  });
  const [t, ta, ts, tc, tsv, format] = await Promise.all([
    getTranslations("assessments.period"),
    getTranslations("assessments"),
    getTranslations("scoring.period"),
    getTranslations("council"),
    getTranslations("scoring.survey"),
    getFormat(),
  ]);
  const hasPeerGroups = period.assessments.some((a) => a.peerGroup !== null);
  const published = period.status === "PUBLISHED";
  // Agencies of the province not in this open period, which Home Affairs can still add.
  const inPeriod = new Set(period.assessments.map((a) => a.agencyId));
  const missing =
    period.canManage && !published
      ? (await openingOptions(actor, period.provinceId)).agencies.filter(
          (a) => !inPeriod.has(a.id) && (!period.framework.agencyKind || a.kind === period.framework.agencyKind),
        )
      : [];
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/danh-gia", label: t("back") }} title={t("heading", { year: period.year, province: period.provinceName })}>
        <p className="text-slate-600">
          {period.framework.name}
          {period.peerGroupName ? ` (${ts("peerGroup")}: ${period.peerGroupName})` : ""}
          {period.framework.isIllustrative || period.isDemo ? <IllustrativeBadge /> : null} · {t("deadline", { deadline: format.dateTime(period.deadline) })} ·{" "}
          {ta(`periodStatus.${period.status}`)}
          {period.publishedAt ? t("publishedAt", { time: format.time(period.publishedAt), date: format.date(period.publishedAt) }) : ""}
        </p>
      </PageHeader>

      <DataTable data-testid="period-table">
        <THead>
          {published ? <Th>{t("rank")}</Th> : null}
          {published && hasPeerGroups ? <Th>{ts("peerRank")}</Th> : null}
          <Th>{t("agency")}</Th>
          <Th>{t("status")}</Th>
          <Th numeric>{t("self")}</Th>
          <Th numeric>{t("appraised")}</Th>
          <Th numeric>{t("final")}</Th>
          <Th numeric>{ts("percent")}</Th>
          <Th>{t("classification")}</Th>
        </THead>
        <TBody>
          {period.assessments.map((a) => (
            <tr key={a.id} data-agency={a.agencyCode}>
              {published ? <Td className="font-semibold tabular-nums">{a.rank ?? "—"}</Td> : null}
              {published && hasPeerGroups ? <Td className="tabular-nums">{a.peerRank ?? "—"}</Td> : null}
              <Td className="font-medium">
                <Link href={`/danh-gia/phieu/${a.id}`} className="link">
                  {a.agencyName}
                </Link>
                {a.peerGroup ? <span className="block text-xs text-slate-500">{a.peerGroup}</span> : null}
              </Td>
              <Td>{a.explained ? <Badge tone="info">{t("explained")}</Badge> : <StatusBadge status={a.status} />}</Td>
              <Td numeric>{a.status === "DRAFT" ? t("selfProgress", { scored: a.selfScored, total: a.selfScorable }) : format.score(a.selfTotal)}</Td>
              <Td numeric>{format.score(a.appraisedTotal)}</Td>
              <Td numeric className="font-semibold">
                {format.score(a.finalTotal)}
              </Td>
              <Td numeric>
                {a.finalPercent === null ? "—" : ts("percentValue", { value: format.score(a.finalPercent) })}
                <span className="block text-xs text-slate-500">{ts("applicableMax", { max: format.score(a.applicableMax) })}</span>
              </Td>
              <Td>{a.classification ?? "—"}</Td>
            </tr>
          ))}
        </TBody>
      </DataTable>

      <section className="no-print grid gap-4 md:grid-cols-2">
        <Card padding="md">
          <h2 className="font-semibold">{ts("board")}</h2>
          <p className="mt-1 text-sm text-slate-600">{ts("boardLead")}</p>
          <Link href={`/danh-gia/${period.id}/dieu-hanh`} className={`${buttonClass("secondary")} mt-3`} data-testid="open-board">
            {ts("board")}
          </Link>
        </Card>
        {period.canManage ? (
          <Card padding="md">
            <h2 className="font-semibold">{tc("link")}</h2>
            <p className="mt-1 text-sm text-slate-600">{tc("linkLead")}</p>
            <Link href={`/danh-gia/${period.id}/hoi-dong`} className={`${buttonClass("secondary")} mt-3`} data-testid="open-council">
              {tc("link")}
            </Link>
          </Card>
        ) : null}
        <Card padding="md">
          <h2 className="font-semibold">{t("exportTitle")}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("exportLead")}</p>
          <div className="mt-3">
            <DocumentDownloads documents={[{ kind: "rankingAnnex", href: `/api/v1/documents/ranking-annex?periodId=${period.id}` }]} />
          </div>
          <div className="mt-3 flex gap-3 text-sm">
            <a href={`/api/v1/assessment-periods/${period.id}/scores?format=xlsx`} className={buttonClass("secondary")}>
              {t("downloadXlsx")}
            </a>
            <a href={`/api/v1/assessment-periods/${period.id}/scores?format=csv`} className={buttonClass("secondary")}>
              {t("downloadCsv")}
            </a>
          </div>
        </Card>
        {!published ? (
          <Card padding="md">
            <h2 className="font-semibold">{t("importTitle")}</h2>
            <p className="mt-1 text-sm text-slate-600">{t("importLead")}</p>
            <ActionForm action={importScoresAction} submitLabel={t("import")} className="mt-3 flex flex-wrap items-center gap-3 text-sm" testId="import-scores">
              <input type="hidden" name="periodId" value={period.id} />
              <FileInput name="file" accept=".xlsx,.csv" required aria-label={t("importFile")} />
              <label className="flex items-center gap-1">
                <input type="checkbox" name="dryRun" value="1" defaultChecked /> {t("dryRun")}
              </label>
            </ActionForm>
          </Card>
        ) : null}
        {!published && can(actor, "assessment.importSurvey", { provinceId: period.provinceId }) ? (
          <Card padding="md">
            <h2 className="font-semibold">{tsv("link")}</h2>
            <p className="mt-1 text-sm text-slate-600">{tsv("linkLead")}</p>
            <Link href={`/danh-gia/${period.id}/dieu-tra`} className={`${buttonClass("secondary")} mt-3`} data-testid="open-survey">
              {tsv("link")}
            </Link>
          </Card>
        ) : null}
        {missing.length > 0 ? (
          <Card padding="md">
            <h2 className="font-semibold">{t("addAgencyTitle")}</h2>
            <p className="mt-1 text-sm text-slate-600">{t("addAgencyLead")}</p>
            <ActionForm action={addAgencyAction} submitLabel={t("addAgency")} className="mt-3 flex flex-wrap items-end gap-2 text-sm" testId="add-agency">
              <input type="hidden" name="periodId" value={period.id} />
              <select name="agencyId" aria-label={t("addAgencyTitle")} className={`${filterInputClass} max-w-full`}>
                {missing.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </ActionForm>
          </Card>
        ) : null}
        {period.canManage && !published ? (
          <Card padding="md">
            <h2 className="font-semibold">{t("publishTitle")}</h2>
            <p className="mt-1 text-sm text-slate-600">
              {t("publishLead", { bands: period.framework.gradeBands.map((b) => `${b.label} ≥ ${format.score(b.minScore)}`).join("; ") })}
              {period.framework.gradesOnPercentage ? ` ${ts("gradesOnPercentage")}` : ""}
            </p>
            <ActionForm
              action={publishAction}
              submitLabel={t("publish")}
              className="mt-3 flex flex-wrap items-end gap-2"
              testId="publish"
              confirm={t("confirmPublish", { count: period.assessments.length })}
            >
              <input type="hidden" name="periodId" value={period.id} />
              <input type="hidden" name="version" value={period.version} />
            </ActionForm>
          </Card>
        ) : null}
      </section>
    </div>
  );
}
