"use client";
// A one-time link to hand over: its address to copy and when it stops working. Messages: admin.link.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

export function LinkBox({ link, expiresAt, email }: { link: string; expiresAt: string; email?: string }) {
  const t = useTranslations("admin.link");
  const format = useFormat();
  const [copied, setCopied] = useState(false);
  const expires = format.dateTime(new Date(expiresAt));
  return (
    <div className="mt-2 space-y-1 rounded-lg border border-emerald-200 bg-white p-3 text-sm text-slate-800" data-testid="issued-link">
      <p className="font-semibold">{t("title")}</p>
      <p className="text-slate-600">{email ? t("lead", { email, expires }) : t("leadNoEmail", { expires })}</p>
      <div className="flex flex-wrap items-center gap-2">
        <input
          readOnly
          value={link}
          className={`${inputClass} mt-0 min-w-0 flex-1 font-mono text-xs`}
          aria-label={t("title")}
          data-testid="link-value"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(link).catch(() => {});
            setCopied(true);
          }}
        >
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
    </div>
  );
}
