"use client";
// Upload of a national table: a dry run first (what would be new, updated, unchanged, or every
// error by row and column), then the commit of the same file, which the browser keeps meanwhile.
// On the form kit (useFormAction); its messages: results.importForm.
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { importResultsAction } from "@/lib/results/actions";
import type { ImportOutcome } from "@/lib/results/types";
import { useFormat } from "@/lib/i18n/client";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, cardClass } from "@/components/ui/card";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { FileInput } from "./file-input";
import { IssueTable, useFormAction } from "./form-kit";

const STATUSES = ["new", "updated", "unchanged"] as const;
const STATUS_TONE: Record<(typeof STATUSES)[number], BadgeTone> = { new: "ok", updated: "warn", unchanged: "neutral" };

export function ResultImportForm({ maxBytes }: { maxBytes: number }) {
  const t = useTranslations("results.importForm");
  const format = useFormat();
  const { state, pending, submit } = useFormAction<ImportOutcome>(importResultsAction);
  const [file, setFile] = useState<File | null>(null);
  // The file the shown answer is about: a new choice hides the previous preview and its commit.
  const [answered, setAnswered] = useState<File | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const maxMb = Math.round(maxBytes / 1024 / 1024);
  const current = state && answered === file ? state : null;
  const outcome = current?.ok ? current.data : undefined;
  const show = (value: string | number | null) => (value === null ? t("empty") : typeof value === "number" ? format.points(value) : value);

  const send = (intent: "preview" | "commit") => {
    if (!file) return;
    const data = new FormData();
    data.set("file", file);
    data.set("intent", intent);
    setAnswered(file);
    submit(data);
  };

  return (
    <div className="space-y-4">
      <form
        className={`flex flex-wrap items-end gap-3 p-6 ${cardClass}`}
        data-testid="import-form"
        onSubmit={(event) => {
          event.preventDefault();
          send("preview");
        }}
      >
        <FileInput
          label={t("file", { max: maxMb })}
          name="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            setTooBig(Boolean(chosen && chosen.size > maxBytes));
            setFile(chosen && chosen.size <= maxBytes ? chosen : null);
          }}
        />
        <Button type="submit" variant="outline" disabled={!file || pending}>
          {pending && !outcome ? t("checking") : t("preview")}
        </Button>
        {tooBig ? <p className="basis-full text-sm text-red-700">{t("tooBig", { max: maxMb })}</p> : null}
      </form>

      {current && !current.ok ? (
        <div className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-900" data-testid="import-errors">
          <p className="font-semibold">{current.error}</p>
          {current.issues?.some((issue) => issue.row !== undefined || issue.column !== undefined) ? <IssueTable issues={current.issues} /> : null}
        </div>
      ) : null}

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
