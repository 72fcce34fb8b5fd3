import { describe, expect, it } from "vitest";

import { assertStorageKey, InvalidStorageKeyError, MAX_STORAGE_KEY_LENGTH } from "./keys";

describe("assertStorageKey", () => {
  it.each([
    "results/ab/abcdef0123.webp",
    "thumbs/ab/abcdef_512.webp",
    "references/00/x-y.z.png",
    "a",
    `results/${"a".repeat(MAX_STORAGE_KEY_LENGTH - "results/".length)}`,
  ])("accepts %s", (key) => {
    expect(() => assertStorageKey(key)).not.toThrow();
  });

  it.each([
    "",
    "../secret",
    "results/../../etc/passwd",
    "results/./x.png",
    "/etc/passwd",
    "results//x.png",
    "results/x.png/",
    ".hidden",
    "results/.x.png.abc.tmp",
    "-flag",
    "Results/X.png",
    "results\\x.png",
    "C:/x.png",
    "results/x y.png",
    "results/é.png",
    "results/x.png?x=1",
    "results/x~y.png",
    `results/${"a".repeat(MAX_STORAGE_KEY_LENGTH)}`,
  ])("refuses %j", (key) => {
    expect(() => assertStorageKey(key)).toThrow(InvalidStorageKeyError);
  });
});
