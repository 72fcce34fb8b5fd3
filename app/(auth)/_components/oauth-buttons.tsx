import { oauthProviders } from "@/lib/auth";
import { env } from "@/lib/env";
import { safeReturnPath } from "@/lib/http/return-path";
import { OAuthButton } from "./oauth-button";

/** GitHub / Google, when configured; they return to the same place the form would (an invite, say). */
export function OAuthButtons({ callbackUrl }: { callbackUrl?: string }) {
  if (oauthProviders.length === 0) return null;
  const redirectTo = safeReturnPath(callbackUrl, env.APP_URL);
  return (
    <div className="mt-6 space-y-2 border-t border-ink/10 pt-6">
      {oauthProviders.map((p) => (
        <OAuthButton key={p.id} provider={{ id: p.id, name: p.name }} callbackUrl={redirectTo} />
      ))}
    </div>
  );
}
