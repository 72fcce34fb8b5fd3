import type { Messages } from "./messages";

/**
 * A failed image (or generation) as it is stored and sent to the page: its class (lib/image-api
 * FAILURE_CLASSES, or an app-side code such as not_configured) and, when the class's own reason
 * does not say it all, a `detail` key of relay.json with its values ("Asked for {asked}, the
 * service returned {returned}."). The page renders both in the viewer's language (failureText);
 * the stored errorMessage is the same in English, for logs and the public API. Shared by server
 * and browser code: no catalogue is imported here.
 */
export type RelayDetailKey = keyof Messages["relay"]["detail"];
export type RelayCode = Exclude<keyof Messages["relay"], "detail">;

export interface FailureDetail {
  key: RelayDetailKey;
  params?: Record<string, string | number>;
}

export interface FailureWords {
  code: string;
  detail?: FailureDetail | null;
}

/** What failureText needs of a translator for the `relay` namespace (next-intl's, or createTranslator's). */
export interface RelayT {
  (key: string, params?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** The reason and what to do next, in the translator's language; an unknown code reads as "could not be made". */
export function failureText(t: RelayT, failure: FailureWords): { reason: string; next: string } {
  const code = t.has(`${failure.code}.reason`) && failure.code !== "detail" ? failure.code : "unknown";
  const reason = t(`${code}.reason`);
  const next = t(`${code}.next`);
  const detail = failure.detail;
  if (!detail || !t.has(`detail.${detail.key}`)) return { reason, next };
  if (detail.key === "withParam") return { reason: t("detail.withParam", { reason, param: String(detail.params?.param ?? "") }), next };
  return { reason: t(`detail.${detail.key}`, detail.params), next };
}

/** A stored errorDetail column (JSON) read back, or null when it is not one. */
export function asFailureDetail(value: unknown): FailureDetail | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const { key, params } = value as { key?: unknown; params?: unknown };
  if (typeof key !== "string") return null;
  const clean: Record<string, string | number> = {};
  if (params && typeof params === "object" && !Array.isArray(params)) {
    for (const [k, v] of Object.entries(params)) if (typeof v === "string" || typeof v === "number") clean[k] = v;
  }
  return { key: key as RelayDetailKey, ...(Object.keys(clean).length ? { params: clean } : {}) };
}
