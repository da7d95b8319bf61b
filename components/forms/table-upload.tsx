"use client";
// The first step of every table import (agencies, accounts, national results): choose a file (one
// over the size limit is refused in the browser), check it, and a refusal with every problem by
// row and column. The answer is kept for the file it is about: choosing another hides it, and with
// it the commit of the previous file. The caller shows a check's outcome and offers the commit.
import { useState } from "react";
import type { ActionResult } from "@/lib/api/server-action";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { FileInput } from "./file-input";
import { IssueTable, useFormAction } from "./form-kit";

type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/** `fields`: sent with the file (e.g. the province the table is for). */
export function useTableUpload<T>(action: Action<T>, maxBytes: number, fields: Record<string, string> = {}) {
  const { state, pending, submit } = useFormAction<T>(action);
  const [file, setFile] = useState<File | null>(null);
  const [answered, setAnswered] = useState<File | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const current = state && answered === file ? state : null;

  const choose = (chosen: File | null) => {
    setTooBig(Boolean(chosen && chosen.size > maxBytes));
    setFile(chosen && chosen.size <= maxBytes ? chosen : null);
  };
  const send = (intent: "preview" | "commit") => {
    if (!file) return;
    const data = new FormData();
    data.set("file", file);
    data.set("intent", intent);
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    setAnswered(file);
    submit(data);
  };
  return { file, tooBig, choose, current, outcome: current?.ok ? current.data : undefined, pending, send, maxMb: Math.round(maxBytes / 1024 / 1024) };
}

/** The form's words, from the caller's catalogue namespace: `file` and `tooBig` name the size limit. */
type Words = (key: "file" | "preview" | "checking" | "tooBig", values?: { max: number }) => string;

export function TableUploadForm<T>({ upload, t }: { upload: ReturnType<typeof useTableUpload<T>>; t: Words }) {
  const { file, tooBig, choose, current, outcome, pending, send, maxMb } = upload;
  const labels = { file: t("file", { max: maxMb }), preview: t("preview"), checking: t("checking"), tooBig: t("tooBig", { max: maxMb }) };
  return (
    <>
      <form
        className={`flex flex-wrap items-end gap-3 p-6 ${cardClass}`}
        data-testid="import-form"
        onSubmit={(event) => {
          event.preventDefault();
          send("preview");
        }}
      >
        <FileInput
          label={labels.file}
          name="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => choose(event.target.files?.[0] ?? null)}
        />
        <Button type="submit" variant="outline" disabled={!file || pending}>
          {pending && !outcome ? labels.checking : labels.preview}
        </Button>
        {tooBig ? <p className="basis-full text-sm text-red-700">{labels.tooBig}</p> : null}
      </form>

      {current && !current.ok ? (
        <div className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-900" data-testid="import-errors">
          <p className="font-semibold">{current.error}</p>
          {current.issues?.some((issue) => issue.row !== undefined || issue.column !== undefined) ? (
            <div className="overflow-x-auto">
              <IssueTable issues={current.issues} />
            </div>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
