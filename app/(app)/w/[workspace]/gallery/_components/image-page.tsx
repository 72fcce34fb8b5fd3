"use client";

import type { Route } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useState } from "react";
import { applyGalleryUpdate, type GalleryUpdate } from "@/components/gallery/gallery-state";
import { ImageDetail } from "@/components/gallery/image-detail";
import { useGalleryActions } from "@/components/gallery/use-gallery-actions";
import { buttonClass } from "@/components/ui/button";
import { GenerationDiscussion } from "@/components/discussion/generation-discussion";
import type { CollectionOptionDTO } from "@/lib/data/collections";
import type { DiscussionDTO } from "@/lib/data/comments";
import type { GalleryImageView } from "@/lib/data/gallery/types";

interface Props {
  view: GalleryImageView;
  collections: CollectionOptionDTO[];
  discussion: DiscussionDTO;
  galleryHref: Route;
  previousHref: Route | null;
  nextHref: Route | null;
}

/** The detail page's interactive part: the same detail as the lightbox, with ←/→ as page links. */
export function ImagePage({ view, collections: initialCollections, discussion, galleryHref, previousHref, nextHref }: Props) {
  const router = useRouter();
  const t = useTranslations("gallery");
  const titleId = useId();
  const [generation, setGeneration] = useState(view.generation);
  const [collections, setCollections] = useState(initialCollections);
  const [notice, setNotice] = useState("");
  const image = generation.images.find((i) => i.id === view.image.id);

  const onUpdate = useCallback(
    (update: GalleryUpdate) => {
      const [next] = applyGalleryUpdate([generation], update);
      if (next?.images.some((i) => i.id === view.image.id)) return setGeneration(next);
      // This image is gone: on to its neighbour, or back to the gallery.
      router.replace(nextHref ?? previousHref ?? galleryHref);
    },
    [generation, view.image.id, router, nextHref, previousHref, galleryHref],
  );
  const actions = useGalleryActions({ onUpdate, announce: setNotice });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.defaultPrevented || target.closest("input, textarea, select, dialog, [popover]")) return;
      const href = e.key === "ArrowLeft" ? previousHref : e.key === "ArrowRight" ? nextHref : null;
      if (href) router.push(href);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, previousHref, nextHref]);

  if (!image) return null;
  return (
    <>
      <nav aria-label={t("page.back")} className="mb-4 flex items-center gap-2 text-sm">
        <Link href={galleryHref} className="mr-auto font-medium text-ink-soft hover:text-ink">
          ← {t("page.back")}
        </Link>
        {previousHref ? (
          <Link href={previousHref} className={buttonClass("secondary", "px-3 py-1.5")} aria-label={t("lightbox.previous")} rel="prev">
            ← <span className="hidden sm:inline">{t("page.previous")}</span>
          </Link>
        ) : null}
        {nextHref ? (
          <Link href={nextHref} className={buttonClass("secondary", "px-3 py-1.5")} aria-label={t("lightbox.next")} rel="next">
            <span className="hidden sm:inline">{t("page.next")}</span> →
          </Link>
        ) : null}
      </nav>
      <ImageDetail
        generation={generation}
        image={image}
        collections={collections}
        onCollectionCreated={(c) => setCollections((prev) => [...prev, c].sort((a, b) => a.name.localeCompare(b.name)))}
        actions={actions}
        titleId={titleId}
      />
      <p role="status" aria-live="polite" className="mt-4 min-h-5 text-sm text-ink-muted">
        {notice}
      </p>
      <div className="mt-4 border-t border-ink/10 pt-6 lg:max-w-3xl">
        <GenerationDiscussion key={discussion.generationId} workspace={generation.workspace.slug} discussion={discussion} />
      </div>
    </>
  );
}
