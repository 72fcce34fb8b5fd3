"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useState, type MouseEvent } from "react";
import { ShareButton } from "@/components/share/share-button";
import { buttonClass } from "@/components/ui/button";
import { useProblemText } from "@/components/ui/problem";
import { reuseImageAction } from "@/lib/actions/reuse-image";
import type { CollectionOptionDTO } from "@/lib/data/collections";
import type { GalleryGenerationDTO, GalleryImageDTO } from "@/lib/data/gallery/types";
import { workspaceUrls } from "@/lib/urls";
import { CollectionMenu } from "./collection-menu";
import { ConfirmDialog } from "./confirm-dialog";
import { Heart } from "./heart";
import { sizeLabel, sizeNote } from "./size-text";
import type { GalleryActions } from "./use-gallery-actions";

interface Props {
  generation: GalleryGenerationDTO;
  image: GalleryImageDTO;
  /** The workspace's collections; null where collections do not apply (My gallery). */
  collections: CollectionOptionDTO[] | null;
  onCollectionCreated: (collection: CollectionOptionDTO) => void;
  actions: GalleryActions;
  /** Given in the lightbox: a sibling opens in place instead of following its link. */
  onNavigate?: (imageId: string) => void;
  showWorkspace?: boolean;
  titleId: string;
}

const small = buttonClass("secondary", "px-3 py-1.5");
// How a prompt points at its reference (@1…@5): prompt syntax, the same in every language.
const promptTag = (slot: number) => `@${slot}`;
const dangerLink = "rounded-lg px-3 py-1.5 text-sm font-medium text-danger hover:bg-danger-soft";

