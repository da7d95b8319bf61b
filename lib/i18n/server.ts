// What server code asks the i18n layer: the request's language and its number/date formats.
// Translations themselves: `await getTranslations("ns")` (async components, actions) or
// `useTranslations("ns")` (components that are not async), both from next-intl.
import "server-only";
import { getLocale } from "next-intl/server";
import type { Locale } from "./config";
import { formatFor, type Format } from "./format";
import { inLocale } from "./message-locale";

export async function requestLocale(): Promise<Locale> {
  return getLocale();
}

export async function getFormat(): Promise<Format> {
  return formatFor(await getLocale());
}

/**
 * Runs lib's work in the request's language, as route handlers and server actions do: what lib
 * words while a page reads (a target's evaluation, reporting periods, a query string's refusal)
 * follows the page's language.
 */
export async function inRequestLocale<R>(work: () => R | Promise<R>): Promise<R> {
  const locale = await getLocale();
  return inLocale(locale, async () => work());
}
