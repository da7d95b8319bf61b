// A signed-in user's choice of language, saved on their account and audited like every change.
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/config";

/** Saves the language of the actor's own account (anyone may choose their own). */
export async function saveUserLocale(actor: Actor, locale: Locale): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { locale: true } });
    if (before.locale === locale) return;
    await tx.user.update({ where: { id: actor.id }, data: { locale } });
    await writeAudit(tx, actor, {
      action: "user.locale",
      entityType: "User",
      entityId: actor.id,
      oldValue: { locale: before.locale },
      newValue: { locale },
    });
  });
}
