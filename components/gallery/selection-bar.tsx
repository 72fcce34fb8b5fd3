"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import type { CollectionOptionDTO } from "@/lib/data/collections";
import { apiUrls } from "@/lib/urls";
import { MAX_BULK_IMAGES } from "@/lib/validations/gallery-filters";
import { CollectionMenu } from "./collection-menu";
import { ConfirmDialog } from "./confirm-dialog";
import type { GalleryActions } from "./use-gallery-actions";

interface Props {
  workspace: string;
  selected: string[];
  /** Whether the viewer may delete every selected image (the server checks again). */
  canDelete: boolean;
  collections: CollectionOptionDTO[] | null;
  /** In a collection's own page: offer to take the selection out of it. */
  collection?: CollectionOptionDTO;
  canCollect: boolean;
  onCollectionCreated: (collection: CollectionOptionDTO) => void;
  onRemovedFromCollection: (imageIds: string[]) => void;
  onSelectAll: () => void;
  onClear: () => void;
  onDone: () => void;
  actions: GalleryActions;
}

const small = buttonClass("secondary", "px-3 py-1.5");

/** What can be done with the selection: a ZIP of the originals, a collection, deletion. */
export function SelectionBar(props: Props) {
  const { workspace, selected, actions } = props;
  const t = useTranslations("gallery.selection");
  const [confirming, setConfirming] = useState(false);
  const count = selected.length;
  const tooMany = count > MAX_BULK_IMAGES;
  const zipHref = apiUrls.zip(workspace, selected);

  return (
    <div
      role="region"
      aria-label={t("label")}
      className="sticky bottom-4 z-10 mt-6 flex flex-wrap items-center gap-2 rounded-card border border-ink/10 bg-paper-raised/95 p-3 shadow-lg backdrop-blur"
      data-testid="selection-bar"
    >
      <p className="mr-2 text-sm font-medium tabular-nums" aria-live="polite" data-testid="selection-count">
        {t("count", { count })}
      </p>
      <button type="button" onClick={props.onSelectAll} className={buttonClass("ghost", "px-3 py-1.5")}>
        {t("selectAll")}
      </button>
      {count > 0 ? (
        <button type="button" onClick={props.onClear} className={buttonClass("ghost", "px-3 py-1.5")}>
          {t("clear")}
        </button>
      ) : null}
      <div className="ml-auto flex flex-wrap items-center gap-2">
        {tooMany ? <p className="text-sm text-danger">{t("tooMany", { max: MAX_BULK_IMAGES })}</p> : null}
        {count > 0 && !tooMany ? (
          <a href={zipHref} download className={small} data-testid="download-zip">
            {t("zip")}
          </a>
        ) : null}
        {count > 0 && !tooMany && props.collections && props.canCollect ? (
          <CollectionMenu
            workspace={workspace}
            collections={props.collections}
            imageIds={selected}
            actions={actions}
            onCreated={props.onCollectionCreated}
            buttonClassName={small}
            placement="above"
          />
        ) : null}
        {count > 0 && !tooMany && props.collection && props.canCollect ? (
          <button
            type="button"
            disabled={actions.busy === `collection:${props.collection.id}`}
            onClick={async () => {
              if (await actions.removeFromCollection(workspace, props.collection!, selected)) props.onRemovedFromCollection(selected);
            }}
            className={small}
          >
            {t("removeFromCollection")}
          </button>
        ) : null}
        {count > 0 && !tooMany ? (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            disabled={!props.canDelete}
            title={props.canDelete ? undefined : t("deleteDenied")}
            className={buttonClass("danger", "px-3 py-1.5")}
          >
            {t("delete")}
          </button>
        ) : null}
        <button type="button" onClick={props.onDone} className={buttonClass("primary", "px-3 py-1.5")}>
          {t("done")}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t("confirm.title", { count })}
        confirmLabel={t("confirm.confirm")}
        busy={actions.busy === "delete:selection"}
        onConfirm={async () => {
          if (await actions.deleteImages(workspace, selected)) setConfirming(false);
        }}
        onClose={() => setConfirming(false)}
      >
        {t("confirm.body")}
      </ConfirmDialog>
    </div>
  );
}
