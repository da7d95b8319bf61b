import type { Metadata } from "next";
import { forbidden, notFound, redirect } from "next/navigation";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { idParam } from "@/lib/api/params";
import { currentActor } from "@/lib/auth/actor";
import { getAssessmentSheet } from "@/lib/assessments/queries";
import {
  addEvidenceAction,
  adjustmentsAction,
  advanceAction,
  answerExplanationAction,
  acceptSelfScoresAction,
  removeEvidenceAction,
  requestExplanationAction,
} from "@/lib/assessments/actions";
import { appraisedScore, finalTotal, nextStatus, selfTotal, type WorkflowStep } from "@/lib/assessments/workflow";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { useFormat } from "@/lib/i18n/client";
import { getFormat } from "@/lib/i18n/server";
import { FileInput } from "@/components/forms/file-input";
import { ActionForm } from "@/components/forms/form-kit";
import { IllustrativeBadge, StatusBadge } from "@/components/assessments/badges";
import { DocumentDownloads } from "@/components/documents/document-downloads";
import { ScoreSheet } from "@/components/assessments/score-sheet";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SelfScoringCta } from "@/components/assessments/self-scoring-cta";
import type { SheetCriterion } from "@/lib/assessments/types";
import { buttonClass } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assessments.sheet"))("title") };
}

type Sheet = Awaited<ReturnType<typeof getAssessmentSheet>>;

const input = "rounded-md border border-slate-300 px-2 py-1 text-sm";
const smallButton = buttonClass("primary", "xs");
const STEPS: WorkflowStep[] = ["submit", "returnForCorrection", "requestExplanations", "startRound2", "finalize"];

