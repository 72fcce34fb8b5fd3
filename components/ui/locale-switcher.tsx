"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { setLocaleAction } from "@/lib/actions/set-locale";
import { localeNames, locales } from "@/lib/i18n/config";

/**
 * The language switcher: each language in its own name, so a person who cannot read the current
 * one still finds theirs. Choosing submits at once; the action's cookie re-renders the page.
 */
export function LocaleSwitcher({ className = "" }: { className?: string }) {
  const locale = useLocale();
  const t = useTranslations("common");
  const [, formAction, pending] = useActionState(setLocaleAction, undefined);
  return (
    <form action={formAction} className={className}>
      <select
        key={locale}
        name="locale"
        defaultValue={locale}
        aria-label={t("language")}
        aria-busy={pending}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="rounded-lg border border-ink/15 bg-paper-raised px-2 py-1 text-sm text-ink-soft hover:border-ink/30"
      >
        {locales.map((option) => (
          <option key={option} value={option} lang={option}>
            {localeNames[option]}
          </option>
        ))}
      </select>
    </form>
  );
}
