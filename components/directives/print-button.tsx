"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function PrintButton({ label }: { label?: string }) {
  const t = useTranslations("common.print");
  return (
    <Button variant="secondary" onClick={() => window.print()} className="no-print">
      {label ?? t("report")}
    </Button>
  );
}
