"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useParams } from "next/navigation";
import { useState } from "react";
import { sizeNote } from "@/components/gallery/size-text";
import { ShareButton } from "@/components/share/share-button";
import type { GenerationDTO, SlotDTO } from "@/lib/data/dto";
import { useFailureText } from "./failure-text";
import { useNow } from "./use-now";

const STATUS_LABEL = {
  QUEUED: "queued",
  RUNNING: "running",
  SUCCEEDED: "succeeded",
  FAILED: "failed",
} as const satisfies Record<GenerationDTO["status"], string>;

const STATUS_STYLE: Record<GenerationDTO["status"], string> = {
  QUEUED: "bg-ink/5 text-ink-soft",
  RUNNING: "bg-accent-soft text-accent",
  SUCCEEDED: "bg-success-soft text-success",
  FAILED: "bg-danger-soft text-danger",
};

function aspect(size: string): string {
  const [w, h] = size.split("x");
  return `${w} / ${h}`;
}

interface Props {
  generation: GenerationDTO;
  /** Without a slot: every failed image of the generation. */
  onRetry: (id: string, slot?: number) => void;
  onCancel: (id: string) => void;
  onReuse: (generation: GenerationDTO) => void;
  retrying: boolean;
  cancelling: boolean;
}

/** "42 s", "1 min 05 s" in the viewer's language. */
function useDuration() {
  const t = useTranslations("studio.card");
  const format = useFormatter();
  return (ms: number) => {
    const s = Math.max(0, Math.round(ms / 1000));
    if (s < 60) return t("seconds", { seconds: s });
    return t("minutes", { minutes: Math.floor(s / 60), seconds: format.number(s % 60, { minimumIntegerDigits: 2 }) });
  };
}

