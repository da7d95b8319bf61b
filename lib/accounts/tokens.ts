// One-time links to set a password (an invitation or a reset). The link carries
// `selector.secret`: the selector (96 random bits) finds the row, the secret (256 random bits) is
// never stored, only the SHA-256 of it, compared in constant time. A link is good for 72 hours,
// once, and only while it is the user's newest.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const LINK_VALID_HOURS = 72;
/** The page behind every link. */
export const SET_PASSWORD_PATH = "/dat-mat-khau";

export type NewToken = { token: string; selector: string; tokenHash: string };

const hashOf = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");

export function newToken(): NewToken {
  const selector = randomBytes(12).toString("base64url");
  const secret = randomBytes(32).toString("base64url");
  return { token: `${selector}.${secret}`, selector, tokenHash: hashOf(secret) };
}

/** The parts of a token as a link carries it, or null for anything that cannot be one. */
export function splitToken(token: string): { selector: string; secret: string } | null {
  const match = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { selector: match[1], secret: match[2] } : null;
}

/** Whether a secret is the one whose hash was stored, in time that does not depend on where they differ. */
export function secretMatches(storedHash: string, secret: string): boolean {
  const stored = Buffer.from(storedHash, "hex");
  const given = Buffer.from(hashOf(secret), "hex");
  return stored.length === given.length && timingSafeEqual(stored, given);
}

export function expiryOf(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + LINK_VALID_HOURS * 3_600_000);
}

export type TokenRow = { tokenHash: string; expiresAt: Date; usedAt: Date | null; supersededAt: Date | null };
export type TokenState = "valid" | "unknown" | "used" | "superseded" | "expired";

/** What a link is worth now. A wrong secret for a real selector is "unknown", like a made-up link. */
export function tokenState(row: TokenRow | null, secret: string, now: Date): TokenState {
  if (!row || !secretMatches(row.tokenHash, secret)) return "unknown";
  if (row.usedAt) return "used";
  if (row.supersededAt) return "superseded";
  if (now.getTime() >= row.expiresAt.getTime()) return "expired";
  return "valid";
}

/** The page a link opens, relative to the portal's address. */
export function linkPath(token: string): string {
  return `${SET_PASSWORD_PATH}?token=${encodeURIComponent(token)}`;
}
