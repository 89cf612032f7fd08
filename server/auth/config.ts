import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import type { Provider } from "next-auth/providers";
import { LoginBody } from "@/lib/schemas/auth";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { log } from "@/server/log";
import { authenticateWithPassword } from "@/server/features/users/service";
import { findUserByEmail } from "@/server/features/users/repository";
import { recordFailedSignIn, recordSuccessfulSignIn, signInBlockedFor } from "./rate-limit";

export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

/**
 * The client address for the per-address limit: the right-most X-Forwarded-For
 * entry, which is the one the nearest proxy appended (the left-most is whatever
 * the client claimed). Without a proxy in front, Next.js keeps a client-sent
 * header as is, so this limit can be dodged; the per-email limit cannot.
 */
function clientAddress(request: Request | undefined): string {
  const hops =
    request?.headers
      .get("x-forwarded-for")
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  return hops.at(-1) || request?.headers.get("x-real-ip") || "unknown";
}

function providers(): Provider[] {
  const { oauth } = env();
  const list: Provider[] = [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = LoginBody.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const keys = { email, ip: clientAddress(request) };
        const wait = await signInBlockedFor(keys);
        if (wait > 0) {
          log().warn({ event: "signin.rate_limited", retryAfterSeconds: wait }, "sign-in rate limited");
          throw new RateLimitedSignIn();
        }
        const user = await authenticateWithPassword(db(), email, password);
        if (!user) {
          await recordFailedSignIn(keys);
          log().info({ event: "signin.failed" }, "sign-in failed");
          return null;
        }
        await recordSuccessfulSignIn(keys);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ];
  if (oauth.github) list.push(GitHub({ clientId: oauth.github.id, clientSecret: oauth.github.secret }));
  if (oauth.google) list.push(Google({ clientId: oauth.google.id, clientSecret: oauth.google.secret }));
  if (oauth.oidc)
    list.push({
      id: "oidc",
      name: oauth.oidc.name,
      type: "oidc",
      issuer: oauth.oidc.issuer,
      clientId: oauth.oidc.id,
      clientSecret: oauth.oidc.secret,
    });
  return list;
}

/** Names of the OAuth/OIDC buttons to show on the login page. */
export function oauthProviders(): { id: string; name: string }[] {
  const { oauth } = env();
  return [
    ...(oauth.github ? [{ id: "github", name: "GitHub" }] : []),
    ...(oauth.google ? [{ id: "google", name: "Google" }] : []),
    ...(oauth.oidc ? [{ id: "oidc", name: oauth.oidc.name }] : []),
  ];
}

const config = (): NextAuthConfig => ({
  secret: env().authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600, updateAge: 3600 },
  pages: { signIn: "/login", error: "/login" },
  providers: providers(),
  callbacks: {
    /** OAuth/OIDC sign-in only for people Lectern already knows (invited and joined). */
    async signIn({ account, user, profile }) {
      if (!account || account.type === "credentials") return true;
      const email = (profile?.email ?? user.email ?? "").toLowerCase();
      const verified = profile?.email_verified !== false;
      return Boolean(email && verified && (await findUserByEmail(db(), email)));
    },
    async jwt({ token, user, account, trigger, session }) {
      if (user && account) {
        // Map the provider identity to Lectern's own user id.
        const u = account.type === "credentials" ? user : await findUserByEmail(db(), (user.email ?? "").toLowerCase());
        if (u?.id) token.sub = u.id;
        delete token.wsId;
      }
      if (
        trigger === "update" &&
        session &&
        typeof session === "object" &&
        "workspaceId" in session &&
        typeof session.workspaceId === "string"
      ) {
        // Membership was checked by the caller (switchWorkspace); the context re-checks on every request.
        token.wsId = session.workspaceId;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.workspaceId = typeof token.wsId === "string" ? token.wsId : undefined;
      return session;
    },
  },
  logger: {
    error: (e) => log().error({ err: { name: e.name, message: e.message } }, "auth error"),
    warn: (code) => log().warn({ code }, "auth warning"),
    debug: () => {},
  },
});

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth(config);

declare module "next-auth" {
  interface Session {
    workspaceId?: string;
  }
}
