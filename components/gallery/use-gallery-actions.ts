"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { useProblemText } from "@/components/ui/problem";
import { addToCollectionAction } from "@/lib/actions/add-to-collection";
import { createCollectionAction } from "@/lib/actions/create-collection";
import { deleteGenerationAction } from "@/lib/actions/delete-generation";
import { deleteImageAction } from "@/lib/actions/delete-image";
import { deleteImagesAction } from "@/lib/actions/delete-images";
import { favoriteImageAction } from "@/lib/actions/favorite-image";
import { removeFromCollectionAction } from "@/lib/actions/remove-from-collection";
import { retryGenerationAction } from "@/lib/actions/retry-generation";
import type { ActionState } from "@/lib/actions/action";
import type { DiscussionDTO } from "@/lib/data/comments";
import type { CollectionOptionDTO } from "@/lib/data/collections";
import type { Deleted } from "@/lib/data/gallery/types";
import type { GalleryUpdate } from "./gallery-state";

interface Options {
  /** Applies a change the server confirmed to the page's copy of the gallery. */
  onUpdate: (update: GalleryUpdate) => void;
  /** Tells the person (through an aria-live region) what happened. */
  announce: (message: string) => void;
}

/**
 * Every gallery change, as the grid, the lightbox, the detail page and the selection bar make it:
 * call the action, then apply what the server confirmed (or say why not). `busy` names the change
 * running, so its button can show it and refuse a second click.
 */
export function useGalleryActions({ onUpdate, announce }: Options) {
  const t = useTranslations("gallery.notice");
  const text = useProblemText();
  const [busy, setBusy] = useState<string | null>(null);

  const run = useCallback(
    async <T,>(key: string, call: () => Promise<ActionState<T>>, done: (data: T) => string | null): Promise<T | null> => {
      setBusy(key);
      try {
        const result = await call();
        if (!result.ok) {
          announce(text(result.problem) ?? t("failed"));
          return null;
        }
        const message = done(result.data as T);
        if (message) announce(message);
        return result.data as T;
      } catch {
        announce(t("offline"));
        return null;
      } finally {
        setBusy(null);
      }
    },
    [announce, t, text],
  );

  const removed = useCallback(
    (data: Deleted, message: string) => {
      onUpdate({ type: "removed", imageIds: data.imageIds, generationIds: data.generationIds });
      return message;
    },
    [onUpdate],
  );
  const deletedImages = (data: Deleted) =>
    removed(data, data.imageIds.length === 1 ? t("deletedImage") : t("deletedImages", { count: data.imageIds.length }));

  return {
    busy,
    announce,
    discussed: (discussion: DiscussionDTO) =>
      onUpdate({
        type: "discussion",
        generationId: discussion.generationId,
        review: discussion.review?.status ?? null,
        commentCount: discussion.comments.length,
      }),
    favorite: (workspace: string, imageId: string, favorite: boolean) =>
      run(`favorite:${imageId}`, () => favoriteImageAction(undefined, { workspace, imageId, favorite }), () => {
        onUpdate({ type: "favorite", imageId, favorite });
        return t(favorite ? "favourited" : "unfavourited");
      }),
    deleteImage: (workspace: string, imageId: string) =>
      run(`delete:${imageId}`, () => deleteImageAction(undefined, { workspace, imageId }), (data: Deleted) =>
        removed(data, t("deletedImage")),
      ),
    deleteGeneration: (workspace: string, generationId: string) =>
      run(`delete:${generationId}`, () => deleteGenerationAction(undefined, { workspace, generationId }), deletedImages),
    deleteImages: (workspace: string, imageIds: string[]) =>
      run("delete:selection", () => deleteImagesAction(undefined, { workspace, imageIds }), deletedImages),
    retry: (workspace: string, generationId: string) =>
      run(`retry:${generationId}`, () => retryGenerationAction(undefined, { workspace, generationId }), () => {
        // It is queued again: it leaves the failed list and comes back as images when it succeeds.
        onUpdate({ type: "removed", imageIds: [], generationIds: [generationId] });
        return t("retried");
      }),
    addToCollection: (workspace: string, collection: CollectionOptionDTO, imageIds: string[]) =>
      run(`collection:${collection.id}`, () => addToCollectionAction(undefined, { workspace, collectionId: collection.id, imageIds }), () => {
        onUpdate({ type: "collection", imageIds, collectionId: collection.id, added: true });
        return t("added", { name: collection.name });
      }),
    removeFromCollection: (workspace: string, collection: CollectionOptionDTO, imageIds: string[]) =>
      run(
        `collection:${collection.id}`,
        () => removeFromCollectionAction(undefined, { workspace, collectionId: collection.id, imageIds }),
        () => {
          onUpdate({ type: "collection", imageIds, collectionId: collection.id, added: false });
          return t("removed", { name: collection.name });
        },
      ),
    createCollection: (workspace: string, name: string, imageIds: string[]) =>
      run(
        "collection:new",
        () => createCollectionAction(undefined, { workspace, name, imageIds: imageIds.length > 0 ? imageIds : undefined }),
        (collection: CollectionOptionDTO) => {
          if (imageIds.length > 0) onUpdate({ type: "collection", imageIds, collectionId: collection.id, added: true });
          return t(imageIds.length > 0 ? "createdWithSelection" : "created", { name: collection.name });
        },
      ),
  };
}

export type GalleryActions = ReturnType<typeof useGalleryActions>;
