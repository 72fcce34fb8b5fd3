"use client";

import { useTranslations } from "next-intl";
import { failureText, type FailureWords, type RelayT } from "@/lib/i18n/relay";

/**
 * A failed image's reason and what to do next, in the viewer's language, from its stored code and
 * detail (never the stored English errorMessage). Used by the Create page's cards and the gallery.
 */
export function useFailureText() {
  const t = useTranslations("relay") as unknown as RelayT;
  return (failure: FailureWords) => failureText(t, failure);
}
