import type { Metadata } from "next";
import Link from "next/link";
import { appUrls } from "@/lib/urls";
import { OAuthButtons } from "../_components/oauth-buttons";
import { SignUpForm } from "../_components/sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const callback = typeof callbackUrl === "string" ? callbackUrl : undefined;
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Create your account</h1>
      <p className="mb-6 text-sm text-ink-muted">
        You get a personal studio right away. Then sign in with your new account: we never say here whether an email
        already has one, so nobody can use this form to find out who uses Atelier.
      </p>
      <SignUpForm callbackUrl={callback} />
      <OAuthButtons callbackUrl={callback} />
      <p className="mt-6 text-sm text-ink-muted">
        Already have an account?{" "}
        <Link href={appUrls.signIn(callback)} className="font-medium text-accent hover:underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
