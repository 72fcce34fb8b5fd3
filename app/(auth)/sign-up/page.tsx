import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { appUrls } from "@/lib/urls";
import { OAuthButtons } from "../_components/oauth-buttons";
import { SignUpForm } from "../_components/sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signUp"))("metaTitle") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const [{ callbackUrl }, t] = await Promise.all([searchParams, getTranslations("auth.signUp")]);
  const callback = typeof callbackUrl === "string" ? callbackUrl : undefined;
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mb-6 text-sm text-ink-muted">{t("intro")}</p>
      <SignUpForm callbackUrl={callback} />
      <OAuthButtons callbackUrl={callback} />
      <p className="mt-6 text-sm text-ink-muted">
        {t("haveAccount")}{" "}
        <Link href={appUrls.signIn(callback)} className="font-medium text-accent hover:underline">
          {t("signIn")}
        </Link>
      </p>
    </>
  );
}
