import type { ReactNode } from "react";
import type { SharedGenerationDTO } from "@/lib/data/share/content";
import { SIZE_CHOICES, type ImageSize } from "@/lib/validations/generation";
import { sizeNote } from "@/lib/validations/size";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export function generationFacts(g: SharedGenerationDTO): string {
  const shape = SIZE_CHOICES[g.size as ImageSize]?.label ?? g.size;
  return [
    g.creatorName ? `by ${g.creatorName}` : null,
    `${shape} ${g.size.replace("x", "×")}`,
    `${g.images.length} ${g.images.length === 1 ? "image" : "images"}`,
    dateFormat.format(new Date(g.createdAt)),
  ]
    .filter(Boolean)
    .join(" · ");
}

const promptAlt = (g: SharedGenerationDTO, index: number) =>
  `Image ${index + 1} of “${g.prompt.length > 80 ? `${g.prompt.slice(0, 79)}…` : g.prompt}”`;

/**
 * One shared generation. "hero" is the page of a single generation (full images, large);
 * "card" is one entry of a shared gallery (thumbnails that open the full image).
 */
export function SharedGeneration({
  generation: g,
  variant,
  action,
}: {
  generation: SharedGenerationDTO;
  variant: "hero" | "card";
  action?: ReactNode;
}) {
  const hero = variant === "hero";
  return (
    <article className={hero ? "space-y-8" : "space-y-3 rounded-card border border-ink/10 bg-paper-raised p-4"}>
      {hero ? null : (
        <>
          <p className="line-clamp-3 text-sm" title={g.prompt}>
            {g.prompt}
          </p>
          <p className="text-xs text-ink-muted">{generationFacts(g)}</p>
        </>
      )}

      <ul className={hero && g.images.length === 1 ? "grid gap-4" : "grid grid-cols-2 gap-3"}>
        {g.images.map((img) => (
          <li key={img.index} className="space-y-1">
            <a
              href={img.url}
              target="_blank"
              rel="noreferrer"
              className="block overflow-hidden rounded-lg bg-paper-sunk"
              aria-label={`${promptAlt(g, img.index)}, full size`}
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- served through the share token, already sized */}
              <img
                src={hero ? img.url : img.thumbUrl}
                alt={promptAlt(g, img.index)}
                width={img.width}
                height={img.height}
                style={{ aspectRatio: `${img.width} / ${img.height}` }}
                className="h-auto w-full object-cover"
                data-testid="shared-image"
              />
            </a>
            {sizeNote(g.size, img.width, img.height) ? (
              <p className="text-xs text-ink-muted" data-testid="size-note">
                {sizeNote(g.size, img.width, img.height)}
              </p>
            ) : null}
            {hero && img.revisedPrompt ? <p className="text-xs text-ink-muted">Revised prompt: {img.revisedPrompt}</p> : null}
          </li>
        ))}
      </ul>

      {g.references.length > 0 ? (
        <section aria-label="Reference images" className="space-y-2">
          <h2 className={hero ? "text-lg font-semibold" : "text-xs font-medium uppercase tracking-wide text-ink-muted"}>
            Made from {g.references.length === 1 ? "this reference" : `these ${g.references.length} references`}
          </h2>
          <ul className="flex flex-wrap gap-3">
            {g.references.map((r) => (
              <li key={r.position} className="w-24 space-y-1 text-center">
                {/* eslint-disable-next-line @next/next/no-img-element -- served through the share token */}
                <img
                  src={r.url}
                  alt={`Reference ${r.position + 1}${r.label ? `: ${r.label}` : ""}`}
                  className="aspect-square w-full rounded-lg bg-paper-sunk object-cover"
                  data-testid="shared-reference"
                />
                <span className="block truncate text-xs text-ink-muted">@{r.position + 1}{r.label ? ` ${r.label}` : ""}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {action}
    </article>
  );
}
