"use client";

import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useState } from "react";

function Greeting() {
  const { data } = useQuery({ queryKey: ["greeting"], queryFn: async () => "A paragraph rendered by a client component through TanStack Query." });
  return <p>{data ?? "…"}</p>;
}

export function Hello() {
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <Greeting />
    </QueryClientProvider>
  );
}
