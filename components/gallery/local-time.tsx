"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A date in the reader's own locale and time zone. The server cannot know those, so it renders the
 * UTC date and the browser fills in the local one after hydration (no mismatch either way).
 */
export function LocalTime({ iso, withTime = true }: { iso: string; withTime?: boolean }) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const text = hydrated
    ? new Intl.DateTimeFormat(undefined, withTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" }).format(
        new Date(iso),
      )
    : iso.slice(0, 10);
  return <time dateTime={iso}>{text}</time>;
}
