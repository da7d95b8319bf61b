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
  appraiseAction,
  requestExplanationAction,
  selfScoreAction,
} from "@/lib/assessments/actions";
import { appraisedScore, nextStatus, selfTotal, type WorkflowStep } from "@/lib/assessments/workflow";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { useFormat } from "@/lib/i18n/client";
import { getFormat } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/form-kit";
import { IllustrativeBadge, StatusBadge } from "@/components/assessments/badges";
import { DocumentDownloads } from "@/components/documents/document-downloads";
import type { SheetCriterion } from "@/lib/assessments/types";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable, Th, THead } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assessments.sheet"))("title") };
}

type Sheet = Awaited<ReturnType<typeof getAssessmentSheet>>;

const input = "rounded-md border border-slate-300 px-2 py-1 text-sm";
const smallButton = buttonClass("primary", "xs");
const STEPS: WorkflowStep[] = ["submit", "requestExplanations", "startRound2", "finalize"];

export default async function SheetPage({ params }: { params: Promise<{ assessmentId: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const sheet = await getAssessmentSheet(actor, idParam((await params).assessmentId)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  });
  const [t, format] = await Promise.all([getTranslations("assessments.sheet"), getFormat()]);
  const leaves = sheet.criteria.filter((c) => c.score);
  const rows = leaves.map((c) => ({ ...c.score!, maxPoints: c.maxPoints, method: c.method }));
  const appraisedTotal =
    sheet.abilities.seesAppraisal && rows.some((r) => appraisedScore(r) !== null) ? rows.reduce((s, r) => s + (appraisedScore(r) ?? 0), 0) : null;
  const allowed = (step: WorkflowStep) => (step === "submit" ? sheet.abilities.selfScore : sheet.abilities.manage);
  const available = STEPS.filter((step) => allowed(step) && nextStatus(step, sheet.status));

  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: `/danh-gia/${sheet.period.id}`, label: t("back", { year: sheet.period.year }) }}
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

      <DocumentDownloads
        documents={[
          { kind: "selfAssessment", href: `/api/v1/documents/self-assessment?assessmentId=${sheet.id}` },
          { kind: "appraisalNotice", href: `/api/v1/documents/appraisal-notice?assessmentId=${sheet.id}` },
        ]}
      />

      {available.length > 0 || sheet.abilities.manage ? (
        <Card as="section" padding="sm" className="no-print flex flex-wrap items-start gap-4">
          {available.map((step) => (
            <ActionForm key={step} action={advanceAction} submitLabel={t(`steps.${step}`)} testId={`step-${step}`}>
              <input type="hidden" name="assessmentId" value={sheet.id} />
              <input type="hidden" name="version" value={sheet.version} />
              <input type="hidden" name="step" value={step} />
            </ActionForm>
          ))}
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
          <a
            href={`/api/v1/assessment-periods/${sheet.period.id}/scores?format=xlsx&assessmentId=${sheet.id}`}
            className={buttonClass("secondary", "sm", "ml-auto")}
          >
            {t("download")}
          </a>
        </Card>
      ) : null}

      {!sheet.abilities.seesAppraisal ? <p className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900">{t("appraisalHidden")}</p> : null}

      <DataTable data-testid="sheet">
        <THead>
          <Th>{t("code")}</Th>
          <Th>{t("criterion")}</Th>
          <Th numeric>{t("max")}</Th>
          <Th numeric>{t("self")}</Th>
          <Th numeric>{t("round1")}</Th>
          <Th numeric>{t("round2")}</Th>
          <Th>{t("evidence")}</Th>
        </THead>
        <tbody>{sheet.criteria.map((c) => (c.score ? <LeafRows key={c.id} criterion={c} sheet={sheet} /> : <GroupRow key={c.id} criterion={c} />))}</tbody>
      </DataTable>
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

function GroupRow({ criterion }: { criterion: SheetCriterion }) {
  const format = useFormat();
  const field = criterion.level === "FIELD";
  return (
    <tr className={field ? "bg-brand-50" : "bg-slate-50"}>
      <td className={`cell ${field ? "font-bold" : "font-semibold"}`}>{criterion.code}</td>
      <td className={`cell ${field ? "font-bold" : "font-semibold"}`}>{criterion.name}</td>
      <td className="cell-num font-semibold">{format.points(criterion.maxPoints)}</td>
      <td colSpan={4} />
    </tr>
  );
}

function LeafRows({ criterion, sheet }: { criterion: SheetCriterion; sheet: Sheet }) {
  const t = useTranslations("assessments.sheet");
  const format = useFormat();
  const s = criterion.score!;
  const { abilities } = sheet;
  const lost = abilities.seesAppraisal && appraisedScore(s) !== null && appraisedScore(s)! < criterion.maxPoints;
  const canSelf = abilities.selfScore && criterion.method === "APPRAISAL";
  const canExplain = abilities.explain && s.explanationRequest !== null;
  const round = abilities.appraiseRound;
  const code = criterion.code;
  const range = t("range", { max: format.points(criterion.maxPoints) });
  return (
    <>
      <tr className="border-t border-slate-100 align-top" data-code={code}>
        <td className="cell tabular-nums">{code}</td>
        <td className="cell">
          <div>{criterion.name}</div>
          <div className="text-xs text-slate-500">
            {t(`methods.${criterion.method}`)}
            {criterion.requiredEvidence ? t("requiredEvidence", { evidence: criterion.requiredEvidence }) : ""}
          </div>
          {s.selfComment ? <div className="mt-1 text-xs text-slate-700">{t("selfComment", { comment: s.selfComment })}</div> : null}
        </td>
        <td className="cell-num">{format.points(criterion.maxPoints)}</td>
        <td className="cell-num" data-col="self">
          {format.points(s.selfScore)}
        </td>
        <td className={`cell-num ${lost && s.round2Score === null ? "font-semibold text-red-700" : ""}`} data-col="round1">
          {format.points(s.round1Score)}
          {s.round1Comment ? <div className="text-xs font-normal text-slate-600">{s.round1Comment}</div> : null}
        </td>
        <td className={`cell-num ${lost && s.round2Score !== null ? "font-semibold text-red-700" : ""}`} data-col="round2">
          {format.points(s.round2Score)}
          {s.round2Comment ? <div className="text-xs font-normal text-slate-600">{s.round2Comment}</div> : null}
        </td>
        <td className="cell text-xs">
          {s.explanationRequest ? <div className="text-amber-900">{t("request", { request: s.explanationRequest })}</div> : null}
          {s.explanationResponse ? <div className="text-slate-800">{t("response", { response: s.explanationResponse })}</div> : null}
          <ul>
            {s.evidence.map((e) => (
              <li key={e.id}>
                <a href={`/api/v1/evidence/${e.id}`} className="text-brand-700 hover:underline">
                  📎 {e.fileName}
                </a>
              </li>
            ))}
          </ul>
        </td>
      </tr>
      {canSelf || canExplain || round ? (
        <tr className="no-print bg-slate-50/60" data-forms-for={code}>
          <td />
          <td colSpan={6} className="space-y-2 px-3 pb-3">
            {canSelf ? (
              <ActionForm action={selfScoreAction} submitLabel={t("saveSelf")} buttonClassName={smallButton} testId={`self-${code}`}>
                <input type="hidden" name="criterionScoreId" value={s.id} />
                <input type="hidden" name="version" value={s.version} />
                <input
                  name="score"
                  aria-label={t("selfScoreOf", { code })}
                  defaultValue={format.decimal(s.selfScore)}
                  placeholder={range}
                  className={`${input} w-24`}
                />
                <input
                  name="comment"
                  aria-label={t("commentOf", { code })}
                  defaultValue={s.selfComment ?? ""}
                  placeholder={t("comment")}
                  className={`${input} min-w-64 flex-1`}
                />
              </ActionForm>
            ) : null}
            {canSelf || canExplain ? (
              <ActionForm action={addEvidenceAction} submitLabel={t("uploadEvidence")} buttonClassName={smallButton} testId={`evidence-${code}`}>
                <input type="hidden" name="criterionScoreId" value={s.id} />
                <input type="file" name="file" aria-label={t("evidenceFileOf", { code })} accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.webp" className="text-xs" />
              </ActionForm>
            ) : null}
            {canExplain ? (
              <ActionForm action={answerExplanationAction} submitLabel={t("sendExplanation")} buttonClassName={smallButton} testId={`explain-${code}`}>
                <input type="hidden" name="criterionScoreId" value={s.id} />
                <input type="hidden" name="version" value={s.version} />
                <input
                  name="response"
                  aria-label={t("explanationOf", { code })}
                  defaultValue={s.explanationResponse ?? ""}
                  placeholder={t("explanation")}
                  className={`${input} min-w-64 flex-1`}
                />
              </ActionForm>
            ) : null}
            {round ? (
              <ActionForm action={appraiseAction} submitLabel={t("saveAppraisal", { round })} buttonClassName={smallButton} testId={`appraise-${code}`}>
                <input type="hidden" name="criterionScoreId" value={s.id} />
                <input type="hidden" name="version" value={s.version} />
                <input
                  name="score"
                  aria-label={t("appraisedScoreOf", { code })}
                  defaultValue={format.decimal(round === 2 ? (s.round2Score ?? s.round1Score) : (s.round1Score ?? s.selfScore))}
                  placeholder={range}
                  className={`${input} w-24`}
                />
                <input
                  name="comment"
                  aria-label={t("appraisalCommentOf", { code })}
                  defaultValue={(round === 2 ? s.round2Comment : s.round1Comment) ?? ""}
                  placeholder={t("appraisalComment")}
                  className={`${input} min-w-64 flex-1`}
                />
              </ActionForm>
            ) : null}
            {round === 1 ? (
              <ActionForm action={requestExplanationAction} submitLabel={t("requestExplanation")} buttonClassName={smallButton} testId={`request-${code}`}>
                <input type="hidden" name="criterionScoreId" value={s.id} />
                <input type="hidden" name="version" value={s.version} />
                <input
                  name="request"
                  aria-label={t("requestOf", { code })}
                  defaultValue={s.explanationRequest ?? ""}
                  placeholder={t("requestPlaceholder")}
                  className={`${input} min-w-64 flex-1`}
                />
              </ActionForm>
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}
