#!/usr/bin/env node
// @ts-check
// The web server of `npm start`, the tests and the benchmarks: Next's own request handler (its
// documented custom-server API, the same handler `next start` runs) behind two checks that need
// the connection and must come before Next reads the request (scripts/lib/http-gate.mjs):
// - the client's address, from the connection unless TRUSTED_PROXIES names the reverse proxy,
//   written as the one address X-Forwarded-For holds for the app (sign-in throttling reads it);
// - request bodies: over 1 MiB only for uploads of a signed-in user, refused with 413 before a
//   byte is read otherwise (Next reads a server action's whole body before the action can check
//   who sent it).
// Public pages are then answered from the cache of their rendered HTML (scripts/lib/public-cache.mjs)
// when the published data did not change since they were rendered; PUBLIC_PAGE_CACHE=0 turns it off.
// The leader dashboard, the agency view, the control board and its progress API likewise, for the
// holder of the session they were rendered for, while no data changed (scripts/lib/signed-in-cache.mjs);
// SIGNED_IN_PAGE_CACHE=0.
//   node scripts/web-server.mjs -p 3000 [-H 127.0.0.1] [--dev]
// Listens on 127.0.0.1 unless -H or HOST says otherwise (HOST=0.0.0.0: every interface).
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import next from "next";
import pg from "pg";
import { BODY_REFUSED, bodyClass, clientAddress, signedIn, trustedProxies } from "./lib/http-gate.mjs";
import { CACHE_HEADER, cacheKey, coalescedVersion, createPageCache, keepable, newNonce, publicPagesOfBuild, withNonce } from "./lib/public-cache.mjs";
import { MAX_AGE_MS, MAX_BYTES, MAX_ENTRIES, signedInCacheKey, VERSION_QUERY } from "./lib/signed-in-cache.mjs";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" }, dev: { type: "boolean", default: false } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOST ?? "127.0.0.1";
const trusted = trustedProxies(process.env.TRUSTED_PROXIES);

const root = path.resolve(import.meta.dirname, "..");
const app = next({ dev: values.dev, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const caching = !values.dev && process.env.DATABASE_URL;
const pool = caching ? new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 }) : null;
// A connection lost while idle (the database restarted): the next read opens another.
pool?.on("error", () => {});
/** @param {string} sql */
const versionOf = (sql) => async () => String((await /** @type {pg.Pool} */ (pool).query(sql)).rows[0]?.version ?? "0");

/** `json`: also keeps API routes' JSON answers (the signed-in cache's progress API). @typedef {{ cache: ReturnType<typeof createPageCache>; keyOf: (request: http.IncomingMessage) => string | null; json: boolean }} PageCache */

/** @type {PageCache | null} */
const publicPages = caching && process.env.PUBLIC_PAGE_CACHE !== "0" ? publicPageCache(path.resolve(root, process.env.NEXT_DIST_DIR || ".next")) : null;

/** @param {string} distDir @returns {PageCache} */
function publicPageCache(distDir) {
  const isPublicPage = publicPagesOfBuild(distDir);
  const version = versionOf("SELECT version FROM published_data_version WHERE id = 1");
  return { cache: createPageCache(coalescedVersion(version)), keyOf: (request) => cacheKey(request, isPublicPage), json: false };
}

/** @type {PageCache | null} */
const signedInPages =
  caching && process.env.SIGNED_IN_PAGE_CACHE !== "0"
    ? {
        cache: createPageCache(coalescedVersion(versionOf(VERSION_QUERY)), { maxBytes: MAX_BYTES, maxEntries: MAX_ENTRIES, maxAgeMs: MAX_AGE_MS }),
        keyOf: (request) => signedInCacheKey(request),
        json: true,
      }
    : null;

/**
 * Answers a page from the cache, or prepares the response Next is about to render to be kept.
 * False when Next must answer (not a cacheable request, or the database cannot say its version).
 * @param {PageCache | null} pages
 * @param {import("node:http").IncomingMessage} request @param {import("node:http").ServerResponse} response
 */
