import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { appUrls } from "@/lib/urls";

/** Revoked, expired and never-existing links all look like this, so none can be told apart. */
export default async function ShareNotFound() {
  const t = await getTranslations("share.notFound");
  return (
    <div className="flex flex-col items-center py-16 text-center">
      <p className="text-sm font-medium text-accent">{404}</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-3 max-w-md text-ink-muted">{t("body")}</p>
      <Link href={appUrls.home} className={buttonClass("secondary", "mt-8")}>
        {t("home")}
      </Link>
    </div>
  );
}
