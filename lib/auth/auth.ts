// Auth.js (next-auth v5) wiring: Credentials provider, JWT session holding only the user id.
// Role and unit are read from the database on every request (lib/auth/actor.ts), so that a
// disabled account or a changed role takes effect at once.
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { checkCredentials } from "./credentials";
import { endSessions, SECURE_COOKIES, SESSION_IDLE_HOURS, sessionExpired } from "./session";
import { clientIp } from "./throttle";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
export class TooManyAttempts extends CredentialsSignin {
  code = "throttled";
  constructor(public retryAfterMinutes: number) {
    super();
  }
}

declare module "next-auth" {
  interface Session {
    /** The user's session version when this session signed in (lib/auth/session.ts). */
    sessionVersion?: number;
  }
}

export const { handlers, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_IDLE_HOURS * 60 * 60 },
  pages: { signIn: "/dang-nhap" },
  useSecureCookies: SECURE_COOKIES,
  logger: {
    // A wrong password or a locked account is an answer to the user (the sign-in form says it, the
    // login_attempt table records it), not a server error: no stack trace in the log for it.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      const cause = (error as { cause?: { err?: unknown } }).cause?.err;
      console.error(`[auth][error] ${error.name}: ${error.message}`, ...(cause instanceof Error ? [cause] : []));
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Mật khẩu", type: "password" } },
      async authorize(credentials, request) {
        const outcome = await checkCredentials(db, credentials, clientIp(request.headers));
        if (outcome.ok) return { id: String(outcome.userId), email: outcome.email, name: outcome.name, sessionVersion: outcome.sessionVersion };
        if (outcome.reason === "throttled") throw new TooManyAttempts(outcome.retryAfterMinutes);
        throw new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    // Runs on sign-in (with `user`) and on every read of the session; null ends the session and clears the cookie.
    jwt({ token, user }) {
      if (user?.id) {
        return {
          ...token,
          uid: user.id,
          sv: (user as { sessionVersion?: number }).sessionVersion ?? 0,
          signedInAt: Math.floor(Date.now() / 1000),
        };
      }
      return sessionExpired(token.signedInAt) ? null : token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sv === "number") session.sessionVersion = token.sv;
      return session;
    },
  },
  events: {
    // Signing out ends the session everywhere: a copy of the cookie stops working too.
    async signOut(message) {
      const uid = "token" in message ? Number(message.token?.uid) : NaN;
      if (Number.isInteger(uid) && uid > 0) await endSessions(db, uid);
    },
  },
});
