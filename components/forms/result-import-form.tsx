"use client";
// Upload of a national table: a dry run first (what would be new, updated, unchanged, or every
// error by row and column), then the commit of the same file, which the browser keeps meanwhile.
// On the form kit (useTableUpload, the first step of every table import); its messages: results.importForm.
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { importResultsAction } from "@/lib/results/actions";
import type { ImportOutcome } from "@/lib/results/types";
import { useFormat } from "@/lib/i18n/client";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { TableUploadForm, useTableUpload } from "./table-upload";

const STATUSES = ["new", "updated", "unchanged"] as const;
const STATUS_TONE: Record<(typeof STATUSES)[number], BadgeTone> = { new: "ok", updated: "warn", unchanged: "neutral" };

export function ResultImportForm({ maxBytes }: { maxBytes: number }) {
  const t = useTranslations("results.importForm");
  const format = useFormat();
  const upload = useTableUpload<ImportOutcome>(importResultsAction, maxBytes);
  const { current, outcome, pending, send } = upload;
  const show = (value: string | number | null) => (value === null ? t("empty") : typeof value === "number" ? format.points(value) : value);

  return (
    <div className="space-y-4">
      <TableUploadForm upload={upload} t={t} />

      {outcome ? (
        <section className="space-y-3" data-testid="import-preview" data-dry-run={outcome.dryRun ? "1" : "0"}>
          <Card
            role="status"
            padding="sm"
            className={`text-sm ${outcome.dryRun ? "border-brand-100 bg-brand-50 text-brand-900" : "border-emerald-200 bg-emerald-50 text-emerald-900"}`}
          >
            <p className="font-semibold">{current?.ok ? current.message : null}</p>
            <p className="mt-2 flex flex-wrap gap-2" data-testid="import-summary">
              {STATUSES.map((status) => (
                <Badge key={status} tone={STATUS_TONE[status]}>
                  {t("summary", { status: t(`statuses.${status}`), count: outcome.summary[status] })}
                </Badge>
              ))}
            </p>
            {outcome.dryRun ? (
              <div className="mt-3 flex flex-wrap items-center gap-3">
                <Button onClick={() => send("commit")} disabled={pending || outcome.summary.new + outcome.summary.updated === 0}>
                  {pending ? t("importing") : t("commit")}
                </Button>
                <span className="text-xs text-slate-600">{t("commitNote")}</span>
              </div>
            ) : (
              <p className="mt-3 flex flex-wrap gap-3">
                {[...new Set(outcome.rows.map((r) => r.indexCode))].map((indexCode) => (
                  <Link key={indexCode} href={`/xep-hang?index=${indexCode}&year=${outcome.year}`} className="font-semibold text-brand-700 underline">
                    {t("seeRanking", { index: indexCode.replace(/_/g, " "), year: outcome.year })}
                  </Link>
                ))}
              </p>
            )}
          </Card>
          <DataTable data-testid="import-rows">
            <THead>
              <Th>{t("row")}</Th>
              <Th>{t("index")}</Th>
              <Th>{t("unit")}</Th>
              <Th numeric>{t("score")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("changes")}</Th>
            </THead>
            <TBody>
              {outcome.rows.map((row) => (
                <tr key={row.row} data-status={row.status}>
                  <Td className="tabular-nums">{row.row}</Td>
                  <Td>{row.indexCode.replace(/_/g, " ")}</Td>
                  <Td>
                    {row.unitName} <span className="text-xs text-slate-500">{t("code", { code: row.unitCode })}</span>
                  </Td>
                  <Td numeric>{format.score(row.score)}</Td>
                  <Td>
                    <Badge tone={STATUS_TONE[row.status]}>{t(`statuses.${row.status}`)}</Badge>
                  </Td>
                  <Td className="text-xs text-slate-700">
                    {row.status === "updated" ? (
                      <ul>
                        {row.changes.map((change) => (
                          <li key={change.column}>
                            <span className="font-mono">{change.column}</span>: {show(change.old)} → {show(change.new)}
                          </li>
                        ))}
                      </ul>
                    ) : row.status === "new" ? (
                      <span className="text-slate-500">{t("newResult")}</span>
                    ) : (
                      <span className="text-slate-400">—</span>
                    )}
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
