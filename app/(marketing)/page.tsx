import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { LocaleSwitcher } from "@/components/ui/locale-switcher";
import { getViewer } from "@/lib/auth";
import { MAX_REFERENCE_IMAGES } from "@/lib/image-api/sizes";
import { appUrls } from "@/lib/urls";

const STEPS = ["references", "prompt", "keep"] as const;

export default async function LandingPage() {
  const [viewer, t] = await Promise.all([getViewer(), getTranslations("common.landing")]);
  return (
    <div className="min-h-dvh">
      <header className="mx-auto flex max-w-5xl items-center justify-between px-6 py-5">
        <span className="text-lg font-semibold tracking-tight">Atelier</span>
        <nav className="flex items-center gap-2">
          <LocaleSwitcher />
          {viewer ? (
            <Link href={appUrls.workspaces} className={buttonClass("primary")}>
              {t("openStudio")}
            </Link>
          ) : (
            <>
              <Link href={appUrls.signIn()} className={buttonClass("ghost")}>
                {t("signIn")}
              </Link>
              <Link href={appUrls.signUp()} className={buttonClass("primary")}>
                {t("getStarted")}
              </Link>
            </>
          )}
        </nav>
      </header>
      <main className="mx-auto max-w-5xl px-6 pb-24 pt-16">
        <h1 className="max-w-2xl text-5xl font-semibold leading-tight tracking-tight">{t("headline")}</h1>
        <p className="mt-5 max-w-xl text-lg text-ink-muted">{t("intro")}</p>
        <div className="mt-8">
          <Link href={viewer ? "/w" : "/sign-up"} className={buttonClass("primary", "px-6 py-3 text-base")}>
            {viewer ? t("goToStudio") : t("startFree")}
          </Link>
        </div>
        <ol className="mt-20 grid gap-6 sm:grid-cols-3">
          {STEPS.map((step, i) => (
            <li key={step} className="rounded-card border border-ink/10 bg-paper-raised p-6">
              <span className="text-sm font-medium text-accent">{t("step", { number: i + 1 })}</span>
              <h2 className="mt-2 text-lg font-semibold">{t(`steps.${step}.title`)}</h2>
              <p className="mt-1 text-sm text-ink-muted">
                {t(`steps.${step}.body`, { max: MAX_REFERENCE_IMAGES, first: "@1", last: `@${MAX_REFERENCE_IMAGES}` })}
              </p>
            </li>
          ))}
        </ol>
      </main>
    </div>
  );
}
