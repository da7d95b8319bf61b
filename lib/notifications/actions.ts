"use server";
// The user's own notifications and preferences: no unit's data, only the signed-in user's rows.
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/guard";
import { type DELIVERIES, NOTIFICATION_KINDS } from "./kinds";
import { markNotificationsRead, saveNotificationPreferences } from "./mutations";

export async function markNotificationsReadAction(form: FormData): Promise<void> {
  const actor = await requireActor();
  await markNotificationsRead(actor, { id: form.get("id") || undefined });
  revalidatePath("/thong-bao");
}

export async function saveNotificationPreferencesAction(form: FormData): Promise<void> {
  const actor = await requireActor();
  const preferences = NOTIFICATION_KINDS.filter((kind) => form.has(kind)).map((kind) => ({
    kind,
    delivery: String(form.get(kind)) as (typeof DELIVERIES)[number],
  }));
  await saveNotificationPreferences(actor, { preferences });
  revalidatePath("/tai-khoan-cua-toi");
}
