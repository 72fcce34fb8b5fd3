import { signIn } from "@/lib/auth";
import { oauthProviders } from "@/lib/auth";
import { buttonClass } from "@/components/ui/button";

export function OAuthButtons() {
  if (oauthProviders.length === 0) return null;
  return (
    <div className="mt-6 space-y-2 border-t border-ink/10 pt-6">
      {oauthProviders.map((p) => (
        <form
          key={p.id}
          action={async () => {
            "use server";
            await signIn(p.id, { redirectTo: "/w" });
          }}
        >
          <button type="submit" className={buttonClass("secondary", "w-full")}>
            Continue with {p.name}
          </button>
        </form>
      ))}
    </div>
  );
}
