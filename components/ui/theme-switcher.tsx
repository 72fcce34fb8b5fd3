"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { THEME_COOKIE, themes, type Theme } from "@/lib/theme";

const A_YEAR = 365 * 24 * 60 * 60;

function apply(theme: Theme) {
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=${A_YEAR}; samesite=lax`;
  const root = document.documentElement;
  if (theme === "system") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", theme);
}

/**
 * System / Light / Dark. The choice applies at once (data-theme on <html>, which app/globals.css
 * maps to a color-scheme) and is kept in a cookie that app/layout.tsx reads, so the next page's
 * first paint already has it.
 */
export function ThemeSwitcher({ initial }: { initial: Theme }) {
  const t = useTranslations("common.theme");
  const [theme, setTheme] = useState(initial);

  function choose(next: Theme) {
    setTheme(next);
    apply(next);
  }

  return (
    <fieldset className="px-3 py-2">
      <legend className="float-left mb-1.5 text-xs font-medium text-ink-muted">{t("label")}</legend>
      <div className="clear-left flex rounded-lg bg-ink/5 p-0.5">
        {themes.map((option) => (
          <label
            key={option}
            className="relative flex-1 rounded-md px-2 py-1 text-center text-xs font-medium text-ink-muted has-checked:bg-paper-raised has-checked:text-ink has-checked:shadow-sm"
          >
            <input type="radio" name="theme" value={option} checked={theme === option} onChange={() => choose(option)} className="absolute inset-0 cursor-pointer appearance-none rounded-md" />
            {t(option)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
