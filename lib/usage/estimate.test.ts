import { describe, expect, it } from "vitest";
import { estimateRequest, formatMoney } from "@/lib/usage/estimate";

describe("estimate before submitting", () => {
  it("prices per image by the images asked for, per call by the calls the model needs", () => {
    const perImage = { model: "a", honoursN: true, price: { amount: 0.03, currency: "USD", per: "image" as const } };
    expect(estimateRequest(perImage, 4)).toEqual({ images: 4, calls: 1, cost: { amount: 0.12, currency: "USD" } });
    const perCallIgnoresN = { model: "b", honoursN: false, price: { amount: 0.05, currency: "USD", per: "call" as const } };
    const three = estimateRequest(perCallIgnoresN, 3);
    expect(three.calls).toBe(3);
    expect(three.cost?.amount).toBeCloseTo(0.15);
    const perCallHonoursN = { model: "c", honoursN: true, price: { amount: 0.05, currency: "EUR", per: "call" as const } };
    expect(estimateRequest(perCallHonoursN, 3)).toMatchObject({ calls: 1, cost: { amount: 0.05, currency: "EUR" } });
  });

  it("has no money without a price", () => {
    expect(estimateRequest({ model: "d", honoursN: false, price: null }, 2)).toEqual({ images: 2, calls: 2, cost: null });
  });

  it("formats money with Intl, keeping fractions of a cent", () => {
    expect(formatMoney(0.12, "USD")).toBe("$0.12");
    expect(formatMoney(0.004, "USD")).toBe("$0.004");
    expect(formatMoney(12, "EUR", "de-DE")).toBe("12,00\u00a0€");
  });
});
