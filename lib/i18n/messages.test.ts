import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import type { useTranslations } from "next-intl";
import { describe, expect, it } from "vitest";
import { locales } from "./config";
import { messages } from "./messages";

/**
 * Both languages say the same things: every key in one catalogue is in the other, and each
 * message takes the same ICU arguments ({count}, {name}, …), so no screen shows a raw key or drops
 * a value in one language. The files on disk are compared too, so a namespace file that exists
 * but is not registered in messages/index.ts is caught.
 */
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      into.add(`<${el.value}>`);
      argumentsOf(el.children, into);
      continue;
    }
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

const icuArguments = (message: string) => [...argumentsOf(parse(message, { requiresOtherClause: true }))].sort();

const flat = Object.fromEntries(locales.map((l) => [l, flatten(messages[l] as unknown as Tree)]));
const dir = path.join(import.meta.dirname, "messages");

describe("message catalogues", () => {
  it("register every namespace file of every language", () => {
    for (const locale of locales) {
      const files = readdirSync(path.join(dir, locale)).filter((f) => f.endsWith(".json"));
      expect(files.map((f) => f.replace(/\.json$/, "")).sort(), locale).toEqual(Object.keys(messages[locale]).sort());
      for (const file of files) {
        const onDisk = JSON.parse(readFileSync(path.join(dir, locale, file), "utf8"));
        expect(messages[locale][file.replace(/\.json$/, "") as keyof (typeof messages)["en"]], `${locale}/${file}`).toEqual(onDisk);
      }
    }
  });

  it("have the same keys in every language", () => {
    const [first, ...rest] = locales;
    for (const locale of rest) {
      const missing = [...flat[first]!.keys()].filter((k) => !flat[locale]!.has(k));
      const extra = [...flat[locale]!.keys()].filter((k) => !flat[first]!.has(k));
      expect({ missing, extra }, `${locale} against ${first}`).toEqual({ missing: [], extra: [] });
    }
  });

  it("are valid ICU messages taking the same arguments in every language", () => {
    const [first, ...rest] = locales;
    for (const [key, message] of flat[first]!) {
      const expected = icuArguments(message);
      for (const locale of rest) {
        const other = flat[locale]!.get(key);
        if (other === undefined) continue;
        expect(icuArguments(other), `${locale} ${key}`).toEqual(expected);
      }
    }
  });

  it("write no number into a message text (ICU {n, number} or a plural instead)", () => {
    for (const locale of locales) {
      for (const [key, message] of flat[locale]!) {
        const literals = parse(message).filter((el) => el.type === TYPE.literal).map((el) => (el as { value: string }).value);
        expect(literals.join(" "), `${locale} ${key}`).not.toMatch(/\d/);
      }
    }
  });
});

describe("the parity checks themselves", () => {
  it("see a missing key and a changed argument", () => {
    expect([...flatten({ a: { b: "x" } }).keys()]).toEqual(["a.b"]);
    expect(icuArguments("{count, plural, one {# image} other {# images by {name}}}")).toEqual(["count", "name"]);
    expect(icuArguments("<b>{name}</b> joined")).toEqual(["<b>", "name"]);
    expect(icuArguments("{n} 张")).not.toEqual(icuArguments("{count} 张"));
  });
});

// Typed keys (lib/i18n/app-config.ts): tsc, which type-checks this file, fails if these stop failing.
export function typedKeys(t: ReturnType<typeof useTranslations<"common">>) {
  // @ts-expect-error a key the English catalogue does not have
  t("no-such-key");
  // @ts-expect-error a namespace that does not exist
  const other: ReturnType<typeof useTranslations<"no-such-namespace">> = t;
  return [t("language"), other];
}
