export const FAULT_NAMES = [
  "400",
  "401",
  "403-quota",
  "moderation",
  "429",
  "500",
  "503",
  "html-502",
  "html-504",
  "truncated",
  "empty",
  "hang",
  "expired",
  "not-image",
  "bad-json",
  // The field's own failures (scripts/stand-in/field.ts), on any model.
  "quota-429",
  "saturated",
  "no-channel",
  "safety-500",
  "unknown-error",
  "cf-524",
  "error-200",
  // The connection drops after the request was read: the relay may be generating (and billing).
  "reset",
] as const;

export type FaultName = (typeof FAULT_NAMES)[number];

export function isFaultName(value: unknown): value is FaultName {
  return typeof value === "string" && (FAULT_NAMES as readonly string[]).includes(value);
}

export const FAULT_HEADER = "x-stand-in-fault";

const MARKER = /\[fault:([^\]\s]*)\]/i;
const LATENCY_MARKER = /\[latency:(\d{1,7})\]/i;

/** The `[fault:<name>]` marker in a prompt, as written (unvalidated), or null when there is none. */
export function faultMarker(prompt: string): string | null {
  return MARKER.exec(prompt)?.[1] ?? null;
}

/** The `[latency:<ms>]` marker in a prompt: this call answers after that long instead of the configured latency. */
export function latencyMarker(prompt: string): number | null {
  const ms = LATENCY_MARKER.exec(prompt)?.[1];
  return ms === undefined ? null : Number(ms);
}

/** The prompt without the stand-in's markers, as it is rendered and revised. */
export function stripFaultMarkers(prompt: string): string {
  return prompt.replace(new RegExp(MARKER.source, "gi"), " ").replace(new RegExp(LATENCY_MARKER.source, "gi"), " ");
}

export interface QueuedFault {
  fault: FaultName;
  remaining: number;
}

/**
 * Faults armed server-side for the next calls. UI tests need this form: the app retries with the
 * same prompt and headers it chose itself, so only the server can decide what the Nth call gets.
 */
export class FaultQueue {
  private entries: QueuedFault[] = [];

  push(fault: FaultName, times: number): void {
    this.entries.push({ fault, remaining: times });
  }

  take(): FaultName | null {
    const head = this.entries[0];
    if (!head) return null;
    head.remaining -= 1;
    if (head.remaining <= 0) this.entries.shift();
    return head.fault;
  }

  list(): QueuedFault[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
