"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type Dispatch } from "react";
import { MAX_UPLOAD_BYTES } from "@/lib/images/limits";
import { MAX_REFERENCE_IMAGES, REFERENCE_LABEL_MAX_LENGTH } from "@/lib/validations/generation-limits";
import type { ReferenceSlot } from "./use-studio-draft";

type Move = { type: "move"; from: number; to: number };
type Remove = { type: "remove"; localId: string };
type Label = { type: "label"; localId: string; label: string };

interface Props {
  references: ReferenceSlot[];
  dispatch: Dispatch<Move | Remove | Label>;
  onFiles: (files: File[]) => void;
  /** Uploaded references already on the workspace's library shelf. */
  pinnedIds: ReadonlySet<string>;
  onPin: (slot: ReferenceSlot) => void;
  /** The asset being pinned right now, if any. */
  pinning: string | null;
}

const iconButton =
  "flex size-7 items-center justify-center rounded-md bg-paper-raised/90 text-xs text-ink shadow-sm hover:bg-paper-raised disabled:opacity-40";

export function ReferencePicker({ references, dispatch, onFiles, pinnedIds, onPin, pinning }: Props) {
  const t = useTranslations("studio.references");
  const input = useRef<HTMLInputElement>(null);
  const [dragOver, setDragOver] = useState(false);
  const [dragIndex, setDragIndex] = useState<number | null>(null);
  const full = references.length >= MAX_REFERENCE_IMAGES;

  return (
    <fieldset className="space-y-3">
      <div className="flex items-baseline justify-between">
        <legend className="text-sm font-medium text-ink-soft" id="references-legend">
          {t("legend")}
        </legend>
        <span className="text-sm tabular-nums text-ink-muted" data-testid="reference-count">
          {t("count", { count: references.length, max: MAX_REFERENCE_IMAGES })}
        </span>
      </div>

      {references.length > 0 ? (
        <ol className="grid grid-cols-2 gap-3 min-[420px]:grid-cols-3" aria-label={t("order")}>
          {references.map((ref, i) => (
            <li
              key={ref.localId}
              draggable
              onDragStart={() => setDragIndex(i)}
              onDragOver={(e) => dragIndex !== null && e.preventDefault()}
              onDrop={(e) => {
                if (dragIndex === null) return;
                e.preventDefault();
                e.stopPropagation();
                dispatch({ type: "move", from: dragIndex, to: i });
                setDragIndex(null);
              }}
              className="group relative space-y-1.5"
              data-testid="reference-slot"
            >
              <div className="relative aspect-square overflow-hidden rounded-lg border border-ink/10 bg-paper-sunk">
                {ref.previewUrl ? (
                  // eslint-disable-next-line @next/next/no-img-element -- blob: previews and auth-checked files
                  <img src={ref.previewUrl} alt={t("preview", { position: i + 1, name: ref.fileName })} className="size-full object-cover" />
                ) : (
                  <div role="img" aria-label={t("preview", { position: i + 1, name: ref.fileName })} className="size-full bg-ink/5 motion-safe:animate-pulse" />
                )}
                <span className="absolute left-1.5 top-1.5 rounded bg-ink/75 px-1.5 py-0.5 text-xs font-semibold text-white">
                  @{i + 1}
                </span>
                {ref.status === "uploading" ? (
                  <div className="absolute inset-x-0 top-0 h-1.5 bg-ink/10">
                    <div
                      role="progressbar"
                      aria-label={t("uploadingFile", { name: ref.fileName })}
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-valuenow={Math.round(ref.progress * 100)}
                      className="h-full bg-accent transition-[width]"
                      style={{ width: `${Math.round(ref.progress * 100)}%` }}
                    />
                  </div>
                ) : null}
                <div className="absolute inset-x-1.5 bottom-1.5 flex justify-end gap-1">
                  <button
                    type="button"
                    className={iconButton}
                    aria-label={t("earlier", { name: ref.fileName })}
                    disabled={i === 0}
                    onClick={() => dispatch({ type: "move", from: i, to: i - 1 })}
                  >
                    ←
                  </button>
                  <button
                    type="button"
                    className={iconButton}
                    aria-label={t("later", { name: ref.fileName })}
                    disabled={i === references.length - 1}
                    onClick={() => dispatch({ type: "move", from: i, to: i + 1 })}
                  >
                    →
                  </button>
                  <button
                    type="button"
                    className={iconButton}
                    aria-label={t("remove", { name: ref.fileName })}
                    onClick={() => dispatch({ type: "remove", localId: ref.localId })}
                  >
                    ✕
                  </button>
                </div>
              </div>
              <input
                aria-label={t("labelFor", { position: i + 1 })}
                placeholder={t("labelPlaceholder")}
                maxLength={REFERENCE_LABEL_MAX_LENGTH}
                value={ref.label}
                onChange={(e) => dispatch({ type: "label", localId: ref.localId, label: e.target.value })}
                className="w-full rounded-md border border-ink/10 bg-paper-raised px-2 py-1 text-xs"
              />
              {ref.status === "ready" && ref.assetId ? (
                <button
                  type="button"
                  disabled={pinnedIds.has(ref.assetId) || pinning === ref.assetId}
                  onClick={() => onPin(ref)}
                  aria-label={pinnedIds.has(ref.assetId) ? t("inLibraryLabel", { name: ref.fileName }) : t("pinLabel", { name: ref.fileName })}
                  className="w-full rounded-md px-2 py-0.5 text-xs font-medium text-accent hover:bg-accent-soft disabled:text-ink-muted disabled:hover:bg-transparent"
                >
                  {pinnedIds.has(ref.assetId) ? t("inLibrary") : pinning === ref.assetId ? t("pinning") : t("pin")}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}

      <div
        onDragOver={(e) => {
          if (dragIndex !== null) return;
          e.preventDefault();
          setDragOver(true);
        }}
        onDragLeave={() => setDragOver(false)}
        onDrop={(e) => {
          if (dragIndex !== null) return;
          e.preventDefault();
          setDragOver(false);
          onFiles(Array.from(e.dataTransfer.files));
        }}
        className={`flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-6 text-center text-sm transition-colors ${
          dragOver ? "border-accent bg-accent-soft" : "border-ink/15 bg-paper-raised"
        }`}
        data-testid="reference-dropzone"
      >
        <p className="text-ink-muted">
          {full ? t("full") : t("drop")}
        </p>
        <button
          type="button"
          disabled={full}
          onClick={() => input.current?.click()}
          className="rounded-lg border border-ink/15 bg-paper px-3 py-1.5 font-medium hover:border-ink/30 disabled:opacity-50"
        >
          {t("browse")}
        </button>
        <input
          ref={input}
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif,image/avif,image/heic"
          multiple
          hidden
          data-testid="reference-input"
          onChange={(e) => {
            onFiles(Array.from(e.target.files ?? []));
            e.target.value = "";
          }}
        />
        <p className="text-xs text-ink-muted">{t("formats", { mb: MAX_UPLOAD_BYTES / (1024 * 1024) })}</p>
      </div>
    </fieldset>
  );
}
