"use server";
// The language switch of the header: remembered by cookie for everyone, and on the account of a
// signed-in user (so it follows them to another browser and survives signing out and in again).
// Setting a cookie in a server action makes Next render the current page again: same URL.
import { cookies } from "next/headers";
import { currentActor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/errors";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@/lib/i18n/config";
import { saveUserLocale } from "./mutations";
import { localeChoiceSchema } from "./schema";

export async function setLocaleAction(form: FormData): Promise<void> {
  const { locale } = parseInput(localeChoiceSchema, { locale: form.get("locale") });
  const actor = await currentActor();
  if (actor) await saveUserLocale(actor, locale);
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE,
    sameSite: "lax",
    httpOnly: true,
    secure: process.env.NODE_ENV === "production" && (process.env.AUTH_URL ?? "").startsWith("https://"),
  });
}
