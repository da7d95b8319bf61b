import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound, redirect } from "next/navigation";
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
import { formatDateTime, formatPoints, formatScore } from "@/lib/format";
import { ActionForm } from "@/components/forms/action-form";
import { IllustrativeBadge, StatusBadge } from "@/components/assessments/badges";
import type { SheetCriterion } from "@/lib/assessments/types";

export const metadata: Metadata = { title: "Phiếu đánh giá" };

type Sheet = Awaited<ReturnType<typeof getAssessmentSheet>>;

const METHOD_LABEL = { APPRAISAL: "Thẩm định", SURVEY: "Khảo sát", STATISTICS: "Số liệu thống kê" } as const;
const input = "rounded-md border border-slate-300 px-2 py-1 text-sm";
const smallButton = "rounded-md bg-brand-600 px-2.5 py-1 text-xs font-semibold text-white hover:bg-brand-700 disabled:opacity-60";

export default async function SheetPage({ params }: { params: Promise<{ assessmentId: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const sheet = await getAssessmentSheet(actor, idParam((await params).assessmentId)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  });
  const leaves = sheet.criteria.filter((c) => c.score);
  const rows = leaves.map((c) => ({ ...c.score!, maxPoints: c.maxPoints, method: c.method }));
  const appraisedTotal = sheet.abilities.seesAppraisal && rows.some((r) => appraisedScore(r) !== null) ? rows.reduce((s, r) => s + (appraisedScore(r) ?? 0), 0) : null;
  const steps: { step: WorkflowStep; label: string; allowed: boolean }[] = [
    { step: "submit", label: "Nộp phiếu tự chấm", allowed: sheet.abilities.selfScore },
    { step: "requestExplanations", label: "Gửi yêu cầu giải trình", allowed: sheet.abilities.manage },
    { step: "startRound2", label: "Mở thẩm định vòng 2", allowed: sheet.abilities.manage },
    { step: "finalize", label: "Chốt điểm", allowed: sheet.abilities.manage },
  ];
  const available = steps.filter((s) => s.allowed && nextStatus(s.step, sheet.status));

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/danh-gia/${sheet.period.id}`} className="text-sm text-brand-700 hover:underline">
          ← Kỳ đánh giá năm {sheet.period.year}
        </Link>
        <h1 className="mt-1 text-2xl font-bold text-brand-900">
          {sheet.agency.name} <span className="text-slate-500">· năm {sheet.period.year}</span>
          {sheet.agency.isDemo ? <IllustrativeBadge label="Đơn vị demo" /> : null}
        </h1>
        <p className="text-slate-600">
          {sheet.framework.name}
          {sheet.framework.isIllustrative ? <IllustrativeBadge /> : null} · Hạn tự chấm: {formatDateTime(sheet.period.deadline)} ·{" "}
          <span data-testid="sheet-status">
            <StatusBadge status={sheet.status} />
          </span>
        </p>
      </div>

      <section className="grid gap-3 sm:grid-cols-4" aria-label="Tổng điểm">
        <Total label="Tự chấm" value={selfTotal(rows)} max={sheet.framework.maxScore} />
        <Total label="Thẩm định" value={appraisedTotal} max={sheet.framework.maxScore} />
        <Total label="Thưởng / trừ" text={sheet.bonusPoints === null ? "—" : `+${formatPoints(sheet.bonusPoints)} / −${formatPoints(sheet.penaltyPoints)}`} />
        <Total
          label="Điểm cuối cùng"
          value={sheet.finalTotal}
          max={sheet.framework.maxScore}
          extra={sheet.classification ? `${sheet.classification}${sheet.rank ? ` · hạng ${sheet.rank}` : ""}` : undefined}
          testId="final-total"
        />
      </section>

      {available.length > 0 || sheet.abilities.manage ? (
        <section className="no-print flex flex-wrap items-start gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          {available.map((s) => (
            <ActionForm key={s.step} action={advanceAction} submitLabel={s.label} testId={`step-${s.step}`}>
              <input type="hidden" name="assessmentId" value={sheet.id} />
              <input type="hidden" name="version" value={sheet.version} />
              <input type="hidden" name="step" value={s.step} />
            </ActionForm>
          ))}
          {sheet.abilities.manage && sheet.status !== "FINALIZED" && sheet.status !== "DRAFT" ? (
            <ActionForm action={adjustmentsAction} submitLabel="Lưu thưởng / trừ" testId="adjustments" className="flex flex-wrap items-end gap-2 text-sm">
              <input type="hidden" name="assessmentId" value={sheet.id} />
              <input type="hidden" name="version" value={sheet.version} />
              <label>
                Điểm thưởng (≤ {formatPoints(sheet.framework.bonusCap)})
                <input name="bonus" defaultValue={formatPoints(sheet.bonusPoints ?? 0)} className={`${input} ml-1 w-20`} />
              </label>
              <input name="bonusReason" placeholder="Lý do thưởng" defaultValue={sheet.bonusReason ?? ""} className={`${input} w-40`} />
              <label>
                Điểm trừ (≤ {formatPoints(sheet.framework.penaltyCap)})
                <input name="penalty" defaultValue={formatPoints(sheet.penaltyPoints ?? 0)} className={`${input} ml-1 w-20`} />
              </label>
              <input name="penaltyReason" placeholder="Lý do trừ" defaultValue={sheet.penaltyReason ?? ""} className={`${input} w-40`} />
            </ActionForm>
          ) : null}
          <a href={`/api/v1/assessment-periods/${sheet.period.id}/scores?format=xlsx&assessmentId=${sheet.id}`} className="ml-auto rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
            Tải phiếu (XLSX)
          </a>
        </section>
      ) : null}

      {!sheet.abilities.seesAppraisal ? (
        <p className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900">Kết quả thẩm định sẽ hiển thị khi Sở Nội vụ gửi kết quả vòng 1 hoặc chốt điểm.</p>
      ) : null}

      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full text-sm" data-testid="sheet">
          <thead className="bg-slate-100 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">Mã</th>
              <th scope="col" className="px-3 py-2">Tiêu chí</th>
              <th scope="col" className="px-3 py-2 text-right">Tối đa</th>
              <th scope="col" className="px-3 py-2 text-right">Tự chấm</th>
              <th scope="col" className="px-3 py-2 text-right">Vòng 1</th>
              <th scope="col" className="px-3 py-2 text-right">Vòng 2</th>
              <th scope="col" className="px-3 py-2">Giải trình, minh chứng</th>
            </tr>
          </thead>
          <tbody>
            {sheet.criteria.map((c) => (c.score ? <LeafRows key={c.id} criterion={c} sheet={sheet} /> : <GroupRow key={c.id} criterion={c} />))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Total({ label, value, max, text, extra, testId }: { label: string; value?: number | null; max?: number; text?: string; extra?: string; testId?: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId}>
      <div className="text-sm text-slate-500">{label}</div>
      <div className="text-2xl font-bold tabular-nums text-brand-900">
        {text ?? formatScore(value)}
        {max !== undefined && value !== null && value !== undefined ? <span className="text-sm font-normal text-slate-500"> / {formatPoints(max)}</span> : null}
      </div>
      {extra ? <div className="text-sm font-semibold text-emerald-700">{extra}</div> : null}
    </div>
  );
}

function GroupRow({ criterion }: { criterion: SheetCriterion }) {
  const field = criterion.level === "FIELD";
  return (
    <tr className={field ? "bg-brand-50" : "bg-slate-50"}>
      <td className={`px-3 py-2 ${field ? "font-bold" : "font-semibold"}`}>{criterion.code}</td>
      <td className={`px-3 py-2 ${field ? "font-bold" : "font-semibold"}`} colSpan={1}>
        {criterion.name}
      </td>
      <td className="px-3 py-2 text-right font-semibold tabular-nums">{formatPoints(criterion.maxPoints)}</td>
      <td colSpan={4} />
    </tr>
  );
}

function LeafRows({ criterion, sheet }: { criterion: SheetCriterion; sheet: Sheet }) {
  const s = criterion.score!;
  const { abilities } = sheet;
  const lost = abilities.seesAppraisal && appraisedScore(s) !== null && appraisedScore(s)! < criterion.maxPoints;
  const canSelf = abilities.selfScore && criterion.method === "APPRAISAL";
  const canExplain = abilities.explain && s.explanationRequest !== null;
  const round = abilities.appraiseRound;
  return (
    <>
      <tr className="border-t border-slate-100 align-top" data-code={criterion.code}>
        <td className="px-3 py-2 tabular-nums">{criterion.code}</td>
        <td className="px-3 py-2">
          <div>{criterion.name}</div>
          <div className="text-xs text-slate-500">
            {METHOD_LABEL[criterion.method]}
            {criterion.requiredEvidence ? ` · Minh chứng: ${criterion.requiredEvidence}` : ""}
          </div>
          {s.selfComment ? <div className="mt-1 text-xs text-slate-700">Thuyết minh: {s.selfComment}</div> : null}
        </td>
        <td className="px-3 py-2 text-right tabular-nums">{formatPoints(criterion.maxPoints)}</td>
        <td className="px-3 py-2 text-right tabular-nums" data-col="self">
          {formatPoints(s.selfScore)}
        </td>
        <td className={`px-3 py-2 text-right tabular-nums ${lost && s.round2Score === null ? "font-semibold text-red-700" : ""}`} data-col="round1">
          {formatPoints(s.round1Score)}
          {s.round1Comment ? <div className="text-xs font-normal text-slate-600">{s.round1Comment}</div> : null}
        </td>
        <td className={`px-3 py-2 text-right tabular-nums ${lost && s.round2Score !== null ? "font-semibold text-red-700" : ""}`} data-col="round2">
          {formatPoints(s.round2Score)}
          {s.round2Comment ? <div className="text-xs font-normal text-slate-600">{s.round2Comment}</div> : null}
        </td>
        <td className="px-3 py-2 text-xs">
          {s.explanationRequest ? <div className="text-amber-900">Yêu cầu: {s.explanationRequest}</div> : null}
          {s.explanationResponse ? <div className="text-slate-800">Giải trình: {s.explanationResponse}</div> : null}
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
        <tr className="no-print bg-slate-50/60" data-forms-for={criterion.code}>
          <td />
          <td colSpan={6} className="space-y-2 px-3 pb-3">
            {canSelf ? (
              <ActionForm action={selfScoreAction} submitLabel="Lưu tự chấm" buttonClassName={smallButton} testId={`self-${criterion.code}`}>
                <input type="hidden" name="criterionScoreId" value={s.id} />
                <input type="hidden" name="version" value={s.version} />
                <input name="score" aria-label={`Điểm tự chấm ${criterion.code}`} defaultValue={s.selfScore === null ? "" : formatPoints(s.selfScore)} placeholder={`0–${formatPoints(criterion.maxPoints)}`} className={`${input} w-24`} />
                <input name="comment" aria-label={`Thuyết minh ${criterion.code}`} defaultValue={s.selfComment ?? ""} placeholder="Thuyết minh" className={`${input} min-w-64 flex-1`} />
              </ActionForm>
            ) : null}
            {canSelf || canExplain ? (
              <ActionForm action={addEvidenceAction} submitLabel="Tải minh chứng" buttonClassName={smallButton} testId={`evidence-${criterion.code}`}>
                <input type="hidden" name="criterionScoreId" value={s.id} />
                <input type="file" name="file" aria-label={`Tệp minh chứng ${criterion.code}`} accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.webp" className="text-xs" />
              </ActionForm>
            ) : null}
            {canExplain ? (
              <ActionForm action={answerExplanationAction} submitLabel="Gửi giải trình" buttonClassName={smallButton} testId={`explain-${criterion.code}`}>
                <input type="hidden" name="criterionScoreId" value={s.id} />
                <input type="hidden" name="version" value={s.version} />
                <input name="response" aria-label={`Giải trình ${criterion.code}`} defaultValue={s.explanationResponse ?? ""} placeholder="Nội dung giải trình" className={`${input} min-w-64 flex-1`} />
              </ActionForm>
            ) : null}
            {round ? (
              <ActionForm action={appraiseAction} submitLabel={`Lưu thẩm định vòng ${round}`} buttonClassName={smallButton} testId={`appraise-${criterion.code}`}>
                <input type="hidden" name="criterionScoreId" value={s.id} />
                <input type="hidden" name="version" value={s.version} />
                <input
                  name="score"
                  aria-label={`Điểm thẩm định ${criterion.code}`}
                  defaultValue={formatPoints(round === 2 ? (s.round2Score ?? s.round1Score) : (s.round1Score ?? s.selfScore)).replace("—", "")}
                  placeholder={`0–${formatPoints(criterion.maxPoints)}`}
                  className={`${input} w-24`}
                />
                <input name="comment" aria-label={`Nhận xét ${criterion.code}`} defaultValue={(round === 2 ? s.round2Comment : s.round1Comment) ?? ""} placeholder="Nhận xét thẩm định" className={`${input} min-w-64 flex-1`} />
              </ActionForm>
            ) : null}
            {round === 1 ? (
              <ActionForm action={requestExplanationAction} submitLabel="Yêu cầu giải trình" buttonClassName={smallButton} testId={`request-${criterion.code}`}>
                <input type="hidden" name="criterionScoreId" value={s.id} />
                <input type="hidden" name="version" value={s.version} />
                <input name="request" aria-label={`Yêu cầu giải trình ${criterion.code}`} defaultValue={s.explanationRequest ?? ""} placeholder="Nội dung cần giải trình, minh chứng cần bổ sung" className={`${input} min-w-64 flex-1`} />
              </ActionForm>
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}
