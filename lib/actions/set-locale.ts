"use server";

import { cookies } from "next/headers";
import { publicAction } from "@/lib/actions/action";
import { getViewer } from "@/lib/auth";
import { setUserLocale } from "@/lib/data/users";
import { env } from "@/lib/env";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { setLocaleSchema } from "@/lib/validations/locale";

const A_YEAR = 365 * 24 * 60 * 60;

/**
 * The language switcher. Anyone may choose: the cookie carries the choice while signed out; a
 * signed-in person's choice is also stored on their account, so it follows them to other
 * browsers and devices. Setting a cookie re-renders the page in the new language.
 */
export const setLocaleAction = publicAction("set-locale", setLocaleSchema, async ({ locale }) => {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: A_YEAR,
    httpOnly: true,
    sameSite: "lax",
    secure: new URL(env.APP_URL).protocol === "https:",
  });
  const viewer = await getViewer();
  if (viewer) await setUserLocale(viewer.id, locale);
  return { ok: true };
});
