"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { onGenerationFinished } from "@/lib/client-data/live";
import { workspaceUrls } from "@/lib/urls";
import { mayNotify } from "./notifications";

const COUNT_PREFIX = /^\(\d+\) /;

/**
 * Tells a person whose tab is in the background that their generations finished: a count in
 * the tab's title ("(2) Atelier"), cleared when they come back, and a browser notification when
 * they allowed it, which opens the result when clicked.
 */
export function useFinishedNotices(texts: { succeeded: string; failed: string }) {
  const router = useRouter();
  useEffect(() => {
    let unseen = 0;
    const showCount = () => {
      const base = document.title.replace(COUNT_PREFIX, "");
      document.title = unseen > 0 ? `(${unseen}) ${base}` : base;
    };
    const onVisible = () => {
      if (document.visibilityState !== "visible") return;
      unseen = 0;
      showCount();
    };
    const off = onGenerationFinished((generation, workspace) => {
      if (document.visibilityState === "visible") return;
      unseen++;
      showCount();
      if (!mayNotify()) return;
      const notification = new Notification(generation.status === "SUCCEEDED" ? texts.succeeded : texts.failed, {
        body: generation.prompt.slice(0, 120),
        icon: generation.images[0]?.thumbUrl,
        tag: generation.id,
      });
      notification.onclick = () => {
        window.focus();
        router.push(workspaceUrls.generation(workspace, generation.id));
        notification.close();
      };
    });
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      off();
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [router, texts.succeeded, texts.failed]);
}
