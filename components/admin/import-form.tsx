"use client";
// Upload of a filled template (agencies, accounts, a period's survey results): a check first (what would be new, updated,
// unchanged, or every error by row and column), then the import of the same file; imported
// accounts come back with their invitation links, to copy or download as XLSX. Messages: admin.import.
import { useTranslations } from "next-intl";
import type { AccountImportData } from "@/lib/accounts/actions";
import type { ActionResult } from "@/lib/api/server-action";
import type { AgencyImportOutcome } from "@/lib/agencies/types";
import type { SurveyImportOutcome } from "@/lib/assessments/survey/types";
import { useFormat } from "@/lib/i18n/client";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { TableUploadForm, useTableUpload } from "@/components/forms/table-upload";

type Outcome = AgencyImportOutcome | AccountImportData | SurveyImportOutcome;
type Action = (previous: ActionResult<Outcome> | null, form: FormData) => Promise<ActionResult<Outcome>>;
/** Any of these imports' action: each answers with its own outcome. */
export type AnyImport = (
  previous: never,
  form: FormData,
) => Promise<ActionResult<AgencyImportOutcome> | ActionResult<AccountImportData> | ActionResult<SurveyImportOutcome>>;
const TONE: Record<string, BadgeTone> = { new: "ok", updated: "warn", unchanged: "neutral" };
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function downloadBase64(base64: string, name: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ImportForm({
  action,
  maxBytes,
  province,
  fields = {},
}: {
  action: AnyImport;
  maxBytes: number;
  province: string | null;
  /** What else the action needs to know (the survey import: the period). */
  fields?: Record<string, string>;
}) {
  const t = useTranslations("admin.import");
  const format = useFormat();
  const upload = useTableUpload<Outcome>(action as unknown as Action, maxBytes, { ...(province ? { province } : {}), ...fields });
  const { current, outcome, pending, send } = upload;
  const rows = outcome ? outcome.rows.length : 0;
  const invitations = outcome && "invitations" in outcome ? outcome.invitations : [];

  return (
    <div className="space-y-4">
      <TableUploadForm upload={upload} t={t} />

      {outcome ? (
        <section className="space-y-3" data-testid="import-preview" data-dry-run={outcome.dryRun ? "1" : "0"}>
          <div
            role="status"
            className={`rounded-xl border p-4 text-sm ${outcome.dryRun ? "border-brand-100 bg-brand-50 text-brand-900" : "border-emerald-200 bg-emerald-50 text-emerald-900"}`}
          >
            <p className="font-semibold">{current?.ok ? current.message : null}</p>
            <p className="mt-2 flex flex-wrap gap-2" data-testid="import-summary">
              {Object.entries(outcome.summary).map(([change, count]) => (
                <Badge key={change} tone={TONE[change]}>
                  {t("summary", { status: t(`changes.${change as "new"}`), count })}
                </Badge>
              ))}
            </p>
            {outcome.dryRun && rows > 0 ? (
              <Button className="mt-3" disabled={pending} onClick={() => send("commit")}>
                {pending ? t("committing") : t("commit", { count: rows })}
              </Button>
            ) : null}
          </div>

          {invitations.length > 0 && "origin" in outcome ? (
            <div className={`space-y-2 p-4 ${cardClass}`} data-testid="invitations">
              <h2 className="font-semibold">{t("invitations")}</h2>
              <p className="text-sm text-slate-600">{t("invitationsLead", { expires: format.dateTime(new Date(invitations[0].invitation.expiresAt)) })}</p>
              {outcome.linksFile ? (
                <Button variant="outline" onClick={() => downloadBase64(outcome.linksFile!, `duong-lien-ket-moi-${outcome.province.code}.xlsx`)}>
                  {t("download")}
                </Button>
              ) : null}
              <DataTable>
                <THead>
                  <Th>{t("email")}</Th>
                  <Th>{t("link")}</Th>
                </THead>
                <TBody>
                  {invitations.map((i) => (
                    <tr key={i.email}>
                      <Td>{i.email}</Td>
                      <Td className="max-w-md break-all font-mono text-xs" data-testid="invitation-link">
                        {`${outcome.origin}${i.invitation.path}`}
                      </Td>
                    </tr>
                  ))}
                </TBody>
              </DataTable>
            </div>
          ) : null}

          <DataTable data-testid="import-rows">
            <THead>
              <Th>{t("row")}</Th>
              <Th>{"code" in (outcome.rows[0] ?? {}) ? t("code") : t("email")}</Th>
              <Th>{t("name")}</Th>
              <Th>{t("change")}</Th>
            </THead>
            <TBody>
              {outcome.rows.map((row) => (
                <tr key={row.row}>
                  <Td className="tabular-nums">{row.row}</Td>
                  <Td className="font-mono text-xs">{"code" in row ? row.code : row.email}</Td>
                  <Td>{row.name}</Td>
                  <Td>
                    <Badge tone={TONE[row.change]}>{t(`changes.${row.change}`)}</Badge>
                  </Td>
                </tr>
              ))}
            </TBody>
          </DataTable>
        </section>
      ) : null}
    </div>
  );
}
