// The number/date formats of the language the page is shown in, for client components (and
// server components that are not async). Translations: `useTranslations("ns")` from next-intl.
import { useLocale } from "next-intl";
import { formatFor, type Format } from "./format";

export function useFormat(): Format {
  return formatFor(useLocale());
}
