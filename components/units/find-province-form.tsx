// "Find a province": a search by name (with or without diacritics) or code, answered by /tinh
// with the 34 provinces in force and the 63 former ones. A plain GET form: works without script.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { filterInputClass } from "@/components/ui/field";

export function FindProvinceForm({ defaultValue = "" }: { defaultValue?: string }) {
  const t = useTranslations("public.find");
  return (
    <form method="get" action="/tinh" role="search" aria-label={t("title")} className="flex flex-wrap items-end gap-2" data-testid="find-province">
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">{t("label")}</span>
        <input
          type="search"
          name="q"
          defaultValue={defaultValue}
          maxLength={200}
          placeholder={t("placeholder")}
          className={`w-72 max-w-full ${filterInputClass}`}
        />
      </label>
      <Button type="submit">{t("submit")}</Button>
    </form>
  );
}
