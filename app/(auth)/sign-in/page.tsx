import type { Metadata } from "next";
import Link from "next/link";
import { appUrls } from "@/lib/urls";
import { OAuthButtons } from "../_components/oauth-buttons";
import { SignInForm } from "../_components/sign-in-form";
import { SIGNED_UP_NOTICE, signInThrottledMessage, signInThrottleMs } from "@/lib/validations/auth";

export const metadata: Metadata = { title: "Sign in" };

type Search = { callbackUrl?: string; error?: string; code?: string; signedUp?: string };

/** Auth.js's own sign-in route (and OAuth) come back here with `error` and `code` when they fail. */
function noticeFor({ error, code, signedUp }: Search): { message: string; ok?: boolean } | undefined {
  if (signedUp === "1" && !error) return { message: SIGNED_UP_NOTICE, ok: true };
  if (!error) return undefined;
  const throttled = signInThrottleMs(code);
  if (throttled !== null) return { message: signInThrottledMessage(throttled) };
  return { message: error === "CredentialsSignin" ? "Wrong email or password." : "Signing in did not work. Please try again." };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const { callbackUrl } = search;
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Sign in</h1>
      <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} notice={noticeFor(search)} />
      <OAuthButtons callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
      <p className="mt-6 text-sm text-ink-muted">
        New here?{" "}
        <Link href={appUrls.signUp()} className="font-medium text-accent hover:underline">
          Create an account
        </Link>
      </p>
    </>
  );
}