export function GenerationCard({ generation: g, onRetry, onCancel, onReuse, retrying, cancelling }: Props) {
  const t = useTranslations("studio.card");
  const gallery = useTranslations("gallery");
  const failure = useFailureText();
  const formatDuration = useDuration();
  const pending = g.status === "QUEUED" || g.status === "RUNNING";
  const now = useNow(pending);
  const started = Date.parse(g.createdAt);
  const elapsed = (g.finishedAt ? Date.parse(g.finishedAt) : now) - started;
  // The card lives under /w/[workspace]/…; reading the slug here spares every caller a prop.
  const { workspace } = useParams<{ workspace: string }>();
  // Until the first poll brings the slots, one placeholder per requested image.
  const slots: SlotDTO[] =
    g.slots.length > 0
      ? g.slots
      : Array.from({ length: g.n }, (_, index) => ({ index, status: "QUEUED", error: null, imageId: null, canRetry: false, errorDetails: null }));
  const made = slots.filter((s) => s.status === "SUCCEEDED").length;
  const failedSlots = slots.filter((s) => s.error);
  const bannerDetails = g.status === "FAILED" ? failedSlots.find((s) => s.errorDetails)?.errorDetails : null;
  const banner = g.status === "FAILED" && g.error ? failure(g.error) : null;
  const bannerNext = failedSlots[0]?.error ? failure(failedSlots[0].error).next : null;

  return (
    <article
      className="rounded-card border border-ink/10 bg-paper-raised p-4"
      data-testid="generation"
      data-status={g.status}
      data-id={g.id}
      aria-busy={pending}
    >
      <header className="flex flex-wrap items-center gap-2 text-sm">
        <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${STATUS_STYLE[g.status]}`}>
          {g.cancelled && pending ? t("cancelling") : t(STATUS_LABEL[g.status])}
        </span>
        <span className="tabular-nums text-ink-muted" data-testid="generation-elapsed">
          {formatDuration(elapsed)}
        </span>
        {g.parentId ? (
          <span className="rounded-full bg-accent-soft px-2 py-0.5 text-xs font-medium text-accent" data-testid="remix-badge">
            {t("remix")}
          </span>
        ) : null}
        <span className="text-ink-muted" data-testid="generation-count">
          · {g.size.replace("x", "×")} ·{" "}
          {g.status === "SUCCEEDED" && made < g.n ? t("partial", { made, count: g.n }) : t("images", { count: g.n })}
        </span>
        <span className="ml-auto flex items-center gap-1">
          {g.canCancel ? (
            <button
              type="button"
              disabled={cancelling}
              onClick={() => onCancel(g.id)}
              className="rounded-md px-2 py-1 text-xs font-medium text-ink-soft hover:bg-ink/5 disabled:opacity-60"
            >
              {cancelling ? t("cancellingNow") : t("cancel")}
            </button>
          ) : null}
          <button
            type="button"
            onClick={() => onReuse(g)}
            className="rounded-md px-2 py-1 text-xs font-medium text-ink-soft hover:bg-ink/5"
          >
            {t("reuse")}
          </button>
          {g.status === "SUCCEEDED" ? (
            <ShareButton workspace={workspace} target={{ type: "GENERATION", generationId: g.id }} subject={g.prompt} />
          ) : null}
        </span>
      </header>
      <p className="mt-2 line-clamp-2 text-sm" title={g.prompt}>
        {g.prompt}
      </p>
      {g.sentPrompt ? (
        <details className="mt-1 text-xs text-ink-muted">
          <summary className="cursor-pointer">{t("sentPrompt")}</summary>
          <p className="mt-1" data-testid="sent-prompt">
            {g.sentPrompt}
          </p>
        </details>
      ) : null}

      {banner ? (
        <div role="alert" className="mt-3 flex flex-wrap items-center gap-3 rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
          <span className="flex-1">
            <span className="block" data-testid="generation-error">
              {banner.reason}
            </span>
            {bannerNext ? (
              <span className="block text-xs opacity-90" data-testid="generation-next">
                {bannerNext}
              </span>
            ) : null}
          </span>
          {bannerDetails ? <CopyDetails details={bannerDetails} /> : null}
          {g.canRetry ? (
            <button
              type="button"
              disabled={retrying}
              onClick={() => onRetry(g.id)}
              className="rounded-md bg-danger px-3 py-1 text-xs font-medium text-white hover:bg-danger/90 disabled:opacity-60"
            >
              {retrying ? t("retrying") : t("retry")}
            </button>
          ) : null}
        </div>
      ) : null}

      <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {slots.map((slot) => {
          const image = slot.imageId ? g.images.find((img) => img.id === slot.imageId) : undefined;
          const position = slot.index + 1;
          if (image) {
            const note = sizeNote(gallery, g.size, image.width, image.height);
            return (
              <li key={slot.index} data-testid="generation-slot" data-slot-status={slot.status}>
                <a href={image.url} target="_blank" rel="noreferrer" className="block overflow-hidden rounded-lg bg-paper-sunk">
                  {/* eslint-disable-next-line @next/next/no-img-element -- auth-checked files, already thumbnailed */}
                  <img
                    src={image.thumbUrl}
                    alt={t("result", { position: image.index + 1, prompt: g.prompt.slice(0, 60) })}
                    width={image.width}
                    height={image.height}
                    style={{ aspectRatio: `${image.width} / ${image.height}` }}
                    className="h-auto w-full object-cover"
                    data-testid="generation-image"
                  />
                </a>
                {note ? (
                  <p className="mt-1 text-xs text-ink-muted" data-testid="size-note">
                    {note}
                  </p>
                ) : null}
              </li>
            );
          }
          if (slot.error) {
            // A generation that kept nothing says why once, in its banner; a partial one per image.
            const words = failure(slot.error);
            const own = g.status !== "FAILED" || !banner || words.reason !== banner.reason;
            return (
              <li
                key={slot.index}
                style={{ aspectRatio: aspect(g.size) }}
                className="flex flex-col justify-center gap-1 rounded-lg border border-danger/30 bg-danger-soft/50 p-2 text-xs text-danger"
                data-testid="generation-slot"
                data-slot-status={slot.status}
                aria-label={t(slot.status === "CANCELLED" ? "slotCancelled" : "slotFailed", { position, count: g.n })}
              >
                <span className="font-medium">{slot.status === "CANCELLED" ? t("cancelled") : t("notMade")}</span>
                {own ? (
                  <>
                    <span data-testid="slot-error">{words.reason}</span>
                    <span className="opacity-90">{words.next}</span>
                  </>
                ) : null}
                <span className="flex flex-wrap gap-1">
                  {slot.canRetry && g.status === "SUCCEEDED" ? (
                    <button
                      type="button"
                      disabled={retrying}
                      onClick={() => onRetry(g.id, slot.index)}
                      aria-label={t("retryImage", { position })}
                      className="rounded-md bg-danger px-2 py-0.5 font-medium text-white hover:bg-danger/90 disabled:opacity-60"
                    >
                      {t("retry")}
                    </button>
                  ) : null}
                  {own && slot.errorDetails ? <CopyDetails details={slot.errorDetails} /> : null}
                </span>
              </li>
            );
          }
          return (
            <li
              key={slot.index}
              style={{ aspectRatio: aspect(g.size) }}
              className="animate-pulse rounded-lg bg-gradient-to-br from-paper-sunk to-ink/10"
              data-testid="generation-placeholder"
              data-slot-status={slot.status}
              aria-label={t(slot.status === "RUNNING" ? "slotRunning" : "slotQueued", { position, count: g.n })}
            />
          );
        })}
      </ul>
    </article>
  );
}

/** Admins' and owners' view of what the relay really answered (status, redacted body excerpt). */
function CopyDetails({ details }: { details: string }) {
  const t = useTranslations("studio.card");
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={() => {
        void navigator.clipboard.writeText(details).then(() => setCopied(true));
      }}
      className="rounded-md border border-danger/40 px-2 py-0.5 text-xs font-medium text-danger hover:bg-danger/10"
      title={details}
    >
      {copied ? t("copied") : t("copyDetails")}
    </button>
  );
}
