// Types of signed-in-cache.mjs (plain JavaScript, run by the web server without a build step).
import type { IncomingHttpHeaders } from "node:http";

export const SIGNED_IN_CACHED_ROUTES: string[];
export const MAX_AGE_MS: number;
export const MAX_ENTRIES: number;
export const MAX_BYTES: number;
export const VERSION_QUERY: string;
export function signedInCacheKey(request: { method?: string; url?: string; headers: IncomingHttpHeaders }, now?: Date): string | null;
