// Published national data (results and their parts, averages, units, national frameworks) changes
// a few times a year, when staff enter or import results; the public pages and the dashboards read
// it all the time. What is computed from it is kept in this process under the database's
// published-data version: a one-row table that triggers bump on every statement writing those
// tables (migration 20261122025948_published_data_version). So:
//  - an answer is never stale: each use reads the version first (one primary-key lookup), and every
//    writer bumps it — this server, another instance, the seed, a restore, SQL typed by hand;
//  - no write path has to remember to invalidate anything.
import "server-only";
import { db } from "@/lib/db/client";

/** Bounds the memory a crawler asking for every unit, date and rank can take. */
const MAX_ENTRIES = 500;

let cachedVersion: bigint | null = null;
const entries = new Map<string, Promise<unknown>>();

async function readVersion(): Promise<bigint> {
  const rows = await db.$queryRaw<{ version: bigint }[]>`SELECT version FROM published_data_version WHERE id = 1`;
  return rows[0]?.version ?? 0n;
}

// At most one read of the version in flight per process. Requests that arrive meanwhile share the
// next read, which starts only when the current one is done, so after they arrived: under load one
// query answers many requests, and no request gets a version older than a write committed before
// it arrived (a form's save, then the page it redirects to, sees the save).
let running: Promise<bigint> | null = null;
let queued: Promise<bigint> | null = null;

function startRead(): Promise<bigint> {
  const read: Promise<bigint> = readVersion().finally(() => {
    if (running === read) running = null;
  });
  running = read;
  return read;
}

function publishedDataVersion(): Promise<bigint> {
  if (!running) return startRead();
  queued ??= running
    .then(
      () => undefined,
      () => undefined,
    )
    .then(() => {
      queued = null;
      return startRead();
    });
  return queued;
}

/**
 * `compute()` once per published-data version and key. Callers share the result: never mutate it.
 * A failed computation is not kept.
 */
export async function cachedPublished<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const version = await publishedDataVersion();
  if (version !== cachedVersion) {
    entries.clear();
    cachedVersion = version;
  }
  let entry = entries.get(key) as Promise<T> | undefined;
  if (!entry) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entry = compute();
    entries.set(key, entry);
    entry.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
  }
  return entry;
}
