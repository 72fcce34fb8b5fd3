"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import type { CollectionOptionDTO } from "@/lib/data/collections";
import type { GalleryGenerationDTO, GalleryImageDTO } from "@/lib/data/gallery/types";
import { ImageDetail } from "./image-detail";
import type { GalleryActions } from "./use-gallery-actions";

// The review and comments load after the image they are about, in their own chunk.
const LightboxDiscussion = dynamic(() => import("./lightbox-discussion").then((m) => m.LightboxDiscussion), { ssr: false });

interface Props {
  generation: GalleryGenerationDTO;
  image: GalleryImageDTO;
  /** Where it sits among the loaded images, for "3 of 120". */
  position: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onNavigate: (imageId: string) => void;
  onClose: () => void;
  collections: CollectionOptionDTO[] | null;
  onCollectionCreated: (collection: CollectionOptionDTO) => void;
  actions: GalleryActions;
  showWorkspace?: boolean;
  /** The page's live announcements, which must sit inside the modal to be seen and heard. */
  notice: ReactNode;
}

const navButton =
  "flex size-11 items-center justify-center rounded-full bg-paper-raised text-xl text-ink shadow-md ring-1 ring-ink/10 hover:bg-paper-sunk disabled:opacity-30";

/**
 * The detail over the grid, on a native modal <dialog>: the page behind is inert (focus stays in
 * here), Escape closes it, ←/→ step through the loaded images. Closing gives focus back to the
 * grid (the opener re-focuses the tile of the image last shown).
 */
export function Lightbox(props: Props) {
  const { generation, image, position, total, hasPrevious, hasNext, onPrevious, onNext, onClose } = props;
  const t = useTranslations("gallery.lightbox");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  // Set when the lightbox itself goes away: the `close` event that follows is not the person's.
  const unmounting = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      unmounting.current = true;
      dialog?.close();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    const target = e.target as HTMLElement;
    // Keys typed into a field, or meant for a confirmation or menu opened on top, are theirs.
    if (target.closest("dialog") !== ref.current || target.closest("[popover]") || target.matches("input, textarea, select")) return;
    if (e.key === "ArrowLeft" && hasPrevious) {
      e.preventDefault();
      onPrevious();
    } else if (e.key === "ArrowRight" && hasNext) {
      e.preventDefault();
      onNext();
    }
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      // Escape closes the dialog however the browser does it (Chromium's close watcher may skip the
      // `cancel` event), so the page follows its `close`, as the share and confirm dialogs do.
      onClose={() => {
        if (!unmounting.current) onClose();
      }}
      className="m-0 h-dvh max-h-none w-screen max-w-none overflow-y-auto bg-paper p-0 text-ink backdrop:bg-ink/70"
      data-testid="lightbox"
    >
      <div className="mx-auto flex min-h-full max-w-[96rem] flex-col gap-4 p-4 sm:p-6">
        <div className="flex items-center gap-3">
          <button type="button" onClick={onClose} className={navButton} aria-label={t("close")}>
            <span aria-hidden>×</span>
          </button>
          <p className="text-sm tabular-nums text-ink-muted" aria-live="polite">
            {t("position", { position, total })}
            {total > 1 ? <span className="sr-only">{t("keys")}</span> : null}
          </p>
          <div className="ml-auto flex gap-2">
            <button type="button" onClick={onPrevious} disabled={!hasPrevious} className={navButton} aria-label={t("previous")}>
              <span aria-hidden>←</span>
            </button>
            <button type="button" onClick={onNext} disabled={!hasNext} className={navButton} aria-label={t("next")}>
              <span aria-hidden>→</span>
            </button>
          </div>
        </div>
        <ImageDetail
          key={image.id}
          generation={generation}
          image={image}
          collections={props.collections}
          onCollectionCreated={props.onCollectionCreated}
          actions={props.actions}
          onNavigate={props.onNavigate}
          showWorkspace={props.showWorkspace}
          titleId={titleId}
        />
        {/* Keyed by generation, not image: stepping between siblings keeps the discussion (and a half-typed comment). */}
        <div className="border-t border-ink/10 pt-6 lg:max-w-3xl">
          <LightboxDiscussion
            key={generation.id}
            workspace={generation.workspace.slug}
            generationId={generation.id}
            onChange={props.actions.discussed}
          />
        </div>
      </div>
      {props.notice}
    </dialog>
  );
}
