// The languages of the interface. Vietnamese is the default and the reference catalogue; English
// is a translation of it. No locale in the URL: a signed-in user's saved choice, else the
// NEXT_LOCALE cookie a visitor's switch sets, else Vietnamese (never the browser's Accept-Language,
// so a shared office computer shows the same portal to everyone until someone chooses).

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";
/** next-intl's own cookie name, so its tooling reads the same choice. */
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** One year: the choice of a visitor outlives the session. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** The BCP 47 tag numbers and dates are formatted with: 85,30 · 20/09/2021 and 85.30 · 20/09/2021. */
export const INTL_LOCALES: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The saved preference of a signed-in user wins over the cookie, the cookie over the default. */
export function resolveLocale(saved: string | null | undefined, cookie: string | null | undefined): Locale {
  if (isLocale(saved)) return saved;
  if (isLocale(cookie)) return cookie;
  return DEFAULT_LOCALE;
}