export default async function SheetPage({ params }: { params: Promise<{ assessmentId: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const sheet = await getAssessmentSheet(actor, idParam((await params).assessmentId)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  });
  const [t, tc, format] = await Promise.all([getTranslations("assessments.sheet"), getTranslations("council"), getFormat()]);
  const leaves = sheet.criteria.filter((c) => c.score);
  const rows = leaves.map((c) => ({ ...c.score!, maxPoints: c.maxPoints, method: c.method }));
  const appraisedTotal =
    sheet.abilities.seesAppraisal && rows.some((r) => appraisedScore(r) !== null) ? rows.reduce((s, r) => s + (appraisedScore(r) ?? 0), 0) : null;
  const allowed = (step: WorkflowStep) => (step === "submit" ? sheet.abilities.selfScore : sheet.abilities.manage);
  const available = STEPS.filter((step) => allowed(step) && nextStatus(step, sheet.status));
  const requests = rows.filter((r) => r.explanationRequest).length;
  const openRequests = sheet.abilities.explain ? leaves.filter((c) => c.score!.explanationRequest && !c.score!.explanationResponse) : [];
  const toAccept = sheet.abilities.appraiseRound === 1 ? rows.filter((r) => r.appraisable && r.round1Score === null && r.selfScore !== null).length : 0;
  const councilOnly = sheet.abilities.councilOnly;
  const finalWouldBe = finalTotal(
    rows,
    { bonus: sheet.bonusPoints ?? 0, penalty: sheet.penaltyPoints ?? 0 },
    { maxScore: sheet.framework.maxScore, bonusCap: sheet.framework.bonusCap, penaltyCap: sheet.framework.penaltyCap },
  );
  const confirmOf: Partial<Record<WorkflowStep, string>> = {
    submit: t("confirmSubmit", { total: format.score(selfTotal(rows)) }),
    returnForCorrection: t("confirmReturnForCorrection"),
    requestExplanations: t("confirmRequestExplanations", { count: requests }),
    startRound2: t("confirmStartRound2"),
    finalize: t("confirmFinalize", { total: format.score(finalWouldBe) }),
  };

  return (
    <div className="space-y-6">
      <PageHeader
        back={
          councilOnly
            ? { href: `/danh-gia/${sheet.period.id}/hoi-dong`, label: tc("sheetCouncilLink") }
            : { href: `/danh-gia/${sheet.period.id}`, label: t("back", { year: sheet.period.year }) }
        }
        title={
          <>
            {sheet.agency.name} <span className="text-slate-500">{t("year", { year: sheet.period.year })}</span>
            {sheet.agency.isDemo ? <IllustrativeBadge label={t("demoAgency")} /> : null}
          </>
        }
      >
        <p className="text-slate-600">
          {sheet.framework.name}
          {sheet.framework.isIllustrative ? <IllustrativeBadge /> : null} · {t("deadline", { deadline: format.dateTime(sheet.period.deadline) })} ·{" "}
          <span data-testid="sheet-status">
            <StatusBadge status={sheet.status} />
          </span>
        </p>
      </PageHeader>

      {councilOnly ? (
        <Callout size="sm" data-testid="council-notice">
          {tc("sheetNotice")}
        </Callout>
      ) : (
        <section className="grid gap-3 sm:grid-cols-4" aria-label={t("totals")}>
          <Total label={t("self")} value={selfTotal(rows)} max={sheet.framework.maxScore} />
          <Total label={t("appraised")} value={appraisedTotal} max={sheet.framework.maxScore} />
          <Total
            label={t("adjustments")}
            text={
              sheet.bonusPoints === null ? "—" : t("adjustmentsValue", { bonus: format.points(sheet.bonusPoints), penalty: format.points(sheet.penaltyPoints) })
            }
          />
          <Total
            label={t("final")}
            value={sheet.finalTotal}
            max={sheet.framework.maxScore}
            extra={
              sheet.classification
                ? sheet.rank
                  ? t("classificationRank", { classification: sheet.classification, rank: sheet.rank })
                  : sheet.classification
                : undefined
            }
            testId="final-total"
          />
        </section>
      )}

      {councilOnly ? null : (
        <DocumentDownloads
          documents={[
            { kind: "selfAssessment", href: `/api/v1/documents/self-assessment?assessmentId=${sheet.id}` },
            { kind: "appraisalNotice", href: `/api/v1/documents/appraisal-notice?assessmentId=${sheet.id}` },
          ]}
        />
      )}

      {available.length > 0 || sheet.abilities.manage || toAccept > 0 ? (
        <Card as="section" padding="sm" className="no-print flex flex-wrap items-start gap-4">
          {available.map((step) => (
            <ActionForm
              key={step}
              action={advanceAction}
              submitLabel={t(`steps.${step}`, { count: requests })}
              testId={`step-${step}`}
              confirm={confirmOf[step]}
            >
              <input type="hidden" name="assessmentId" value={sheet.id} />
              <input type="hidden" name="version" value={sheet.version} />
              <input type="hidden" name="step" value={step} />
            </ActionForm>
          ))}
          {toAccept > 0 ? (
            <ActionForm
              action={acceptSelfScoresAction}
              submitLabel={t("acceptSelf", { count: toAccept })}
              buttonClassName={buttonClass("outline", "sm")}
              testId="accept-self"
              confirm={t("acceptSelfConfirm", { count: toAccept })}
            >
              <input type="hidden" name="assessmentId" value={sheet.id} />
            </ActionForm>
          ) : null}
          {sheet.abilities.manage && sheet.status !== "FINALIZED" && sheet.status !== "DRAFT" ? (
            <ActionForm action={adjustmentsAction} submitLabel={t("saveAdjustments")} testId="adjustments" className="flex flex-wrap items-end gap-2 text-sm">
              <input type="hidden" name="assessmentId" value={sheet.id} />
              <input type="hidden" name="version" value={sheet.version} />
              <label>
                {t("bonus", { cap: format.points(sheet.framework.bonusCap) })}
                <input name="bonus" defaultValue={format.decimal(sheet.bonusPoints ?? 0)} className={`${input} ml-1 w-20`} />
              </label>
              <input name="bonusReason" placeholder={t("bonusReason")} defaultValue={sheet.bonusReason ?? ""} className={`${input} w-40`} />
              <label>
                {t("penalty", { cap: format.points(sheet.framework.penaltyCap) })}
                <input name="penalty" defaultValue={format.decimal(sheet.penaltyPoints ?? 0)} className={`${input} ml-1 w-20`} />
              </label>
              <input name="penaltyReason" placeholder={t("penaltyReason")} defaultValue={sheet.penaltyReason ?? ""} className={`${input} w-40`} />
            </ActionForm>
          ) : null}
          {councilOnly ? null : (
            <a
              href={`/api/v1/assessment-periods/${sheet.period.id}/scores?format=xlsx&assessmentId=${sheet.id}`}
              className={buttonClass("secondary", "sm", "ml-auto")}
            >
              {t("download")}
            </a>
          )}
        </Card>
      ) : null}

      {sheet.abilities.selfScore ? (
        <SelfScoringCta
          year={sheet.period.year}
          deadline={sheet.period.deadline}
          scored={rows.filter((r) => r.method === "APPRAISAL" && r.selfScore !== null).length}
          total={rows.filter((r) => r.method === "APPRAISAL").length}
        />
      ) : null}

      {!sheet.abilities.seesAppraisal ? <p className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900">{t("appraisalHidden")}</p> : null}

      {openRequests.length > 0 ? (
        <nav
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
          data-testid="open-requests"
          aria-label={t("openRequests", { count: openRequests.length })}
        >
          <p className="font-semibold">{t("openRequests", { count: openRequests.length })}</p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {openRequests.map((c) => (
              <li key={c.id}>
                <a href={`#tieu-chi-${c.code}`} className="text-brand-700 underline">
                  {t("openRequestsLink", { code: c.code })}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <ClientMessages namespaces={["assessments.sheet"]}>
        <ScoreSheet
          assessmentId={sheet.id}
          criteria={sheet.criteria}
          mode={
            sheet.abilities.selfScore ? { kind: "self" } : sheet.abilities.appraiseRound ? { kind: "appraisal", round: sheet.abilities.appraiseRound } : null
          }
          seesAppraisal={sheet.abilities.seesAppraisal}
          extras={Object.fromEntries(leaves.map((c) => [c.score!.id, <RowForms key={c.id} criterion={c} sheet={sheet} />]))}
        />
      </ClientMessages>
    </div>
  );
}

function Total({
  label,
  value,
  max,
  text,
  extra,
  testId,
}: {
  label: string;
  value?: number | null;
  max?: number;
  text?: string;
  extra?: string;
  testId?: string;
}) {
  const format = useFormat();
  return (
    <Card padding="sm" data-testid={testId}>
      <div className="text-sm text-slate-500">{label}</div>
      <div className="text-2xl font-bold tabular-nums text-brand-900">
        {text ?? format.score(value)}
        {max !== undefined && value !== null && value !== undefined ? (
          <span className="text-sm font-normal text-slate-500"> / {format.points(max)}</span>
        ) : null}
      </div>
      {extra ? <div className="text-sm font-semibold text-emerald-700">{extra}</div> : null}
    </Card>
  );
}

/** A row's own forms beside its score: evidence (upload, delete before submission), explanation. */
function RowForms({ criterion, sheet }: { criterion: SheetCriterion; sheet: Sheet }) {
  const t = useTranslations("assessments.sheet");
  const s = criterion.score!;
  const { abilities } = sheet;
  const canSelf = abilities.selfScore && criterion.method === "APPRAISAL";
  const canExplain = abilities.explain && s.explanationRequest !== null;
  const code = criterion.code;
  return (
    <div className="space-y-2">
      <ul>
        {s.evidence.map((e) => (
          <li key={e.id} className="flex flex-wrap items-center gap-2">
            <a href={`/api/v1/evidence/${e.id}`} className="link">
              📎 {e.fileName}
            </a>
            {canSelf ? (
              <ActionForm
                action={removeEvidenceAction}
                submitLabel={t("removeEvidence")}
                buttonClassName="text-xs text-red-700 underline"
                testId={`remove-evidence-${e.id}`}
                confirm={t("removeEvidenceConfirm", { file: e.fileName })}
              >
                <input type="hidden" name="fileId" value={e.id} />
              </ActionForm>
            ) : null}
          </li>
        ))}
      </ul>
      {canSelf || canExplain ? (
        <ActionForm action={addEvidenceAction} submitLabel={t("uploadEvidence")} buttonClassName={smallButton} testId={`evidence-${code}`}>
          <input type="hidden" name="criterionScoreId" value={s.id} />
          <FileInput name="file" aria-label={t("evidenceFileOf", { code })} accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.webp" className="max-w-full text-xs" />
        </ActionForm>
      ) : null}
      {canExplain ? (
        <ActionForm action={answerExplanationAction} submitLabel={t("sendExplanation")} buttonClassName={smallButton} testId={`explain-${code}`}>
          <input type="hidden" name="criterionScoreId" value={s.id} />
          <input type="hidden" name="version" value={s.version} />
          <textarea
            name="response"
            aria-label={t("explanationOf", { code })}
            defaultValue={s.explanationResponse ?? ""}
            placeholder={t("explanation")}
            rows={2}
            className={`${input} w-full min-w-48`}
          />
        </ActionForm>
      ) : null}
      {abilities.appraiseRound === 1 && s.appraisable ? (
        <ActionForm action={requestExplanationAction} submitLabel={t("requestExplanation")} buttonClassName={smallButton} testId={`request-${code}`}>
          <input type="hidden" name="criterionScoreId" value={s.id} />
          <input type="hidden" name="version" value={s.version} />
          <textarea
            name="request"
            aria-label={t("requestOf", { code })}
            defaultValue={s.explanationRequest ?? ""}
            placeholder={t("requestPlaceholder")}
            rows={1}
            className={`${input} w-full min-w-48`}
          />
        </ActionForm>
      ) : null}
    </div>
  );
}
