import { z } from "@/lib/validation/zod";
import { QUEUES } from "./queues";

const PORTAL_QUEUES = Object.values(QUEUES) as [string, ...string[]];

/** "Chạy lại": a failed job of one of the portal's queues, by its id. */
export const retryJobSchema = z.object({ queue: z.enum(PORTAL_QUEUES), id: z.uuid() });
