/** The languages Atelier speaks. Shared by server and browser code: no server imports here. */
export const locales = ["en", "zh-CN"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Set by the language switcher; read before Accept-Language when nobody is signed in. */
export const LOCALE_COOKIE = "atelier-locale";
/** The browser's IANA time zone, written by the browser so server renders show its local times. */
export const TIME_ZONE_COOKIE = "atelier-tz";

/** Each language in its own name, as the switcher lists them (never translated). */
export const localeNames: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
