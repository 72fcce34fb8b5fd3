"use client";

import { useSyncExternalStore } from "react";
import { getLiveState, getServerLiveState, subscribeLiveState } from "@/lib/client-data/live";

/** Whether the tab's live stream is open: views poll only while it is not. */
export function useLiveOpen(): boolean {
  return useSyncExternalStore(subscribeLiveState, getLiveState, getServerLiveState) === "open";
}
