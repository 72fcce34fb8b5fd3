import { getRequestConfig } from "next-intl/server";
import { formats } from "./formats";
import { requestTimeZone } from "./browser-locale";
import { requestLocale } from "./locale";
import { messages } from "./messages";

// No locale in URLs: next-intl asks this once per request (React cache) for the locale and the rest.
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return {
    locale,
    messages: messages[locale],
    formats,
    timeZone: await requestTimeZone(),
    // One "now" per request, handed to the browser by NextIntlClientProvider: relative times
    // ("3 minutes ago") read the same in the server render and at hydration.
    now: new Date(),
  };
});