/** Everything about one result image: large, with its prompt, inputs, siblings and what can be done with it. */
export function ImageDetail({ generation: g, image, collections, onCollectionCreated, actions, onNavigate, showWorkspace, titleId }: Props) {
  const t = useTranslations("gallery");
  const problemText = useProblemText();
  const format = useFormatter();
  const [confirm, setConfirm] = useState<"image" | "generation" | null>(null);
  const ws = g.workspace.slug;
  const [reuse, reuseAsReference, reusing] = useActionState(reuseImageAction, undefined);
  const note = sizeNote(t, g.size, image.width, image.height);
  const deleting = actions.busy === `delete:${image.id}` || actions.busy === `delete:${g.id}`;

  const copyPrompt = async () => {
    try {
      await navigator.clipboard.writeText(g.prompt);
      actions.announce(t("detail.copied"));
    } catch {
      actions.announce(t("detail.copyFailed"));
    }
  };

  const follow = (imageId: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (!onNavigate || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    onNavigate(imageId);
  };

  const remove = async () => {
    const done = confirm === "generation" ? await actions.deleteGeneration(ws, g.id) : await actions.deleteImage(ws, image.id);
    if (done) setConfirm(null);
  };

  return (
    <div className="grid min-h-0 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]" data-testid="image-detail" data-image-id={image.id}>
      <figure className="flex min-h-0 items-center justify-center rounded-card bg-paper-sunk p-2">
        {/* eslint-disable-next-line @next/next/no-img-element -- auth-checked originals; the thumbnail shows while it loads */}
        <img
          key={image.id}
          src={image.url}
          alt={t("detail.image", { index: image.index + 1, prompt: g.prompt.slice(0, 80) })}
          width={image.width}
          height={image.height}
          style={{ aspectRatio: `${image.width} / ${image.height}`, backgroundImage: `url(${image.thumbUrl})` }}
          className="h-auto max-h-[78vh] w-auto max-w-full rounded-lg bg-cover object-contain"
          data-testid="detail-image"
        />
      </figure>

      <div className="min-w-0 space-y-6 text-sm">
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            aria-pressed={image.favorite}
            disabled={actions.busy === `favorite:${image.id}`}
            onClick={() => void actions.favorite(ws, image.id, !image.favorite)}
            className={buttonClass(image.favorite ? "primary" : "secondary", "px-3 py-1.5")}
          >
            <Heart filled={image.favorite} />
            {t(image.favorite ? "detail.favourite" : "detail.addFavourite")}
          </button>
          <a href={image.url} download={image.fileName} className={small} data-testid="download-original">
            {t("detail.download")}
          </a>
          {g.can.share ? (
            <ShareButton workspace={ws} target={{ type: "GENERATION", generationId: g.id }} subject={g.prompt} className={small} />
          ) : null}
          {collections && g.can.collect ? (
            <CollectionMenu
              workspace={ws}
              collections={collections}
              imageIds={[image.id]}
              memberOf={image.collectionIds}
              actions={actions}
              onCreated={onCollectionCreated}
              buttonClassName={small}
            />
          ) : null}
        </div>

        <section aria-labelledby={titleId} className="space-y-2">
          <div className="flex items-center justify-between gap-2">
            <h2 id={titleId} className="text-xs font-medium uppercase tracking-wide text-ink-muted">
              {t("detail.prompt")}
            </h2>
            <button type="button" onClick={copyPrompt} className="rounded-md px-2 py-1 text-xs font-medium text-ink-soft hover:bg-ink/5">
              {t("detail.copyPrompt")}
            </button>
          </div>
          <p className="whitespace-pre-wrap break-words text-base leading-relaxed" data-testid="detail-prompt">
            {g.prompt}
          </p>
          {image.revisedPrompt && image.revisedPrompt !== g.prompt ? (
            <details className="rounded-lg bg-paper-sunk px-3 py-2">
              <summary className="cursor-pointer text-xs font-medium text-ink-soft">{t("detail.revised")}</summary>
              <p className="mt-2 whitespace-pre-wrap break-words text-ink-muted">{image.revisedPrompt}</p>
            </details>
          ) : null}
        </section>

        {g.can.remix ? (
          <div className="flex flex-wrap gap-2">
            <Link href={workspaceUrls.create(ws, { remix: g.id })} className={buttonClass("primary", "px-3 py-1.5")} data-testid="remix-link">
              {t("detail.remix")}
            </Link>
            <form action={reuseAsReference}>
              <input type="hidden" name="workspace" value={ws} />
              <input type="hidden" name="imageId" value={image.id} />
              <button type="submit" className={small} disabled={reusing} data-testid="use-as-reference">
                {t("detail.useAsReference")}
              </button>
            </form>
            {reuse && !reuse.ok ? (
              <p role="alert" className="basis-full text-sm text-danger">
                {problemText(reuse.problem)}
              </p>
            ) : null}
          </div>
        ) : null}

        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5">
          <dt className="text-ink-muted">{t("detail.size")}</dt>
          <dd>
            {sizeLabel(t, g.size)}
            {note ? (
              <span className="block text-xs text-ink-muted" data-testid="size-note">
                {note}
              </span>
            ) : null}
          </dd>
          <dt className="text-ink-muted">{t("detail.model")}</dt>
          <dd className="break-all">{g.model}</dd>
          <dt className="text-ink-muted">{t("detail.author")}</dt>
          <dd>
            {g.author.isViewer ? t("detail.you") : (g.author.name ?? t("detail.someone"))}
            {g.viaApi ? (
              <span className="block text-xs text-ink-muted" data-testid="detail-via-api">
                {t("grid.viaApi", { key: g.viaApi.keyName })}
              </span>
            ) : null}
          </dd>
          <dt className="text-ink-muted">{t("detail.when")}</dt>
          <dd>
            <time dateTime={g.createdAt}>{format.dateTime(new Date(g.createdAt), "dateTime")}</time>
          </dd>
          {showWorkspace ? (
            <>
              <dt className="text-ink-muted">{t("detail.workspace")}</dt>
              <dd>
                <Link href={workspaceUrls.gallery(ws)} className="underline decoration-ink/30 underline-offset-2 hover:decoration-ink">
                  {g.workspace.name}
                </Link>
              </dd>
            </>
          ) : null}
        </dl>

        {g.references.length > 0 ? (
          <section className="space-y-2">
            <h3 className="text-xs font-medium uppercase tracking-wide text-ink-muted">{t("detail.references")}</h3>
            <ol className="flex flex-wrap gap-2">
              {g.references.map((r, i) => (
                <li key={r.assetId} className="relative">
                  {/* eslint-disable-next-line @next/next/no-img-element -- auth-checked files */}
                  <img
                    src={r.url}
                    alt={r.label ? t("detail.referenceLabelled", { index: i + 1, label: r.label }) : t("detail.reference", { index: i + 1 })}
                    width={r.width}
                    height={r.height}
                    loading="lazy"
                    className="size-16 rounded-lg border border-ink/10 object-cover"
                  />
                  <span className="absolute left-1 top-1 rounded bg-ink/75 px-1 text-[10px] font-semibold text-white">{promptTag(i + 1)}</span>
                </li>
              ))}
            </ol>
          </section>
        ) : null}

        {g.images.length > 1 ? (
          <section className="space-y-2">
            <h3 className="text-xs font-medium uppercase tracking-wide text-ink-muted">{t("detail.siblings")}</h3>
            <ul className="flex flex-wrap gap-2">
              {g.images.map((s) => (
                <li key={s.id}>
                  <a
                    href={workspaceUrls.image(g.workspace.slug, s.id)}
                    onClick={follow(s.id)}
                    aria-current={s.id === image.id ? "true" : undefined}
                    className="block overflow-hidden rounded-lg border-2 border-transparent aria-[current=true]:border-accent"
                    data-testid="sibling"
                  >
                    {/* eslint-disable-next-line @next/next/no-img-element -- auth-checked thumbnails */}
                    <img
                      src={s.thumbUrl}
                      alt={t("detail.sibling", { index: s.index + 1, total: g.images.length })}
                      width={s.width}
                      height={s.height}
                      loading="lazy"
                      className="h-16 w-auto"
                      style={{ aspectRatio: `${s.width} / ${s.height}` }}
                    />
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {g.can.delete ? (
          <div className="flex flex-wrap gap-2 border-t border-ink/10 pt-4">
            <button type="button" onClick={() => setConfirm("image")} className={dangerLink}>
              {t("detail.deleteImage")}
            </button>
            {g.images.length > 1 ? (
              <button type="button" onClick={() => setConfirm("generation")} className={dangerLink}>
                {t("detail.deleteAll", { count: g.images.length })}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>

      <ConfirmDialog
        open={confirm !== null}
        title={confirm === "generation" ? t("detail.confirmAll.title", { count: g.images.length }) : t("detail.confirmImage.title")}
        confirmLabel={t("detail.confirm")}
        busy={deleting}
        onConfirm={remove}
        onClose={() => setConfirm(null)}
      >
        {t(confirm === "generation" ? "detail.confirmAll.body" : "detail.confirmImage.body")}
      </ConfirmDialog>
    </div>
  );
}
