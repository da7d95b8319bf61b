// What server code asks the i18n layer: the request's language and its number/date formats.
// Translations themselves: `await getTranslations("ns")` (async components, actions) or
// `useTranslations("ns")` (components that are not async), both from next-intl.
import "server-only";
import { getLocale } from "next-intl/server";
import type { Locale } from "./config";
import { formatFor, type Format } from "./format";

export async function requestLocale(): Promise<Locale> {
  return getLocale();
}

export async function getFormat(): Promise<Format> {
  return formatFor(await getLocale());
}
