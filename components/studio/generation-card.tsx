"use client";

import { useParams } from "next/navigation";
import { ShareButton } from "@/components/share/share-button";
import type { GenerationDTO } from "@/lib/data/dto";
import { formatDuration, useNow } from "./use-now";

const STATUS_LABEL: Record<GenerationDTO["status"], string> = {
  QUEUED: "Queued",
  RUNNING: "Generating",
  SUCCEEDED: "Done",
  FAILED: "Failed",
};

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
  onRetry: (id: string) => void;
  onReuse: (generation: GenerationDTO) => void;
  retrying: boolean;
}

export function GenerationCard({ generation: g, onRetry, onReuse, retrying }: Props) {
  const pending = g.status === "QUEUED" || g.status === "RUNNING";
  const now = useNow(pending);
  const started = Date.parse(g.createdAt);
  const elapsed = (g.finishedAt ? Date.parse(g.finishedAt) : now) - started;
  // The card lives under /w/[workspace]/…; reading the slug here spares every caller a prop.
  const { workspace } = useParams<{ workspace: string }>();

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
          {STATUS_LABEL[g.status]}
        </span>
        <span className="tabular-nums text-ink-muted" data-testid="generation-elapsed">
          {formatDuration(elapsed)}
        </span>
        {g.parentId ? (
          <span className="rounded-full bg-accent-soft px-2 py-0.5 text-xs font-medium text-accent" data-testid="remix-badge">
            Remix
          </span>
        ) : null}
        <span className="text-ink-muted">
          · {g.size.replace("x", "×")} · {g.n} {g.n === 1 ? "image" : "images"}
        </span>
        <button
          type="button"
          onClick={() => onReuse(g)}
          className="ml-auto rounded-md px-2 py-1 text-xs font-medium text-ink-soft hover:bg-ink/5"
        >
          Use these inputs
        </button>
        {g.status === "SUCCEEDED" ? (
          <ShareButton workspace={workspace} target={{ type: "GENERATION", generationId: g.id }} subject={g.prompt} />
        ) : null}
      </header>
      <p className="mt-2 line-clamp-2 text-sm" title={g.prompt}>
        {g.prompt}
      </p>

      {g.status === "FAILED" && g.error ? (
        <div role="alert" className="mt-3 flex flex-wrap items-center gap-3 rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
          <span className="flex-1" data-testid="generation-error">
            {g.error.message}
          </span>
          {g.canRetry ? (
            <button
              type="button"
              disabled={retrying}
              onClick={() => onRetry(g.id)}
              className="rounded-md bg-danger px-3 py-1 text-xs font-medium text-white hover:bg-danger/90 disabled:opacity-60"
            >
              {retrying ? "Retrying…" : "Retry"}
            </button>
          ) : null}
        </div>
      ) : null}

      {g.status !== "FAILED" ? (
        <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {g.status === "SUCCEEDED"
            ? g.images.map((img) => (
                <li key={img.id}>
                  <a href={img.url} target="_blank" rel="noreferrer" className="block overflow-hidden rounded-lg bg-paper-sunk">
                    {/* eslint-disable-next-line @next/next/no-img-element -- auth-checked files, already thumbnailed */}
                    <img
                      src={img.thumbUrl}
                      alt={`Result ${img.index + 1} of “${g.prompt.slice(0, 60)}”`}
                      width={img.width}
                      height={img.height}
                      style={{ aspectRatio: `${img.width} / ${img.height}` }}
                      className="h-auto w-full object-cover"
                      data-testid="generation-image"
                    />
                  </a>
                </li>
              ))
            : Array.from({ length: g.n }, (_, i) => (
                <li
                  key={i}
                  style={{ aspectRatio: aspect(g.size) }}
                  className="animate-pulse rounded-lg bg-gradient-to-br from-paper-sunk to-ink/10"
                  data-testid="generation-placeholder"
                  aria-label={`Image ${i + 1} of ${g.n}, ${STATUS_LABEL[g.status].toLowerCase()}`}
                />
              ))}
        </ul>
      ) : null}
    </article>
  );
}
