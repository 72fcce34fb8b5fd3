import type { Locale as AtelierLocale } from "./config";
import type { formats } from "./formats";
import type { Messages as AtelierMessages } from "./messages";

// next-intl's typed keys: a key (or namespace) the English catalogue lacks fails the type-check,
// and `useLocale()` / `getLocale()` return our Locale union.
declare module "next-intl" {
  interface AppConfig {
    Locale: AtelierLocale;
    Messages: AtelierMessages;
    Formats: typeof formats;
  }
}
