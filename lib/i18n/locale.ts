import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getViewer } from "@/lib/auth";
import { findUserLocale } from "@/lib/data/users";
import { isLocale, LOCALE_COOKIE, TIME_ZONE_COOKIE, type Locale } from "./config";
import { localeFromAcceptLanguage } from "./negotiate";

/**
 * The language of this request: the signed-in person's stored choice, else the switcher's cookie,
 * else what the browser asks for, else English. Share pages follow it too, so a visitor reads a
 * shared page in their own language, not the sharer's.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const viewer = await getViewer();
  const stored = viewer ? await findUserLocale(viewer.id) : null;
  if (isLocale(stored)) return stored;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
});

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
