import "server-only";
import { createTranslator } from "next-intl";
import { browserLocale } from "./browser-locale";
import { messages } from "./messages";

/**
 * A translator in the browser's language, for server code that is not a render and runs before
 * anyone is signed in (sign-up, Auth.js's createUser event). It needs neither a session nor
 * next-intl's request config, so it also runs in the vitest suites. Renders use getTranslations().
 */
export async function browserTranslator() {
  const locale = await browserLocale();
  return createTranslator({ locale, messages: messages[locale] });
}
