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

/** `libTranslator("errors.zod")("required")` → "chưa nhập: điền giá trị cho trường này." in a Vietnamese request. */
export function libTranslator<N extends ErrorsPath>(namespace: N, locale: Locale = messageLocale()) {
  return createTranslator({ locale, messages: ERRORS[locale] as Messages, namespace, timeZone: TIME_ZONE });
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
