// Types of public-cache.mjs (plain JavaScript, run by the web server without a build step).
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";

export const PUBLIC_ROUTE_GROUP: string;
export function routePattern(route: string): RegExp;
export function publicPageMatcher(routes: string[]): (pathname: string) => boolean;
export function publicPagesOfBuild(distDir: string): (pathname: string) => boolean;
export function cacheKey(
  request: { method?: string; url?: string; headers: IncomingHttpHeaders },
  isPublicPage: (pathname: string) => boolean,
  now?: Date,
): string | null;
export function nonceOf(policy: unknown): string | null;
export function newNonce(): string;
export const CACHE_HEADER: string;
export type RenderedPage = { status: number; headers: Record<string, string | string[]>; body: Buffer; nonce: string | null };
export function keepable(status: number, headers: OutgoingHttpHeaders, body: Buffer, accept?: { json?: boolean }): RenderedPage | null;
export function withNonce(page: RenderedPage, nonce: string): { headers: Record<string, string | string[]>; body: Buffer };
export const MAX_CACHED_BYTES: number;
export function createPageCache(
  version: () => Promise<string>,
  limits?: { maxBytes?: number; maxEntries?: number; maxAgeMs?: number; clock?: () => number },
): {
  current(): Promise<string>;
  get(key: string): RenderedPage | null;
  set(key: string, renderedAt: string, page: RenderedPage): void;
  size(): number;
};
export function coalescedVersion(read: () => Promise<string>): () => Promise<string>;
