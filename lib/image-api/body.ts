import type { ImageApiError } from "./errors";

/**
 * Reads a response body up to maxBytes; past it, cancels the stream and throws onTooLarge(),
 * whose caller aborts the request so the connection is dropped rather than drained.
 */
export async function readCapped(response: Response, maxBytes: number, onTooLarge: () => ImageApiError): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      const error = onTooLarge();
      await reader.cancel().catch(() => undefined);
      throw error;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
