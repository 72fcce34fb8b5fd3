"use client";

import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/i18n/config";

const A_YEAR = 365 * 24 * 60 * 60;

/**
 * Tells the server the browser's time zone (lib/i18n/locale.ts reads it), so dates are rendered
 * once, on the server, in the reader's zone, and hydration sees the same text.
 */
export function TimeZoneCookie() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || document.cookie.split("; ").includes(`${TIME_ZONE_COOKIE}=${zone}`)) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${zone}; path=/; max-age=${A_YEAR}; samesite=lax`;
  }, []);
  return null;
}
