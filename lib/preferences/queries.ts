// The language a request is shown in: next-intl's per-request configuration (named in
// next.config.ts), read from the account's saved choice, else the cookie. Pages call
// getTranslations()/useTranslations(), never this.
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { MESSAGES } from "@/lib/i18n/catalogue";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/config";
import { TIME_ZONE } from "@/lib/time";

export default getRequestConfig(async () => {
  const store = await cookies();
  // The language never breaks a page: when the database is down the cookie decides, and the
  // layout's own call to currentActor() (the same cached promise) shows the outage page.
  const actor = await currentActor().catch(() => null);
  const locale = resolveLocale(actor?.locale, store.get(LOCALE_COOKIE)?.value);
  return { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE };
});
