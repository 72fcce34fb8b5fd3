"use client";

import { useEffect, useRef } from "react";

/** A ref for an element near the list's end: when it nears the viewport, the next page loads. */
export function useInfiniteSentinel(hasNextPage: boolean, isFetchingNextPage: boolean, fetchNextPage: () => unknown) {
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage || isFetchingNextPage) return;
    // Starts well before the end is in view, so scrolling rarely meets a gap.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void fetchNextPage();
      },
      { rootMargin: "0px 0px 1200px 0px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  return sentinel;
}
