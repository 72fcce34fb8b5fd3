import "server-only";

import { cancelledAmong } from "@/lib/jobs/store";

/** How often this process asks which of its running generations were cancelled. */
const CANCEL_POLL_MS = 1_000;

const watched = new Map<string, () => void>();
let timer: NodeJS.Timeout | undefined;

/**
 * Calls onCancel once when someone cancels this generation. One query per second for every run
 * of the process together, not one per run: a worker holds a hundred of them.
 */
export function watchCancel(generationId: string, onCancel: () => void): () => void {
  watched.set(generationId, onCancel);
  timer ??= setInterval(poll, CANCEL_POLL_MS).unref();
  return () => {
    watched.delete(generationId);
    if (watched.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

let polling = false;

function poll() {
  if (polling) return;
  polling = true;
  cancelledAmong([...watched.keys()])
    .then((ids) => {
      for (const id of ids) {
        watched.get(id)?.();
        watched.delete(id);
      }
    })
    .catch((error: unknown) => console.error("[jobs] cancel check failed:", error))
    .finally(() => {
      polling = false;
    });
}
