"use client";
// The period control board's table: one client component fed with the rows as plain data. A row's
// form (extend the deadline, return for correction) is built only when its <details> is opened, so a
// 150-agency board sends 150 rows of data, not 150 sets of forms (their props went into the page's
// payload a second time). Stacked on a phone. The actions check the actor and the input on the server as before.
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { advanceAction, extendDeadlineAction } from "@/lib/assessments/actions";
import type { AgencyProgress } from "@/lib/assessments/types";
import { useFormat } from "@/lib/i18n/client";
import { DateInput } from "@/components/forms/date-input";
import { ActionForm, inputClass } from "@/components/forms/form-kit";
import { StatusBadge } from "@/components/assessments/badges";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";

/** A board row: the agency's progress, and the whole days to its deadline (negative: overdue), counted on the server. */
export type BoardRow = AgencyProgress & { daysLeft: number };

export function ControlBoardTable({ rows, canManage }: { rows: BoardRow[]; canManage: boolean }) {
  const t = useTranslations("scoring.board");
  const format = useFormat();
  return (
    <DataTable stacked data-testid="board-table">
      <THead>
        <Th>{t("agency")}</Th>
        <Th>{t("status")}</Th>
        <Th numeric>{t("progress")}</Th>
        <Th numeric>{t("evidence")}</Th>
        <Th>{t("deadline")}</Th>
        <Th className="no-print">{t("actions")}</Th>
      </THead>
      <TBody>
        {rows.map((a) => (
          <tr key={a.assessmentId} data-agency={a.agencyCode}>
            <Td label={t("agency")} className="font-medium">
              <Link href={`/danh-gia/phieu/${a.assessmentId}`} className="link">
                {a.agencyName}
              </Link>
              {a.peerGroup ? <span className="block text-xs text-slate-500">{a.peerGroup}</span> : null}
            </Td>
            <Td label={t("status")}>
              <StatusBadge status={a.status} />
              {a.late ? (
                <Badge tone="bad" className="ml-1">
                  {t("late")}
                </Badge>
              ) : null}
            </Td>
            <Td numeric label={t("progress")}>
              {t("scoredOf", { scored: a.scored, total: a.total })}
              <span className="block text-xs text-slate-500">{t("percent", { value: format.score(a.total === 0 ? 0 : (a.scored / a.total) * 100) })}</span>
            </Td>
            <Td numeric label={t("evidence")}>
              {format.integer(a.evidenceCount)}
            </Td>
            <Td label={t("deadline")}>
              {format.dateTime(a.deadline)}
              {a.extended ? <span className="block text-xs text-slate-500">{t("extended", { reason: a.extensionReason ?? "" })}</span> : null}
              {a.status === "DRAFT" ? (
                <span
                  className={`block text-xs font-semibold ${a.daysLeft < 0 ? "text-red-700" : a.daysLeft <= 3 ? "text-amber-700" : "text-slate-600"}`}
                  data-testid="countdown"
                >
                  {a.daysLeft < 0 ? t("overdue", { days: -a.daysLeft }) : t("daysLeft", { days: a.daysLeft })}
                </span>
              ) : null}
            </Td>
            <Td label={t("actions")} className="no-print">
              <RowActions row={a} canManage={canManage} />
            </Td>
          </tr>
        ))}
      </TBody>
    </DataTable>
  );
}

function RowActions({ row, canManage }: { row: BoardRow; canManage: boolean }) {
  const t = useTranslations("scoring.board");
  const id = row.assessmentId;
  const keys = (
    <>
      <input type="hidden" name="assessmentId" value={id} />
      <input type="hidden" name="version" value={row.version} />
    </>
  );
  if (!canManage) {
    return row.status === "SUBMITTED" ? (
      <ActionForm action={advanceAction} submitLabel={t("withdraw")} buttonClassName={buttonClass("secondary", "xs")} testId="withdraw">
        {keys}
        <input type="hidden" name="step" value="withdraw" />
      </ActionForm>
    ) : null;
  }
  if (row.status === "DRAFT") {
    return (
      <div className="space-y-2">
        <Link href={`/danh-gia/phieu/${id}/khong-ap-dung`} className="text-sm link">
          {t("notApplicableLink")}
        </Link>
        <OnDemand summary={t("extend")}>
          <ActionForm
            action={extendDeadlineAction}
            submitLabel={t("extendSubmit")}
            buttonClassName={buttonClass("secondary", "xs")}
            className="mt-2 grid gap-2"
            testId={`extend-${row.agencyCode}`}
          >
            {keys}
            <label htmlFor={`deadline-${id}`} className="text-xs text-slate-600">
              {t("newDeadline")}
            </label>
            <DateInput id={`deadline-${id}`} name="deadline" required className={inputClass} />
            <label htmlFor={`reason-${id}`} className="text-xs text-slate-600">
              {t("reason")}
            </label>
            <input id={`reason-${id}`} name="reason" required maxLength={1000} className={inputClass} />
          </ActionForm>
        </OnDemand>
      </div>
    );
  }
  if (row.status === "SUBMITTED") {
    return (
      <OnDemand summary={t("returnForCorrection")}>
        <ActionForm
          action={advanceAction}
          submitLabel={t("returnSubmit")}
          buttonClassName={buttonClass("secondary", "xs")}
          className="mt-2 grid gap-2"
          testId={`return-${row.agencyCode}`}
        >
          {keys}
          <input type="hidden" name="step" value="returnForCorrection" />
          <label htmlFor={`return-reason-${id}`} className="text-xs text-slate-600">
            {t("reason")}
          </label>
          <input id={`return-reason-${id}`} name="reason" required maxLength={1000} className={inputClass} />
        </ActionForm>
      </OnDemand>
    );
  }
  return null;
}

/** A disclosure whose content is rendered once it has been opened (and kept, with what was typed, once closed). */
function OnDemand({ summary, children }: { summary: string; children: React.ReactNode }) {
  const [opened, setOpened] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  // Opened before the page was hydrated: its toggle event went by without a listener.
  useEffect(() => {
    if (details.current?.open) setOpened(true);
  }, []);
  return (
    <details ref={details} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary className="cursor-pointer text-sm text-brand-700">{summary}</summary>
      {opened ? children : null}
    </details>
  );
}
