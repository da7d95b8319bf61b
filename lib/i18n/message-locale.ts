// The language lib writes its messages in (validation and import errors, refusals): the language
// of the request being answered. The edges run a request's work inside inLocale()
// (lib/api/route.ts, lib/api/server-action.ts); outside one (scripts, tests) it is Vietnamese.
// Next.js puts AsyncLocalStorage on globalThis on the server; a browser bundle that imports a
// schema has none, and no request either. One store per process, kept on globalThis, so that
// every bundle that includes this module sees the locale its edge set.
import { DEFAULT_LOCALE, type Locale } from "./config";

type Scope = { getStore(): Locale | undefined; run<R>(locale: Locale, work: () => R): R };
type Host = { AsyncLocalStorage?: new () => Scope; [key: symbol]: Scope | undefined };

const KEY = Symbol.for("portal.messageLocale");

function scope(): Scope | null {
  const host = globalThis as unknown as Host;
  if (!host.AsyncLocalStorage) return null;
  host[KEY] ??= new host.AsyncLocalStorage();
  return host[KEY];
}

export function messageLocale(): Locale {
  return scope()?.getStore() ?? DEFAULT_LOCALE;
}

/** Runs `work` with lib's messages in `locale`. */
export function inLocale<R>(locale: Locale, work: () => R): R {
  const store = scope();
  return store ? store.run(locale, work) : work();
}
