"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { acquireLiveStream } from "@/lib/client-data/live";
import { useFinishedNotices } from "./use-finished-notices";

const TEXTS = { succeeded: "Your image is ready", failed: "A generation failed" };

/** Mounted once in the signed-in shell: opens the tab's live stream and tells of finished work. */
export function LiveUpdates() {
  const queryClient = useQueryClient();
  useEffect(() => acquireLiveStream(queryClient), [queryClient]);
  useFinishedNotices(TEXTS);
  return null;
}
