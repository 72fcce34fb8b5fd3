import type { ModelProfile } from "@/lib/image-api/profiles";

/** What the Create form needs of a model's profile to estimate a request. */
export type ModelPricing = Pick<ModelProfile, "model" | "honoursN" | "price">;

export interface Estimate {
  images: number;
  /** Calls to the endpoint: one for a model that honours `n`, else one per image. */
  calls: number;
  /** Null when the model has no configured price: counts are shown without money. */
  cost: { amount: number; currency: string } | null;
}

export function estimateRequest(pricing: ModelPricing | undefined, n: number): Estimate {
  const calls = pricing?.honoursN === false ? n : 1;
  const price = pricing?.price ?? null;
  if (!price) return { images: n, calls, cost: null };
  return { images: n, calls, cost: { amount: price.amount * (price.per === "image" ? n : calls), currency: price.currency } };
}

/** Money through Intl: two decimals as usual, more when a price is a fraction of a cent. */
export function formatMoney(amount: number, currency: string, locale = "en"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(amount);
}
