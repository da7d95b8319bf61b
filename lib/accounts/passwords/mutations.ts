// Passwords: the one place a link to set one is issued, setting one through a link, changing
// one's own, and "forgot my password". A password is hashed (argon2) only here, when a person sets
// it — never at creation or import. Every change ends the user's other sessions
// (lib/auth/session.ts) and is audited without the password or the link.
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { dummyPasswordHash, hashPassword, verifyPassword } from "@/lib/auth/password";
import { endSessions } from "@/lib/auth/session";
import { reserveAttempt } from "@/lib/auth/throttle";
import { writeAudit, type AuditActor } from "@/lib/audit/log";
import { db, type Prisma } from "@/lib/db/client";
import { passwordLinkMail, queueMails } from "@/lib/mail/mutations";
import type { PasswordTokenPurpose } from "@/lib/db/generated/enums";
import { parseInput, ValidationError } from "@/lib/errors";
import { checkPassword, passwordMessage } from "../password-rule";
import { passwordChangeSchema, passwordForgotSchema, passwordSetSchema } from "../schema";
import { landingPath } from "../rules";
import { expiryOf, linkPath, newToken, splitToken, tokenState, type TokenState } from "../tokens";
import type { IssuedLink } from "../types";
import { libTranslator } from "@/lib/i18n/lib-translator";

type Tx = Prisma.TransactionClient;

/**
 * Issues one-time links for users and revokes the ones issued before (the newest link is the only
 * good one). The one place links are made, one or three hundred at once (an import), and mailed:
 * each link is also queued in the outbox, in the user's language.
 */
export async function issuePasswordLinks(
  tx: Tx,
  issuer: AuditActor,
  accounts: readonly { id: number; provinceId: number | null }[],
  purpose: PasswordTokenPurpose,
  now = new Date(),
): Promise<IssuedLink[]> {
  const userIds = accounts.map((a) => a.id);
  await tx.passwordToken.updateMany({ where: { userId: { in: userIds }, usedAt: null, supersededAt: null }, data: { supersededAt: now } });
  const expiresAt = expiryOf(now);
  const tokens = accounts.map(() => newToken());
  await tx.passwordToken.createMany({
    data: accounts.map((account, i) => ({
      userId: account.id,
      purpose,
      selector: tokens[i].selector,
      tokenHash: tokens[i].tokenHash,
      createdById: issuer.id,
      createdAt: now,
      expiresAt,
    })),
  });
  await writeAudit(
    tx,
    issuer,
    accounts.map((account) => ({
      action: purpose === "INVITE" ? "user.invite" : "user.resetPassword",
      entityType: "User",
      entityId: account.id,
      provinceId: account.provinceId,
      newValue: { expiresAt },
    })),
  );
  const links = tokens.map(({ token }) => ({ path: linkPath(token), expiresAt }));
  // The same links by mail, in the outbox of this transaction: sent once it commits (lib/mail).
  const users = await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, name: true, locale: true, provinceId: true } });
  const byId = new Map(users.map((u) => [u.id, u]));
  await queueMails(
    tx,
    accounts.map((account, i) => passwordLinkMail(byId.get(account.id)!, purpose, links[i].path, expiresAt)),
  );
  return links;
}

export async function issuePasswordLink(
  tx: Tx,
  issuer: AuditActor,
  account: { id: number; provinceId: number | null },
  purpose: PasswordTokenPurpose,
): Promise<IssuedLink> {
  const [link] = await issuePasswordLinks(tx, issuer, [account], purpose);
  return link;
}

/** Revokes every open link of a user (disabled, deleted). */
export async function revokePasswordLinks(tx: Tx, userId: number, now = new Date()): Promise<void> {
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null, supersededAt: null }, data: { supersededAt: now } });
}

/** Why a link does not work, in the request's language. */
const tokenMessage = (state: Exclude<TokenState, "valid">) => libTranslator("errors.accounts.token")(state);

