// The language a request is shown in: next-intl's per-request configuration (named in
// next.config.ts), read from the account's saved choice, else the cookie. Pages call
// getTranslations()/useTranslations(), never this.
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/policy";
import { MESSAGES } from "@/lib/i18n/catalogue";
import { LOCALE_COOKIE, type Locale, resolveLocale } from "@/lib/i18n/config";
import { TIME_ZONE } from "@/lib/time";

/**
 * The language of this request. `actor`: the signed-in user when the caller has them, null when
 * it must not look (a public route never loads Auth.js: the cookie decides), else looked up.
 */
export async function localeOfRequest(actor?: Pick<Actor, "locale"> | null): Promise<Locale> {
  const store = await cookies();
  // The language never breaks a page: when the database is down the cookie decides, and the
  // layout's own call to currentActor() (the same cached promise) shows the outage page.
  const saved = actor === undefined ? (await currentActor().catch(() => null))?.locale : actor?.locale;
  return resolveLocale(saved, store.get(LOCALE_COOKIE)?.value);
}

export default getRequestConfig(async () => {
  const locale = await localeOfRequest();
  return { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE };
});
