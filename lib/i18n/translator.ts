// A translator that needs no request: for lib code (exports, messages built outside a page) and
// tests. `translator("vi", "directives")("kinds.QUYET_DINH")` → "Quyết định".
import { createTranslator } from "next-intl";
import { MESSAGES, type MessagePath } from "./catalogue";
import type { Locale } from "./config";
import { TIME_ZONE } from "@/lib/time";

/** `namespace` may be a part of one: translator("vi", "assessments.sheet"). */
export function translator<N extends MessagePath>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace, timeZone: TIME_ZONE });
}
