"use client";
// A file field in the portal's language: Chromium's own button says "Choose File · No file chosen"
// in the browser's language whatever the page's. The real <input type=file> stays, visually hidden
// but focusable (the keyboard, the form's FormData and tests' setInputFiles use it); a label-styled
// button and the chosen file's name stand for it. Every upload form uses this one.
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

export function FileInput({
  label,
  className,
  onChange,
  ...props
}: { label?: React.ReactNode; className?: string } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "type" | "className">) {
  const t = useTranslations("common.form");
  const [chosen, setChosen] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // A form emptied once saved forgets the file: the name shown is state, not the input's.
  useEffect(() => {
    const form = input.current?.form;
    const reset = () => setChosen(null);
    form?.addEventListener("reset", reset);
    return () => form?.removeEventListener("reset", reset);
  }, []);
  return (
    <label className={`group min-w-0 text-sm ${className ?? ""}`}>
      {label ? <span className="mb-1 block font-medium text-slate-700">{label}</span> : null}
      <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span
          className={buttonClass(
            "secondary",
            "sm",
            "cursor-pointer bg-slate-50 font-medium group-focus-within:outline-2 group-focus-within:outline-offset-2 group-focus-within:outline-brand-900",
          )}
        >
          {t("chooseFile")}
        </span>
        <span className="min-w-0 break-all text-slate-600" data-testid="chosen-file">
          {chosen ?? t("noFileChosen")}
        </span>
      </span>
      <input
        {...props}
        ref={input}
        type="file"
        className="sr-only"
        onChange={(event) => {
          setChosen(event.target.files?.[0]?.name ?? null);
          onChange?.(event);
        }}
      />
    </label>
  );
}
