// lib's own messages (namespace "errors": validation, files, refusals) in the language of the
// request being answered (./message-locale.ts). Only that namespace is loaded here, so a client
// bundle that imports a schema does not carry the whole catalogue.
import { createTranslator } from "next-intl";
import { TIME_ZONE } from "@/lib/time";
import type { Messages, MessagePath } from "./catalogue";
import type { Locale } from "./config";
import { formatFor, type Format } from "./format";
import { messageLocale } from "./message-locale";
import enErrors from "./messages/en/errors.json";
import viErrors from "./messages/vi/errors.json";

const ERRORS: Record<Locale, Pick<Messages, "errors">> = { vi: { errors: viErrors }, en: { errors: enErrors } };

type ErrorsPath = Extract<MessagePath, "errors" | `errors.${string}`>;

/** Numbers and dates of lib's messages, in the language of the request being answered. */
export function libFormat(): Format {
  return formatFor(messageLocale());
}

const create = <N extends ErrorsPath>(namespace: N, locale: Locale) =>
  createTranslator({ locale, messages: ERRORS[locale] as Messages, namespace, timeZone: TIME_ZONE });

// One translator per language and namespace: each keeps the messages it has parsed, so a message
// worded many times (a conflict refused to 49 of 50 concurrent saves) is parsed once.
const translators = new Map<string, unknown>();

/** `libTranslator("errors.zod")("required")` → "chưa nhập: điền giá trị cho trường này." in a Vietnamese request. */
export function libTranslator<N extends ErrorsPath>(namespace: N, locale: Locale = messageLocale()): ReturnType<typeof create<N>> {
  const key = `${locale} ${namespace}`;
  let translator = translators.get(key) as ReturnType<typeof create<N>> | undefined;
  if (!translator) {
    translator = create(namespace, locale);
    translators.set(key, translator);
  }
  return translator;
}

/**
 * A record of lib's words that reads each from the catalogue when it is read, in the language of
 * that request: `LABELS.DRAFT` stays a record's look-up for its callers.
 */
export function catalogueRecord<K extends string>(keys: readonly K[], word: (key: K) => string): Readonly<Record<K, string>> {
  const record = {} as Record<K, string>;
  for (const key of keys) Object.defineProperty(record, key, { get: () => word(key), enumerable: true });
  return record;
}
