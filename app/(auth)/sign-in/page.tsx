import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { appUrls } from "@/lib/urls";
import { OAuthButtons } from "../_components/oauth-buttons";
import { SignInForm } from "../_components/sign-in-form";
import { signInThrottleMs } from "@/lib/validations/auth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("metaTitle") };
}

type Search = { callbackUrl?: string; error?: string; code?: string; signedUp?: string };
type Translate = Awaited<ReturnType<typeof getTranslations<"auth.signIn">>>;
type TranslateErrors = Awaited<ReturnType<typeof getTranslations<"errors">>>;

/**
 * Auth.js's own sign-in route (and OAuth) come back here with `error` and `code` when they fail;
 * a refusal is said in the same words as the form's (the errors catalogue's auth codes).
 */
function noticeFor(t: Translate, errors: TranslateErrors, { error, code, signedUp }: Search): { message: string; ok?: boolean } | undefined {
  if (signedUp === "1" && !error) return { message: t("signedUp"), ok: true };
  if (!error) return undefined;
  const throttled = signInThrottleMs(code);
  if (throttled !== null) return { message: errors("auth.throttled", { minutes: Math.max(1, Math.ceil(throttled / 60_000)) }) };
  return { message: error === "CredentialsSignin" ? errors("auth.wrongPassword") : t("failed") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [search, t, errors] = await Promise.all([searchParams, getTranslations("auth.signIn"), getTranslations("errors")]);
  const { callbackUrl } = search;
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} notice={noticeFor(t, errors, search)} />
      <OAuthButtons callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
      <p className="mt-6 text-sm text-ink-muted">
        {t("newHere")}{" "}
        <Link href={appUrls.signUp()} className="font-medium text-accent hover:underline">
          {t("createAccount")}
        </Link>
      </p>
    </>
  );
}
