import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./negotiate";

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["zh", "zh-CN"],
    ["zh-CN", "zh-CN"],
    ["zh-cn", "zh-CN"],
    ["zh-Hans", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["zh-Hans-HK", "zh-CN"],
    ["zh-SG", "zh-CN"],
    ["zh-TW", "en"],
    ["zh-HK", "en"],
    ["zh-Hant", "en"],
    ["zh-Hant-TW", "en"],
    ["en-US", "en"],
    ["fr-FR", "en"],
    ["*", "en"],
  ])("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it("is English without a header", () => {
    expect(localeFromAcceptLanguage(null)).toBe("en");
    expect(localeFromAcceptLanguage("")).toBe("en");
  });

  it("follows q-values, not the order written", () => {
    expect(localeFromAcceptLanguage("en;q=0.5, zh-CN;q=0.9")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("zh-CN;q=0.4, en-GB;q=0.8")).toBe("en");
  });

  it("keeps the header's order between equal q-values", () => {
    expect(localeFromAcceptLanguage("zh-CN, en")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en, zh-CN")).toBe("en");
  });

  it("skips languages it does not speak and takes the next one asked for", () => {
    expect(localeFromAcceptLanguage("fr-FR, de;q=0.9, zh;q=0.8, en;q=0.7")).toBe("zh-CN");
  });

  it("treats q=0 as a refusal and an unreadable q as no weight", () => {
    expect(localeFromAcceptLanguage("zh-CN;q=0, en;q=0.1")).toBe("en");
    expect(localeFromAcceptLanguage("zh-CN;q=abc")).toBe("en");
  });

  it("takes what a browser really sends", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8,en-GB;q=0.7,en-US;q=0.6")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,zh-CN;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("zh-TW,zh;q=0.9,en-US;q=0.8")).toBe("en");
  });
});
