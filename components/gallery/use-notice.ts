"use client";

import { useCallback, useEffect, useState } from "react";

export interface NoticeState {
  text: string;
  at: number;
}

/** A short message about what the last action did, cleared after five seconds. */
export function useNotice() {
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const announce = useCallback((text: string) => setNotice({ text, at: Date.now() }), []);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 5000);
    return () => clearTimeout(timer);
  }, [notice]);
  return { notice, announce };
}
