// @ts-check
// The two checks scripts/web-server.mjs makes on each request before Next sees it: they need the
// connection, and one of them must come before a byte of the body is read. Plain JavaScript: the
// server runs it without a build step.
import net from "node:net";
import { getToken } from "next-auth/jwt";

// ───────────────────────── The client's address ─────────────────────────

/**
 * TRUSTED_PROXIES ("10.0.0.2, 10.8.0.0/16, ::1"): the reverse proxies whose X-Forwarded-For is
 * believed. Null when unset: the header is then ignored and the address is the connection's.
 * @param {string | undefined} text
 * @returns {net.BlockList | null}
 */
export function trustedProxies(text) {
  const entries = (text ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split("/");
    const family = net.isIP(address);
    if (family === 0 || (bits !== undefined && !/^\d{1,3}$/.test(bits))) throw new Error(`TRUSTED_PROXIES: "${entry}" không phải địa chỉ IP hoặc dải CIDR.`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

/** "::ffff:10.0.0.2" (IPv4 on a dual-stack socket) → "10.0.0.2". @param {string} address */
const plain = (address) => (address.startsWith("::ffff:") && net.isIPv4(address.slice(7)) ? address.slice(7) : address);

/** @param {string} address @param {net.BlockList} trusted */
function isTrusted(address, trusted) {
  const family = net.isIP(address);
  // BlockList.check answers false for what is not an address, so the first test only spares the call (its mutant is equivalent).
  return family !== 0 && trusted.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address. Without trusted proxies: the connection's. With them: X-Forwarded-For
 * read from the right (each proxy appends the address it was connected from), skipping the
 * trusted proxies; the first other address is the client. What a client writes into the header
 * itself stands to the left of that and is never read.
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {net.BlockList | null} trusted
 */
export function clientAddress(socketAddress, forwardedFor, trusted) {
  const socket = plain(socketAddress ?? "unknown");
  if (!trusted) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [
    ...header
      .split(",")
      .map((hop) => plain(hop.trim()))
      .filter(Boolean),
    socket,
  ];
  // i >= 0 would read the same: the leftmost address is the answer whether or not it is trusted.
  for (let i = chain.length - 1; i > 0; i--) if (!isTrusted(chain[i], trusted)) return chain[i].slice(0, 64);
  return chain[0].slice(0, 64);
}

// ───────────────────────── Request bodies ─────────────────────────

/** Any request may carry this much (forms, JSON). */
export const SMALL_BODY_BYTES = 1024 * 1024;
/** The largest upload: the limits next.config.ts gives server actions and the proxy (imports of 50 MB, evidence of 20 MB, and the form around them). */
export const UPLOAD_MAX_BYTES = 60 * 1024 * 1024;

/** The route handlers that take a file (multipart `file`; every one lib/openapi/operations.ts lists, a unit test checks). @param {string} pathname */
const isUploadRoute = (pathname) =>
  /^\/api\/v1\/assessment-periods\/[^/]+\/scores$/.test(pathname) ||
  /^\/api\/v1\/imports\/(results|agencies|users)$/.test(pathname) ||
  /^\/api\/v1\/frameworks\/[^/]+\/import$/.test(pathname);

/**
 * What a request's body may be, from its headers alone: "small" (up to 1 MiB, anyone), "upload"
 * (larger, only a POST to a server action or an import route, from a signed-in user), or
 * "refused". A body of unknown length (chunked) counts as large.
 * @param {{ method?: string; url?: string; headers: import("node:http").IncomingHttpHeaders }} request
 * @returns {"small" | "upload" | "refused"}
 */
// With no method or URL, any default but POST and an import route reads the same (Stryker's mutants of the defaults are equivalent).
export function bodyClass({ method = "GET", url = "/", headers }) {
  const length = headers["content-length"];
  const size = length !== undefined ? Number(length) : headers["transfer-encoding"] ? Infinity : 0;
  if (size <= SMALL_BODY_BYTES) return "small";
  if (size > UPLOAD_MAX_BYTES) return "refused";
  const pathname = url.split("?")[0];
  const upload = method === "POST" && (headers["next-action"] !== undefined || isUploadRoute(pathname));
  return upload ? "upload" : "refused";
}

export const BODY_REFUSED =
  "Nội dung gửi lên quá lớn. Chỉ người đã đăng nhập mới tải tệp lên được (tệp nhập tối đa 50 MB, minh chứng tối đa 20 MB); các yêu cầu khác tối đa 1 MB.";

/**
 * Whether the request carries a session cookie of the portal that is still valid (signed with
 * AUTH_SECRET, not expired). Who the user is and what they may do is decided later, by the app.
 * @param {import("node:http").IncomingHttpHeaders} headers
 */
export async function signedIn(headers) {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return false;
  const req = { headers: /** @type {Record<string, string>} */ ({ cookie: String(headers.cookie ?? "") }) };
  const quiet = { error() {}, warn() {}, debug() {} };
  for (const secureCookie of [false, true]) {
    if (await getToken({ req, secret, secureCookie, logger: quiet })) return true;
  }
  return false;
}
