import "server-only";

import { getHub, type TabMessage } from "@/lib/live/hub";

/** Keeps proxies from closing an idle stream and finds tabs that went away without a word. */
export const HEARTBEAT_MS = 15_000;
/**
 * A stream is closed after this long and the browser reconnects (with the cookie it has then):
 * the session behind a long-open stream is checked again, and a signed-out tab stops hearing.
 */
export const STREAM_LIFETIME_MS = 10 * 60_000;
/** How long the browser waits before reconnecting (the SSE `retry` field). */
const RETRY_MS = 2_000;

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: compression would buffer the stream; X-Accel-Buffering: nginx would too.
  "Cache-Control": "no-store, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
};

const frame = (message: TabMessage) =>
  message.type === "change" ? `event: change\ndata: ${JSON.stringify(message.change)}\n\n` : `event: ${message.type}\ndata: {}\n\n`;

/**
 * The viewer's Server-Sent Events stream: `ready` once the hub is listening (the browser re-reads
 * what it shows then, covering anything that changed while it connected), then `change`, `relay`
 * (the relay's backoff started or ended) and `resync` events, and a comment line as a heartbeat.
 */
export function liveStream(userId: string, signal: AbortSignal): Response {
  const encoder = new TextEncoder();
  let stop: () => void = () => undefined;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const timers: NodeJS.Timeout[] = [];
      let remove: () => void = () => undefined;
      stop = () => {
        if (!open) return;
        open = false;
        timers.forEach(clearInterval);
        remove();
        try {
          controller.close();
        } catch {
          // already closed by the client's disconnect
        }
      };
      signal.addEventListener("abort", stop);
      write(`retry: ${RETRY_MS}\n\n`);
      try {
        remove = await getHub().add(userId, (message) => write(frame(message)));
      } catch {
        // The browser retries and polls meanwhile.
        stop();
        return;
      }
      if (!open) return remove();
      write("event: ready\ndata: {}\n\n");
      timers.push(setInterval(() => write(": heartbeat\n\n"), HEARTBEAT_MS));
      timers.push(setTimeout(stop, STREAM_LIFETIME_MS));
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, { headers: SSE_HEADERS });
}
