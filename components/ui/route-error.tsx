"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "./button";

/**
 * What a route group shows when a page throws: the text of a server error never reaches the
 * browser (Next sends only its digest), so the person sees a plain sentence, the reference to quote
 * to support, and a retry that re-fetches the segment's server components.
 */
export function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : null;
  const t = useTranslations("common.routeError");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center px-6 py-16 text-center">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-ink-muted">{t("body")}</p>
      {digest ? <p className="mt-2 font-mono text-xs text-ink-muted">{t("reference", { digest })}</p> : null}
      <Button className="mt-6" onClick={retry}>
        {t("retry")}
      </Button>
    </div>
  );
}