async function fromCache(pages, request, response) {
  if (!pages) return false;
  const key = pages.keyOf(request);
  if (!key) return false;
  let version;
  try {
    version = await pages.cache.current();
  } catch {
    return false;
  }
  const page = pages.cache.get(key);
  if (page) {
    const { headers, body } = withNonce(page, newNonce());
    headers[CACHE_HEADER] = "hit";
    const gzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    const sent = gzip ? await new Promise((resolve, reject) => zlib.gzip(body, (error, zipped) => (error ? reject(error) : resolve(zipped)))) : body;
    if (gzip) headers["content-encoding"] = "gzip";
    response.writeHead(page.status, { ...headers, "content-length": String(/** @type {Buffer} */ (sent).length) });
    response.end(sent);
    return true;
  }
  // Rendered uncompressed, so that its nonce can be found, and kept as it is sent.
  delete request.headers["accept-encoding"];
  response.setHeader(CACHE_HEADER, "miss");
  keepWhenSent(response, (status, headers, body) => {
    const kept = keepable(status, headers, body, { json: pages.json });
    if (kept) pages.cache.set(key, version, kept);
  });
  return false;
}

/**
 * Calls `done` with the status, headers and body of the response once it has all been sent.
 * @param {import("node:http").ServerResponse} response
 * @param {(status: number, headers: import("node:http").OutgoingHttpHeaders, body: Buffer) => void} done
 */
function keepWhenSent(response, done) {
  /** @type {Buffer[]} */
  const chunks = [];
  /** @type {import("node:http").OutgoingHttpHeaders} */
  const written = {};
  const keep = (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding) => {
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const { writeHead, write, end } = response;
  /** @type {any} */ (response).writeHead = function (/** @type {any[]} */ ...args) {
    const headers = args.find((arg, i) => i > 0 && arg && typeof arg === "object");
    if (headers && !Array.isArray(headers)) for (const [name, value] of Object.entries(headers)) written[name.toLowerCase()] = value;
    return /** @type {any} */ (writeHead).apply(this, args);
  };
  /** @type {any} */ (response).write = function (/** @type {any[]} */ ...args) {
    keep(args[0], args[1]);
    return /** @type {any} */ (write).apply(this, args);
  };
  /** @type {any} */ (response).end = function (/** @type {any[]} */ ...args) {
    if (typeof args[0] !== "function") keep(args[0], args[1]);
    const result = /** @type {any} */ (end).apply(this, args);
    done(response.statusCode, { ...response.getHeaders(), ...written }, Buffer.concat(chunks));
    return result;
  };
}

/**
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 */
function refuse(request, response) {
  // Connection: close, so that Node does not read the rest of the body to keep the connection.
  response.writeHead(413, { "content-type": "application/json; charset=utf-8", connection: "close", "cache-control": "no-store" });
  lingerBeforeClosing(request.socket);
  response.end(JSON.stringify({ error: BODY_REFUSED }));
}

/**
 * A lingering close, as nginx and Apache do it: once the answer is sent, Node closes the connection
 * at once, and the kernel answers the body the client is still sending with a reset, which can
 * reach the client before it has read the 413; it then sees only "connection reset" (about one
 * upload in ten when the client reads late). So the connection is half-closed and what still
 * arrives is read and dropped, for LINGER_MS at most.
 * @param {import("node:net").Socket} socket
 */
function lingerBeforeClosing(socket) {
  // Node's server calls destroySoon() when an answer with Connection: close has been sent.
  socket.destroySoon = () => {
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    socket.once("close", () => clearTimeout(timer));
  };
}
const LINGER_MS = 2_000;

const server = http.createServer(async (request, response) => {
  request.headers["x-forwarded-for"] = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trusted);
  const body = bodyClass(request);
  if (body === "refused" || (body === "upload" && !(await signedIn(request.headers)))) return refuse(request, response);
  if ((await fromCache(publicPages, request, response)) || (await fromCache(signedInPages, request, response))) return;
  await handle(request, response);
});
server.listen(port, hostname);

// A stop often arrives twice: the whole process group is signalled (Ctrl-C in a terminal, the tests'
// and the bench's kill) and the cluster's primary passes it on. The second one is ignored: with no
// listener left, its default action would end the process at once, cutting the first one's close
// short (and `--cpu-prof`, which writes its profile at exit, would write none).
let stopping = false;
for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT"])) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close();
    void app.close().finally(() => process.exit(0));
    // Open keep-alive connections would hold server.close() back.
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
