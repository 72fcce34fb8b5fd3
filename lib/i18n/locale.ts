import "server-only";
import { cache } from "react";
import { getViewer } from "@/lib/auth";
import { findUserLocale } from "@/lib/data/users";
import { browserLocale } from "./browser-locale";
import { isLocale, type Locale } from "./config";

/**
 * The language of this request: the signed-in person's stored choice, else the switcher's cookie,
 * else what the browser asks for, else English. Share pages follow it too, so a visitor reads a
 * shared page in their own language, not the sharer's.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const viewer = await getViewer();
  const stored = viewer ? await findUserLocale(viewer.id) : null;
  return isLocale(stored) ? stored : browserLocale();
});
