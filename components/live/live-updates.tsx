"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { acquireLiveStream } from "@/lib/client-data/live";
import { useFinishedNotices } from "./use-finished-notices";

/** Mounted once in the signed-in shell: opens the tab's live stream and tells of finished work. */
export function LiveUpdates() {
  const queryClient = useQueryClient();
  const t = useTranslations("common");
  useEffect(() => acquireLiveStream(queryClient), [queryClient]);
  useFinishedNotices({ succeeded: t("finished.succeeded"), failed: t("finished.failed") });
  return null;
}
