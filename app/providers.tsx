"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { z } from "zod";

// zod probes for eval (`Function("")`) before its first parse to decide whether to compile
// parsers; the page CSP forbids eval, so the probe would only log a violation. Parse without it.
z.config({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  // One QueryClient per browser session, created lazily so server renders never share one.
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: true } } }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
