// Sends the messages of some namespaces to the browser, for the client components below it. The
// root layout sends CLIENT_NAMESPACES to every page; a page with client components of its own
// domain (forms, editors) wraps them in <ClientMessages namespaces={["results"]}> (or a part of a
// namespace: "directives.taskStatus") so that only that page pays for those messages.
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { CLIENT_NAMESPACES, pickMessages, type MessagePath } from "@/lib/i18n/catalogue";

export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly MessagePath[]; children: React.ReactNode }) {
  const locale = await getLocale();
  return <NextIntlClientProvider messages={pickMessages(locale, [...CLIENT_NAMESPACES, ...namespaces])}>{children}</NextIntlClientProvider>;
}
