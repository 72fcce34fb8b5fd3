import type { GenerationStatus, SlotStatus } from "@/lib/generated/prisma/enums";

const UNSETTLED: ReadonlySet<SlotStatus> = new Set(["QUEUED", "RUNNING"]);

export const isSlotSettled = (status: SlotStatus) => !UNSETTLED.has(status);

/**
 * A generation's status once a run is over, derived from its slots (the one rule; the schema's
 * comment on Generation says the same): SUCCEEDED when at least one image was kept ("3 of 4" is a
 * SUCCEEDED generation with one FAILED slot, and the card says so), FAILED when none was. While
 * any slot is unsettled the generation stays as its queue state says (QUEUED waiting for a worker,
 * RUNNING while one has it), so this returns null.
 */
export function settledStatus(slots: readonly { status: SlotStatus }[]): Extract<GenerationStatus, "SUCCEEDED" | "FAILED"> | null {
  if (slots.some((s) => !isSlotSettled(s.status))) return null;
  return slots.some((s) => s.status === "SUCCEEDED") ? "SUCCEEDED" : "FAILED";
}

/**
 * How one run asks for its queued slots: a model that honours `n` gets one call for all of them,
 * any other one call per slot with n = 1 (the body otherwise the same).
 */
export function planCalls(queuedIndexes: readonly number[], honoursN: boolean): number[][] {
  if (queuedIndexes.length === 0) return [];
  return honoursN ? [[...queuedIndexes]] : queuedIndexes.map((i) => [i]);
}
