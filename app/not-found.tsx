import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { appUrls } from "@/lib/urls";

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-medium text-accent">{404}</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-3 max-w-md text-ink-muted">{t("body")}</p>
      <Link href={appUrls.home} className={buttonClass("secondary", "mt-8")}>
        {t("home")}
      </Link>
    </main>
  );
}
