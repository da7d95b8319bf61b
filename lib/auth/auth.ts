// Auth.js (next-auth v5) wiring: Credentials provider, JWT session holding only the user id.
// Role and unit are read from the database on every request (lib/auth/actor.ts), so that a
// disabled account or a changed role takes effect at once.
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { checkCredentials } from "./credentials";
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

const secure = process.env.NODE_ENV === "production" && (process.env.AUTH_URL ?? "").startsWith("https://");

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/dang-nhap" },
  useSecureCookies: secure,
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Mật khẩu", type: "password" } },
      async authorize(credentials, request) {
        const outcome = await checkCredentials(db, credentials, clientIp(request.headers));
        if (outcome.ok) return { id: String(outcome.userId), email: outcome.email, name: outcome.name };
        if (outcome.reason === "throttled") throw new TooManyAttempts(outcome.retryAfterMinutes);
        throw new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
});
