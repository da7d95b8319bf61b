// The language switch of the page headers: one button per language, each named in its own
// language. A plain form posting to a server action, so it works before (or without) JavaScript
// and the page comes back at the same address in the chosen language.
import { useLocale, useTranslations } from "next-intl";
import { LOCALES } from "@/lib/i18n/config";
import { setLocaleAction } from "@/lib/preferences/actions";

export function LanguageSwitch({ className }: { className?: string }) {
  const t = useTranslations("common.language");
  const current = useLocale();
  return (
    <form action={setLocaleAction} aria-label={t("label")} className={`flex items-center gap-1 text-xs ${className ?? ""}`}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className={
            locale === current
              ? "rounded px-1.5 py-0.5 font-semibold text-brand-900 underline decoration-2 underline-offset-4"
              : "rounded px-1.5 py-0.5 text-slate-600 hover:bg-slate-100 hover:text-brand-700"
          }
        >
          {t(locale)}
        </button>
      ))}
    </form>
  );
}