async function tokenRow(token: string) {
  const parts = splitToken(token);
  const row = parts ? await db.passwordToken.findUnique({ where: { selector: parts.selector }, include: { user: true } }) : null;
  return { row, secret: parts?.secret ?? "" };
}

/** What a link is worth, for the page it opens (before the user types anything). */
export async function linkStatus(
  token: string,
  now = new Date(),
): Promise<{ state: TokenState; message: string | null; email: string | null; purpose: PasswordTokenPurpose | null }> {
  const { row, secret } = await tokenRow(token);
  const state = row && !row.user.active ? "unknown" : tokenState(row, secret, now);
  if (state !== "valid" || !row) return { state, message: state === "valid" ? null : tokenMessage(state), email: null, purpose: null };
  return { state, message: null, email: row.user.email, purpose: row.purpose };
}

function passwordIssues(password: string, personal: string[], field: string) {
  const verdict = checkPassword(password, personal);
  if (!verdict.ok) throw new ValidationError([{ field, message: passwordMessage(verdict.problem!) }]);
}

/** POST /api/v1/password/set and the page behind the link: a password for the link's user, once. */
export async function setPasswordWithLink(raw: unknown, now = new Date()): Promise<{ email: string; next: string }> {
  const input = parseInput(passwordSetSchema, raw);
  const { row, secret } = await tokenRow(input.token);
  const state = row && !row.user.active ? "unknown" : tokenState(row, secret, now);
  if (state !== "valid" || !row) throw new ValidationError([{ field: "token", message: tokenMessage(state as Exclude<TokenState, "valid">) }]);
  passwordIssues(input.password, [row.user.name, row.user.email], "password");
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    // The link is spent by the first request that gets here; a second one at the same time finds it used.
    const spent = await tx.passwordToken.updateMany({ where: { id: row.id, usedAt: null, supersededAt: null }, data: { usedAt: now } });
    if (spent.count === 0) throw new ValidationError([{ field: "token", message: tokenMessage("used") }]);
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    await endSessions(tx, row.userId);
    await writeAudit(
      tx,
      { id: row.userId, email: row.user.email },
      {
        action: "user.setPassword",
        entityType: "User",
        entityId: row.userId,
        provinceId: row.user.provinceId,
        newValue: { purpose: row.purpose },
      },
    );
  });
  return { email: row.user.email, next: landingPath(row.user) };
}

/** The signed-in user changes their own password: the current one is required; every other session ends. */
export async function changeOwnPassword(actor: Actor, raw: unknown): Promise<void> {
  const input = parseInput(passwordChangeSchema, raw);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
  const ok = await verifyPassword(user.passwordHash ?? (await dummyPasswordHash()), input.currentPassword);
  if (!ok || !user.passwordHash) throw new ValidationError([{ field: "currentPassword", message: libTranslator("errors.accounts")("currentPasswordWrong") }]);
  passwordIssues(input.newPassword, [user.name, user.email], "newPassword");
  if (await verifyPassword(user.passwordHash, input.newPassword)) {
    throw new ValidationError([{ field: "newPassword", message: libTranslator("errors.accounts")("newPasswordSame") }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await revokePasswordLinks(tx, user.id);
    await endSessions(tx, user.id);
    await writeAudit(tx, actor, { action: "user.changePassword", entityType: "User", entityId: user.id, provinceId: actor.provinceId });
  });
}

/**
 * "Quên mật khẩu?": the same answer whether or not the account exists, throttled per address and
 * per e-mail like sign-in (lib/auth/throttle.ts, under its own key so it never locks the sign-in).
 * Without a mail server no link can reach the person, so nothing is issued: the page tells them
 * to ask their province's Home Affairs department, who reset it (the mail of issue 15 hooks in here).
 */
export async function forgotPassword(raw: unknown, ip: string): Promise<void> {
  const input = passwordForgotSchema.safeParse(raw);
  if (!input.success) throw new ValidationError([{ field: "email", message: input.error.issues[0].message }]);
  await reserveAttempt(db, `forgot:${input.data.email}`, ip);
}
