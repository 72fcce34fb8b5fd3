import { describe, expect, it } from "vitest";
import { modelProfilesSetting } from "./profile-config";
import { IDEAL_TRAITS, SAFE_TRAITS, modelProfile, resolveProfile } from "./profiles";

const setting = (raw: string | undefined) => modelProfilesSetting.safeParse(raw);

describe("model profiles", () => {
  it("knows gpt-image-2-all without configuration: no n, size ignored, references ≤ 1.5 MB and 1536×1536", () => {
    expect(modelProfile("gpt-image-2-all")).toEqual({
      model: "gpt-image-2-all",
      honoursN: false,
      honoursSize: false,
      maxReferenceBytes: 1_500_000,
      maxReferencePixels: 1536 * 1536,
      price: null,
    });
  });

  it("gives a model nobody described the safe traits", () => {
    expect(resolveProfile("some-new-model", {})).toEqual({ model: "some-new-model", ...SAFE_TRAITS });
  });

  it("lays configured fields over the chosen base", () => {
    const overrides = setting(
      JSON.stringify({
        "gpt-image-1": { like: "ideal", price: { amount: 0.04, currency: "USD", per: "image" } },
        "gpt-image-2-all": { maxReferenceBytes: 1_000_000, price: { amount: 0.1, currency: "CNY", per: "call" } },
      }),
    );
    expect(overrides.success).toBe(true);
    const parsed = overrides.data!;
    expect(resolveProfile("gpt-image-1", parsed)).toEqual({
      model: "gpt-image-1",
      ...IDEAL_TRAITS,
      price: { amount: 0.04, currency: "USD", per: "image" },
    });
    // Without `like`, a model keeps its own built-in and changes only what is named.
    expect(resolveProfile("gpt-image-2-all", parsed)).toMatchObject({
      honoursN: false,
      honoursSize: false,
      maxReferenceBytes: 1_000_000,
      price: { amount: 0.1, currency: "CNY", per: "call" },
    });
  });

  it("treats a blank setting as no overrides", () => {
    expect(setting(undefined).data).toEqual({});
    expect(setting("  ").data).toEqual({});
  });

  it.each([
    ["not JSON", "{honoursN: false}", /must be JSON/],
    ["a typo in a field", '{"m": {"honorsN": false}}', /m: Unrecognized key/],
    ["a bad per", '{"m": {"price": {"amount": 1, "currency": "USD", "per": "month"}}}', /m\.price\.per/],
    ["a tiny reference cap", '{"m": {"maxReferenceBytes": 10}}', /m\.maxReferenceBytes/],
    ["an unknown base", '{"m": {"like": "perfect"}}', /m\.like/],
  ])("refuses %s with a message naming the field", (_, raw, message) => {
    const result = setting(raw);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join("\n")).toMatch(message);
  });
});
