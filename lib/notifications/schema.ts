import { DB_INT_MAX, z } from "@/lib/validation/zod";
import { DELIVERIES, NOTIFICATION_KINDS } from "./kinds";

/** "Mark read": one notification, or all of the user's. */
export const markReadSchema = z.object({ id: z.coerce.number().int().positive().max(DB_INT_MAX).optional() });

/** Preferences: a delivery per kind, only the kinds listed. */
export const preferencesSchema = z.object({
  preferences: z.array(z.object({ kind: z.enum(NOTIFICATION_KINDS), delivery: z.enum(DELIVERIES) })).max(NOTIFICATION_KINDS.length),
});
