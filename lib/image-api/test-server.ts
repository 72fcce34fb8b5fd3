import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";

/** A throwaway HTTP server for misbehaviour the stand-in does not offer (resets, endless bodies). */
export async function serve(handler: RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A base URL on which nothing listens, for connection-refused cases. */
export async function closedPortUrl(): Promise<string> {
  const { url, close } = await serve(() => undefined);
  await close();
  return url;
}
