import { defaultLocale, type Locale } from "./config";

/**
 * Maps one language tag to the locale we show for it, or null when it says nothing we can use
 * (another language, "*"). Simplified Chinese tags read zh-CN; Traditional ones (zh-TW, zh-HK,
 * zh-Hant-*) read English: showing Simplified to a Traditional reader is not ours to decide.
 */
function localeOfTag(tag: string): Locale | null {
  const parts = tag.toLowerCase().split("-");
  if (parts[0] === "en") return "en";
  if (parts[0] !== "zh") return null;
  const rest = parts.slice(1);
  if (rest.length === 0) return "zh-CN";
  if (rest[0] === "hans") return "zh-CN";
  if (rest[0] === "cn" || rest[0] === "sg") return rest.includes("hant") ? "en" : "zh-CN";
  return "en";
}

/**
 * The locale an Accept-Language header asks for (RFC 9110 §12.5.4): tags in order of their
 * q-values (ties keep the header's order), q=0 meaning "not this one"; the first tag that names a
 * language we speak wins, else English.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(",")
    .map((entry, index) => {
      const [tag = "", ...params] = entry.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return defaultLocale;
}
