"use client";
// What a page shows when rendering it failed on the server. Production never sends the server's
// error to the browser (no message, no stack), so the page asks /api/health whether the database
// is the cause and says so plainly; the "retry" button re-renders the page once it is back.
import { Link } from "@/components/ui/link";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "./button";
import { Card } from "./card";

type Cause = "checking" | "database" | "other";

export function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("common.pageError");
  const [cause, setCause] = useState<Cause>("checking");
  // Checked again for every new error (after a failed retry, the cause may have changed).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `error` is the trigger, not an input.
  useEffect(() => {
    let live = true;
    setCause("checking");
    fetch("/api/health", { cache: "no-store" })
      .then((response) => live && setCause(response.status === 503 ? "database" : "other"))
      .catch(() => live && setCause("other"));
    return () => {
      live = false;
    };
  }, [error]);
  return (
    <Card as="section" data-testid="page-error" data-cause={cause}>
      <h1 className="text-xl font-bold text-brand-900">{cause === "database" ? t("databaseTitle") : t("title")}</h1>
      <p className="mt-3 text-slate-700">{cause === "database" ? t("database") : cause === "checking" ? t("checking") : t("other")}</p>
      {cause === "database" ? <p className="mt-2 text-sm text-slate-600">{t("dataSafe")}</p> : null}
      <div className="mt-5 flex flex-wrap gap-3">
        <Button onClick={() => retry()}>{t("retry")}</Button>
        <Link href="/" className={buttonClass("secondary")}>
          {t("home")}
        </Link>
      </div>
    </Card>
  );
}
