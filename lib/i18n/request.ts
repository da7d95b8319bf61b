// next-intl's per-request configuration (named in next.config.ts): which language this request
// is shown in, and its messages. Pages call getTranslations()/useTranslations(), never this.
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { MESSAGES } from "./catalogue";
import { LOCALE_COOKIE, resolveLocale } from "./config";
import { TIME_ZONE } from "@/lib/time";

export default getRequestConfig(async () => {
  const store = await cookies();
  // The language never breaks a page: when the database is down the cookie decides, and the
  // layout's own call to currentActor() (the same cached promise) shows the outage page.
  const actor = await currentActor().catch(() => null);
  const locale = resolveLocale(actor?.locale, store.get(LOCALE_COOKIE)?.value);
  return { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE };
});
