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
//   node scripts/web-server.mjs -p 3000 [-H 127.0.0.1] [--dev]
// Listens on 127.0.0.1 unless -H or HOST says otherwise (HOST=0.0.0.0: every interface).
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { BODY_REFUSED, bodyClass, clientAddress, signedIn, trustedProxies } from "./lib/http-gate.mjs";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" }, dev: { type: "boolean", default: false } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOST ?? "127.0.0.1";
const trusted = trustedProxies(process.env.TRUSTED_PROXIES);

const app = next({ dev: values.dev, dir: path.resolve(import.meta.dirname, ".."), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/** @param {import("node:http").ServerResponse} response */
function refuse(response) {
  // Connection: close, so that Node does not read the rest of the body to keep the connection.
  response.writeHead(413, { "content-type": "application/json; charset=utf-8", connection: "close", "cache-control": "no-store" });
  response.end(JSON.stringify({ error: BODY_REFUSED }));
}

const server = http.createServer(async (request, response) => {
  request.headers["x-forwarded-for"] = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trusted);
  const body = bodyClass(request);
  if (body === "refused" || (body === "upload" && !(await signedIn(request.headers)))) return refuse(response);
  await handle(request, response);
});
server.listen(port, hostname);

for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT"])) {
  process.once(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    // Open keep-alive connections would hold server.close() back.
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
