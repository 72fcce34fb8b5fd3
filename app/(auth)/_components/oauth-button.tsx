"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { useProblemText } from "@/components/ui/problem";
import { signInWithProviderAction } from "@/lib/actions/sign-in-with-provider";

/** One "Continue with …" button; the action answers with a redirect to the provider. */
export function OAuthButton({ provider, callbackUrl }: { provider: { id: string; name: string }; callbackUrl: string }) {
  const t = useTranslations("auth.oauth");
  const [state, action, pending] = useActionState(signInWithProviderAction, undefined);
  const text = useProblemText();
  return (
    <form action={action}>
      <input type="hidden" name="provider" value={provider.id} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <button type="submit" className={buttonClass("secondary", "w-full")} disabled={pending}>
        {t("continueWith", { provider: provider.name })}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-sm text-danger">
          {text(state.fieldProblems?.provider?.[0] ?? state.problem)}
        </p>
      ) : null}
    </form>
  );
}
