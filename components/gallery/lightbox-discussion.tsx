"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { GenerationDiscussion } from "@/components/discussion/generation-discussion";
import { fetchDiscussion, galleryKeys } from "@/lib/client-data/gallery";
import type { DiscussionDTO } from "@/lib/data/comments";

/**
 * The review and comments of the generation open in the lightbox, fetched when it opens. The
 * discussion keeps its own copy once shown (every change answers with the stored discussion), so
 * it is rendered only from this opening's fetch, never from an older cached answer.
 */
export function LightboxDiscussion({
  workspace,
  generationId,
  onChange,
}: {
  workspace: string;
  generationId: string;
  onChange: (discussion: DiscussionDTO) => void;
}) {
  const t = useTranslations("gallery.lightbox");
  const query = useQuery({
    queryKey: galleryKeys.discussion(workspace, generationId),
    queryFn: ({ signal }) => fetchDiscussion(workspace, generationId, signal),
    refetchOnMount: "always",
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });

  if (query.data && query.isFetchedAfterMount) {
    return <GenerationDiscussion key={generationId} workspace={workspace} discussion={query.data} onChange={onChange} />;
  }
  return (
    <p className="text-sm text-ink-muted" aria-live="polite" data-testid="discussion-loading">
      {t(query.isError ? "discussionError" : "discussionLoading")}
    </p>
  );
}
