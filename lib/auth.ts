import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { redirect } from "next/navigation";
import { cache } from "react";
import { checkCredentials } from "@/lib/data/sign-in-attempts";
import { ensurePersonalWorkspace, findUserById, firstName } from "@/lib/data/users";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { safeReturnPath } from "@/lib/http/return-path";
import { browserTranslator } from "@/lib/i18n/translator";
import { appUrls } from "@/lib/urls";
import { signInThrottleCode } from "@/lib/validations/auth";

export interface Viewer {
  id: string;
  name: string | null;
  email: string;
  image: string | null;
}

/** OAuth providers appear only when their credentials are configured. */
export const oauthProviders = [
  ...(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET ? [{ id: "github", name: "GitHub" }] : []),
  ...(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET ? [{ id: "google", name: "Google" }] : []),
] as const;

/** Thrown from authorize(): Auth.js passes it through to signIn() and puts its code in the URL. */
class SignInThrottled extends CredentialsSignin {
  constructor(retryAfterMs: number) {
    super();
    this.code = signInThrottleCode(retryAfterMs);
  }
}

const config: NextAuthConfig = {
  adapter: PrismaAdapter(db),
  secret: env.AUTH_SECRET,
  trustHost: true,
  // Credentials sign-in only works with JWT sessions; authorisation never trusts the token alone:
  // requireUser() re-reads the user, and every workspace check reads the membership.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: appUrls.signIn() },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      // Every path to a password check comes through here (the sign-in action calls signIn(),
      // which builds its request from the action's own headers), so the limits are counted here.
      async authorize(raw, request) {
        const outcome = await checkCredentials(raw, clientAddress(request.headers, env.TRUST_PROXY));
        if (outcome.status === "throttled") throw new SignInThrottled(outcome.retryAfterMs);
        return outcome.status === "ok" ? outcome.user : null;
      },
    }),
    ...(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET
      ? [GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET })]
      : []),
    ...(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET
      ? [Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET })]
      : []),
  ],
  callbacks: {
    // Auth.js's own routes take a callbackUrl too; it gets the same check as the app's forms.
    redirect({ url, baseUrl }) {
      return new URL(safeReturnPath(url, baseUrl, "/"), baseUrl).toString();
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    async createUser({ user }) {
      if (!user.id) return;
      const displayName = user.name ?? user.email ?? "studio";
      const t = await browserTranslator();
      await ensurePersonalWorkspace(user.id, displayName, t("auth.signUp.personalWorkspace", { name: firstName(displayName) }));
    },
  },
};

const nextAuth = NextAuth(config);

export const { handlers, signIn, signOut } = nextAuth;

/** One session read per request, however many components ask. */
export const auth = cache(nextAuth.auth);

/** The signed-in person, re-read from the database (a deleted account stops at once), or null. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return findUserById(id);
});

/** For pages: the viewer, or a redirect to sign-in. */
export async function requireUser(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(appUrls.signIn());
  return viewer;
}
