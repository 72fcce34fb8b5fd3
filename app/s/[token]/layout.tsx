import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { LocaleSwitcher } from "@/components/ui/locale-switcher";
import { getViewer } from "@/lib/auth";
import { appUrls } from "@/lib/urls";
import { shareTokenSchema } from "@/lib/validations/share";

/** The public frame of a share page: none of the sharer's workspace chrome. */
export default async function ShareLayout({ children, params }: LayoutProps<"/s/[token]">) {
  const [viewer, { token }, t] = await Promise.all([getViewer(), params, getTranslations("share.header")]);
  const back = shareTokenSchema.safeParse(token).success ? appUrls.share(token) : null;
  return (
    <div className="min-h-dvh">
      <header className="border-b border-ink/10 bg-paper-raised">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <Link href={appUrls.home} className="font-semibold tracking-tight">
            Atelier
          </Link>
          <LocaleSwitcher className="ml-auto" />
          {viewer ? (
            <Link href={appUrls.workspaces} className="text-sm font-medium text-ink-soft hover:text-ink">
              {t("yourStudio")}
            </Link>
          ) : (
            <Link href={appUrls.signIn(back)} className="text-sm font-medium text-ink-soft hover:text-ink">
              {t("signIn")}
            </Link>
          )}
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
