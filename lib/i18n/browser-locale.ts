import "server-only";
import { cookies, headers } from "next/headers";
import { isLocale, LOCALE_COOKIE, TIME_ZONE_COOKIE, type Locale } from "./config";
import { localeFromAcceptLanguage } from "./negotiate";

// Nothing here knows who is signed in (lib/auth itself uses it: no import cycle).

/** The language of this browser, whoever is signed in: the switcher's cookie, else Accept-Language. */
export async function browserLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser's time zone from its cookie (components/ui/time-zone-cookie.tsx), else UTC. The server
 * and the browser then format dates in the same zone, so hydration never sees two texts; the very
 * first page a browser loads shows UTC, every later one its own zone.
 */
export async function requestTimeZone(): Promise<string> {
  const zone = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return zone && isTimeZone(zone) ? zone : "UTC";
}
