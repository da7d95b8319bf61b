// Types of http-gate.mjs (plain JavaScript, run by the web server without a build step).
import type { IncomingHttpHeaders } from "node:http";
import type { BlockList } from "node:net";

export function trustedProxies(text: string | undefined): BlockList | null;
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList | null): string;
export const SMALL_BODY_BYTES: number;
export const UPLOAD_MAX_BYTES: number;
export function bodyClass(request: { method?: string; url?: string; headers: IncomingHttpHeaders }): "small" | "upload" | "refused";
export const BODY_REFUSED: string;
export function signedIn(headers: IncomingHttpHeaders): Promise<boolean>;
